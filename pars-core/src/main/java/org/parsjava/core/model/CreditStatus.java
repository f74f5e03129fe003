/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What PARS holds for one credit line the provider submitted, found by its CreditID.
 *
 * @param creditId the CreditID
 * @param accmeActivityId the activity (module) ID, if PARS echoed it
 * @param completionDate the completion date, if PARS echoed it
 * @param state the normalised state
 * @param rawStatus PARS's own status text
 * @param boardReason why the board rejected the line, when PARS gave a reason (the text itself
 *     is not kept)
 */
public record CreditStatus(
        String creditId,
        Optional<String> accmeActivityId,
        Optional<LocalDate> completionDate,
        State state,
        String rawStatus,
        Optional<BoardReason> boardReason) {

    /** A status without a board reason. */
    public CreditStatus(
            String creditId,
            Optional<String> accmeActivityId,
            Optional<LocalDate> completionDate,
            State state,
            String rawStatus) {
        this(creditId, accmeActivityId, completionDate, state, rawStatus, Optional.empty());
    }

    /** Normalised record states. PARS's own names are not documented (docs/pars-reference.md 2.6). */
    public enum State {
        /** PARS holds the record. */
        ACCEPTED,
        /** Received, not yet processed. */
        PENDING,
        /** Refused (for example an identity mismatch at the board). */
        REJECTED,
        /** Deleted by the provider. */
        DELETED,
        /** A status text the SDK does not recognise; see {@link CreditStatus#rawStatus()}. */
        UNKNOWN;

        /** Maps PARS status text to a state, ignoring case; unknown text gives {@link #UNKNOWN}. */
        public static State fromText(String text) {
            if (text == null) {
                return UNKNOWN;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "accepted", "completed", "active", "success" -> ACCEPTED;
                case "pending", "received", "processing" -> PENDING;
                case "rejected", "failed", "error", "invalid" -> REJECTED;
                case "deleted", "removed" -> DELETED;
                default -> UNKNOWN;
            };
        }
    }

    /** Rejects nulls. */
    public CreditStatus {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(accmeActivityId, "accmeActivityId");
        Objects.requireNonNull(completionDate, "completionDate");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(boardReason, "boardReason");
    }
}
