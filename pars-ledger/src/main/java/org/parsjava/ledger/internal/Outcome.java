/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.time.Instant;
import java.util.List;
import org.parsjava.ledger.EntryProblem;
import org.parsjava.ledger.EntryState;

/**
 * What one claimed entry's send or status check came to, as the ledger stores it.
 *
 * @param note the transition's note, or null for no transition (the state does not change)
 * @param code PARS's code or the first problem's, or null
 * @param message PARS's message (scrubbed) or a failure's cause, or null
 * @param problems what a person must fix (empty when nothing)
 * @param countAttempt whether this was a send attempt
 * @param nextAttemptAt when to send again, or null
 * @param outcomeUnknown whether what was sent may have reached PARS
 * @param nextStatusCheckAt when to ask about the board's decision, or null
 * @param clearPrevious whether the content to delete first is gone from PARS
 * @param alreadyHeld whether PARS held the record before this send (confirmed by status lookup)
 */
public record Outcome(
        long id,
        EntryState from,
        EntryState to,
        String note,
        String code,
        String message,
        List<EntryProblem> problems,
        boolean countAttempt,
        Instant nextAttemptAt,
        boolean outcomeUnknown,
        Instant nextStatusCheckAt,
        boolean clearPrevious,
        boolean alreadyHeld) {

    /** Copies the list. */
    public Outcome {
        problems = List.copyOf(problems);
    }

    /** The entry goes back as it was, without an attempt (nothing was sent). */
    public static Outcome unchanged(Claimed c) {
        return new Outcome(
                c.id(),
                c.state(),
                c.state(),
                null,
                null,
                null,
                List.of(),
                false,
                null,
                c.outcomeUnknown(),
                null,
                false,
                false);
    }

    /** A settled state with a note and no problems. */
    public static Outcome settled(Claimed c, EntryState to, String note, boolean attempt, boolean clearPrevious) {
        return new Outcome(
                c.id(), c.state(), to, note, null, null, List.of(), attempt, null, false, null, clearPrevious, false);
    }

    /** A state a person must act on: invalid, or refused by PARS or the board. */
    public static Outcome toFix(
            Claimed c, EntryState to, String note, List<EntryProblem> problems, String message, boolean attempt) {
        String code = problems.isEmpty() || problems.get(0).code().isEmpty()
                ? null
                : problems.get(0).code();
        return new Outcome(
                c.id(), c.state(), to, note, code, message, problems, attempt, null, false, null, false, false);
    }
}
