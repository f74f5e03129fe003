/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parsjava.client.ParsClient;
import org.parsjava.client.RecordOutcome;
import org.parsjava.client.RecordResult;
import org.parsjava.client.RetryPolicy;
import org.parsjava.client.SubmissionResult;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsException;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.validation.Violation;
import org.parsjava.ledger.DrainSummary;
import org.parsjava.ledger.EntryProblem;
import org.parsjava.ledger.EntryState;

/**
 * One drain step: sends a batch of claimed entries through the client (deletes first: withdrawals
 * and the old record of a correction; then adds) and turns each answer into an {@link Outcome}.
 * An entry a killed drain had started is first looked up by CreditID, and settled without sending
 * when PARS already holds it. Thread safe.
 */
public final class Sender {

    private final ParsClient client;
    private final RetryPolicy retryWaits;
    private final RetryPolicy statusWaits;

    /**
     * A sender through {@code client}.
     *
     * @param retryWaits waits between sends of a failing entry
     * @param statusWaits waits between board-status checks (the first is set when a MOC line is accepted)
     */
    public Sender(ParsClient client, RetryPolicy retryWaits, RetryPolicy statusWaits) {
        this.client = client;
        this.retryWaits = retryWaits;
        this.statusWaits = statusWaits;
    }

    /**
     * What a step came to.
     *
     * @param outcomes one per claimed entry
     * @param refused set when PARS refused the credentials: the entries not settled go back unsent
     */
    public record Step(List<Outcome> outcomes, DrainSummary summary, ParsAuthenticationException refused) {}

    /** Sends {@code batch}; every claimed entry gets an outcome. */
    public Step send(List<Claimed> batch, Instant now) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        int resumed = 0;
        List<Claimed> adds = new ArrayList<>();
        List<Claimed> deletes = new ArrayList<>();
        ParsAuthenticationException refused = null;
        for (Claimed c : batch) {
            if (c.resumed()) {
                resumed++;
            }
            if (refused != null) {
                continue; // credentials refused: nothing more is asked or sent
            }
            try {
                triage(c, now, outcomes, adds, deletes);
            } catch (ParsAuthenticationException e) {
                refused = e;
            }
        }
        if (refused == null) {
            try {
                send(deletes, adds, now, outcomes);
            } catch (ParsAuthenticationException e) {
                refused = e;
            }
        }
        // Whatever was not settled (credentials refused) goes back unchanged, without an attempt.
        java.util.Set<Long> settled = new java.util.HashSet<>();
        outcomes.forEach(o -> settled.add(o.id()));
        for (Claimed c : batch) {
            if (!settled.contains(c.id())) {
                outcomes.add(Outcome.unchanged(c));
            }
        }
        return new Step(outcomes, summarise(batch.size(), outcomes, resumed), refused);
    }

    /**
     * Settles {@code c} at once (a status lookup, or nothing left to send) or puts it with the
     * adds or the deletes.
     *
     * @throws ParsAuthenticationException when PARS refuses the credentials for a lookup
     */
    private void triage(Claimed c, Instant now, List<Outcome> outcomes, List<Claimed> adds, List<Claimed> deletes) {
        if (c.completion() == null && c.confirmFirst()) {
            // Settled by a PARS the ledger no longer reports to, and its learner data purged: only
            // the CreditIDs are left, enough to ask but not to send.
            outcomes.add(
                    switch (heldByPars(c.creditIds())) {
                        case YES ->
                            accepted(c, now, "PARS already holds it (status lookup after adopting this PARS)", true);
                        case NO ->
                            Outcome.toFix(
                                    c,
                                    EntryState.INVALID,
                                    "not held by the adopted PARS, and purged",
                                    List.of(new EntryProblem(
                                            "",
                                            "PURGED_NOT_HELD",
                                            "the PARS this ledger now reports to "
                                                    + "does not hold this record, and its learner data was purged after the "
                                                    + "retention; record the completion again to send it")),
                                    null,
                                    false);
                        case UNKNOWN -> askAgain(c, now);
                    });
        } else if (c.completion() == null) { // purged: nothing left to send
            outcomes.add(
                    Outcome.settled(c, EntryState.WITHDRAWN, "no learner data left to send (purged)", false, true));
        } else if (c.state() == EntryState.WITHDRAWING || c.state() == EntryState.CORRECTING) {
            deletes.add(c);
        } else if ((c.resumed() || c.confirmFirst()) && heldByPars(c.creditIds()) == Held.YES) {
            outcomes.add(accepted(
                    c,
                    now,
                    c.confirmFirst()
                            ? "PARS already holds it (status lookup after adopting this PARS)"
                            : "resumed: PARS already holds it (status lookup)",
                    true));
        } else {
            adds.add(c);
        }
    }

    /** Sends the deletes, then the adds, adding an outcome for each. */
    private void send(List<Claimed> deletes, List<Claimed> adds, Instant now, List<Outcome> outcomes) {
        if (!deletes.isEmpty()) {
            // Delete what PARS holds: the previous content while a correction is pending.
            SubmissionResult r = client.learners()
                    .delete(deletes.stream()
                            .map(c -> c.previous() != null ? c.previous() : c.completion())
                            .toList());
            for (RecordResult rr : r.records()) {
                outcomes.add(deleted(deletes.get(rr.index()), rr, now));
            }
        }
        if (!adds.isEmpty()) {
            SubmissionResult r = client.learners()
                    .submit(adds.stream().map(Claimed::completion).toList());
            for (RecordResult rr : r.records()) {
                outcomes.add(added(adds.get(rr.index()), rr, now));
            }
        }
    }

    private static DrainSummary summarise(int taken, List<Outcome> outcomes, int resumed) {
        int accepted = 0;
        int rejected = 0;
        int invalid = 0;
        int retrying = 0;
        int withdrawn = 0;
        int held = 0;
        for (Outcome o : outcomes) {
            switch (o.to()) {
                case ACCEPTED, AWAITING_BOARD -> {
                    accepted++;
                    held += o.alreadyHeld() ? 1 : 0;
                }
                case REJECTED -> rejected++;
                case INVALID -> invalid++;
                case WITHDRAWN -> withdrawn++;
                case RETRYING, WITHDRAWING, CORRECTING -> retrying++;
                default -> {} // PENDING: a correction's old record is gone; the new one follows
            }
        }
        return new DrainSummary(taken, accepted, rejected, invalid, retrying, withdrawn, resumed, held);
    }

    /** What a status lookup said of a record. */
    private enum Held {
        /** Every credit line is in PARS (accepted or waiting for the board). */
        YES,
        /** A credit line is not. */
        NO,
        /** PARS could not be asked (other than for refused credentials, which stop the drain). */
        UNKNOWN
    }

    /**
     * Whether PARS holds every one of these credit lines. An entry with learner data is sent unless
     * PARS said yes (a duplicate refusal is then confirmed by the client itself).
     */
    private Held heldByPars(List<String> creditIds) {
        try {
            for (String id : creditIds) {
                List<CreditStatus> s = client.learners().status(id);
                if (s.stream()
                        .noneMatch(x ->
                                x.state() == CreditStatus.State.ACCEPTED || x.state() == CreditStatus.State.PENDING)) {
                    return Held.NO;
                }
            }
            return Held.YES;
        } catch (ParsAuthenticationException e) {
            throw e; // the drain stops; its entries go back as they were
        } catch (ParsException e) {
            return Held.UNKNOWN;
        }
    }

    /**
     * An entry PARS could not be asked about, with nothing to send instead: it stays as it was,
     * still to be asked first, at the next attempt's time.
     */
    private Outcome askAgain(Claimed c, Instant now) {
        Duration wait = retryWaits.backoffCap(c.attempts() + 1);
        return new Outcome(
                c.id(),
                c.state(),
                c.state(),
                "PARS could not be asked whether it holds it; asked again in " + wait.toMinutes() + " min",
                null,
                null,
                List.of(),
                true,
                now.plus(wait),
                false,
                null,
                false,
                false);
    }

    private Outcome accepted(Claimed c, Instant now, String note, boolean alreadyHeld) {
        boolean moc = c.creditIds().stream().anyMatch(id -> !org.parsjava.core.codec.CreditIds.isCme(id));
        return new Outcome(
                c.id(),
                c.state(),
                moc ? EntryState.AWAITING_BOARD : EntryState.ACCEPTED,
                note,
                null,
                null,
                List.of(),
                true,
                null,
                false,
                moc ? now.plus(statusWaits.baseDelay()) : null,
                false,
                alreadyHeld);
    }

    private Outcome added(Claimed c, RecordResult r, Instant now) {
        return switch (r.outcome()) {
            case ACCEPTED -> accepted(c, now, r.message().orElse("accepted by PARS"), r.alreadyHeld());
            case REJECTED ->
                Outcome.toFix(
                        c,
                        EntryState.REJECTED,
                        "rejected by PARS: " + r.parsCode().orElse("?"),
                        List.of(new EntryProblem(
                                "", r.parsCode().orElse(""), r.message().orElse(""))),
                        r.message().orElse(null),
                        true);
            case INVALID -> Outcome.toFix(c, EntryState.INVALID, "invalid", problems(r), null, true);
            case FAILED -> retry(c, r, now);
        };
    }

    private Outcome deleted(Claimed c, RecordResult r, Instant now) {
        if (r.outcome() == RecordOutcome.FAILED) {
            return retry(c, r, now);
        }
        if (r.outcome() == RecordOutcome.INVALID) {
            // The delete could not even be formed: a row to fix, the record stays where it is.
            return Outcome.toFix(c, EntryState.INVALID, "the delete could not be sent", problems(r), null, true);
        }
        // A refused or impossible delete is read as "PARS holds no such record": nothing left to
        // delete (PARS's codes for it are not documented, docs/pars-reference.md 11).
        String note = r.outcome() == RecordOutcome.ACCEPTED
                ? "deleted from PARS"
                : "PARS holds no such record to delete ("
                        + r.parsCode().orElse(r.outcome().name()) + ")";
        return c.state() == EntryState.CORRECTING
                ? Outcome.settled(c, EntryState.PENDING, note + "; the corrected record is sent next", false, true)
                : Outcome.settled(c, EntryState.WITHDRAWN, note, true, true);
    }

    private static List<EntryProblem> problems(RecordResult r) {
        return r.violations().stream()
                .filter(Violation::isError)
                .map(v -> new EntryProblem(v.field(), v.code().name(), v.message()))
                .toList();
    }

    private Outcome retry(Claimed c, RecordResult r, Instant now) {
        int attempts = c.attempts() + 1;
        Duration wait = retryWaits.backoffCap(attempts);
        EntryState to = c.state() == EntryState.PENDING ? EntryState.RETRYING : c.state();
        return new Outcome(
                c.id(),
                c.state(),
                to,
                "not confirmed: " + r.message().orElse("failed") + "; next attempt in " + wait.toMinutes() + " min",
                null,
                r.message().orElse(null),
                List.of(),
                true,
                now.plus(wait),
                r.outcomeUnknown() || c.outcomeUnknown(),
                null,
                false,
                false);
    }
}
