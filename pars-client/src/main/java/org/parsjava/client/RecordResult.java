/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.validation.Violation;

/**
 * The outcome of one input record. Contains no learner data: the record is named by its index
 * in the input and the caller's completion key.
 *
 * @param index zero-based position in the input
 * @param completionKey the caller's key (empty when the key itself was invalid)
 * @param outcome accepted, rejected, invalid or failed
 * @param creditIds the PARS CreditIDs of the record's credit lines
 * @param violations local validation findings (errors for INVALID, warnings otherwise)
 * @param parsCode PARS's error code for a rejection, if it gave one
 * @param message PARS's explanation (digits masked) or the failure's cause, if any
 * @param outcomeUnknown for {@link RecordOutcome#FAILED} only: true when the record may have
 *     reached PARS (the failure came after it was sent and PARS could not be asked); check
 *     {@code learners().status(creditId)} before resending. False for every other record.
 * @param alreadyHeld for {@link RecordOutcome#ACCEPTED} only: true when PARS held the record
 *     before this submission (it refused it as a duplicate, and a status lookup confirmed it holds
 *     every credit line under these CreditIDs: an earlier run reported it). False when this
 *     submission put it in PARS.
 */
public record RecordResult(
        int index,
        String completionKey,
        RecordOutcome outcome,
        List<String> creditIds,
        List<Violation> violations,
        Optional<String> parsCode,
        Optional<String> message,
        boolean outcomeUnknown,
        boolean alreadyHeld) {

    /** Copies lists and rejects nulls. */
    public RecordResult {
        Objects.requireNonNull(completionKey, "completionKey");
        Objects.requireNonNull(outcome, "outcome");
        creditIds = List.copyOf(creditIds);
        violations = List.copyOf(violations);
        Objects.requireNonNull(parsCode, "parsCode");
        Objects.requireNonNull(message, "message");
        if (outcomeUnknown && outcome != RecordOutcome.FAILED) {
            throw new IllegalArgumentException("only a FAILED record can have an unknown outcome");
        }
        if (alreadyHeld && outcome != RecordOutcome.ACCEPTED) {
            throw new IllegalArgumentException("only an ACCEPTED record can have been held already");
        }
    }

    /** One line for people: {@code #12 [lms-881] REJECTED LEARNER_NOT_MATCHED: ...}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("#").append(index);
        if (!completionKey.isEmpty()) {
            b.append(" [").append(completionKey).append(']');
        }
        b.append(' ').append(outcome);
        parsCode.ifPresent(c -> b.append(' ').append(c));
        message.ifPresent(m -> b.append(": ").append(m));
        if (outcome == RecordOutcome.INVALID) {
            b.append(": ").append(violations);
        }
        return b.toString();
    }
}
