/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parsjava.client.ParsClient;
import org.parsjava.client.RetryPolicy;
import org.parsjava.client.exception.ParsException;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.BoardReason;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.ledger.EntryProblem;
import org.parsjava.ledger.EntryState;

/**
 * The board's verdict on MOC lines: asks PARS by CreditID about an entry waiting for the board;
 * an acceptance of every MOC line settles it, a rejection makes it a row to fix with the reason
 * PARS gives, anything else asks again later (backing off). Thread safe.
 */
public final class StatusSync {

    private final ParsClient client;
    private final RetryPolicy statusWaits;

    /** Checks through {@code client}, backing off by {@code statusWaits}. */
    public StatusSync(ParsClient client, RetryPolicy statusWaits) {
        this.client = client;
        this.statusWaits = statusWaits;
    }

    /** What PARS says of {@code c}'s MOC lines now. */
    public Outcome check(Claimed c, Instant now) {
        List<String> moc =
                c.creditIds().stream().filter(id -> !CreditIds.isCme(id)).toList();
        boolean allAccepted = true;
        try {
            for (String id : moc) {
                List<CreditStatus> s = client.learners().status(id);
                Optional<CreditStatus> refused = s.stream()
                        .filter(x -> x.state() == CreditStatus.State.REJECTED)
                        .findFirst();
                if (refused.isPresent()) {
                    Optional<BoardReason> why = refused.get().boardReason();
                    String code = why.map(r -> "BOARD_" + r.name()).orElse("BOARD_REJECTED");
                    String message = why.map(r -> "the board rejected the MOC credit: " + r.message() + ". What to do: "
                                    + r.whatToDo())
                            .orElse("the board rejected the MOC credit (PARS status: "
                                    + refused.get().rawStatus()
                                    + "); open the record in PARS to read the board's reason");
                    return Outcome.toFix(
                            c,
                            EntryState.BOARD_REJECTED,
                            "rejected by the board",
                            List.of(new EntryProblem("mocCredits", code, message)),
                            message,
                            false);
                }
                allAccepted &= s.stream().anyMatch(x -> x.state() == CreditStatus.State.ACCEPTED);
            }
        } catch (ParsException e) {
            allAccepted = false; // asked again later
        }
        if (allAccepted) {
            return Outcome.settled(c, EntryState.BOARD_ACCEPTED, "accepted by the board", false, false);
        }
        // The wait before the first check (from the acceptance) was the first; each check's doubles it.
        Duration wait = statusWaits.backoffCap(c.attempts() + 2);
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
                false,
                now.plus(wait),
                false,
                false);
    }
}
