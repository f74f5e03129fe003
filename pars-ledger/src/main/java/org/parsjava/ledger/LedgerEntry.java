/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One completion's reporting state, as the ledger holds it. Carries no personal data: the
 * learner's details stay encrypted in the store.
 *
 * @param providerId the accredited provider
 * @param completionKey the caller's key for the completion
 * @param state where it stands
 * @param reference the caller's own pointer (a roster line, say), or empty
 * @param accmeActivityId the activity, when it has its PARS ID
 * @param completionDate the completion date
 * @param deadline when it is due, and by which rule
 * @param attempts sends so far
 * @param nextAttemptAt when a {@link EntryState#RETRYING} entry is sent again
 * @param outcomeUnknown whether the last failed send may have reached PARS
 * @param parsCode PARS's code for a rejection, or the first violation code of an invalid entry
 * @param message PARS's message (scrubbed of learner data), or why the last send failed
 * @param problems what a person must fix: the violations of an invalid entry, PARS's or the
 *     board's refusal of a rejected one; empty otherwise
 * @param creditIds the CreditIDs of its credit lines
 * @param updatedAt the last transition
 */
public record LedgerEntry(
        String providerId,
        String completionKey,
        EntryState state,
        Optional<String> reference,
        Optional<String> accmeActivityId,
        LocalDate completionDate,
        Deadline deadline,
        int attempts,
        Optional<Instant> nextAttemptAt,
        boolean outcomeUnknown,
        Optional<String> parsCode,
        Optional<String> message,
        List<EntryProblem> problems,
        List<String> creditIds,
        Instant updatedAt) {

    /** Rejects nulls and copies the list. */
    public LedgerEntry {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(completionKey, "completionKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(accmeActivityId, "accmeActivityId");
        Objects.requireNonNull(completionDate, "completionDate");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(parsCode, "parsCode");
        Objects.requireNonNull(message, "message");
        problems = List.copyOf(problems);
        creditIds = List.copyOf(creditIds);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
