/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parsjava.client.ParsClient;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.BoardReason;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.testing.Fixtures;

/** A MOC line's second verdict: the board's, after its review time, with the reason PARS shows. */
class BoardVerdictsTest {

    /** A clock tests move forward. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theBoardDecidesAfterItsReviewTimeAndARejectionCarriesItsReason() {
        MovingClock clock = new MovingClock(Fixtures.CLOCK.instant());
        try (ParsSimulator sim = ParsSimulator.builder()
                        .clock(clock)
                        .boardReviewTime(Duration.ofHours(24))
                        .build()
                        .start();
                ParsClient client = sim.clientBuilder().sleeper(d -> {}).build()) {
            sim.addActivity(Fixtures.activity());
            LearnerCompletion rejected = Fixtures.completion(); // ABIM ID 000000
            LearnerCompletion accepted = rejected.toBuilder()
                    .completionKey("other")
                    .learner(Fixtures.learner().toBuilder()
                            .npi("1245319599")
                            .boardId(Board.ABIM, "654321")
                            .build())
                    .build();
            sim.boardRejects(Board.ABIM, "000000", BoardReason.NOT_ENROLLED);
            assertTrue(client.learners().submit(List.of(rejected, accepted)).allAccepted());
            String cme = CreditIds.all(rejected).get(0);
            String moc = CreditIds.all(rejected).get(1);
            assertEquals(
                    CreditStatus.State.ACCEPTED,
                    client.learners().status(cme).get(0).state());
            assertEquals(
                    CreditStatus.State.PENDING,
                    client.learners().status(moc).get(0).state());
            clock.advance(Duration.ofHours(25));
            CreditStatus verdict = client.learners().status(moc).get(0);
            assertEquals(CreditStatus.State.REJECTED, verdict.state());
            assertEquals(Optional.of(BoardReason.NOT_ENROLLED), verdict.boardReason());
            CreditStatus other =
                    client.learners().status(CreditIds.all(accepted).get(1)).get(0);
            assertEquals(CreditStatus.State.ACCEPTED, other.state());
            assertEquals(Optional.empty(), other.boardReason());
        }
    }
}
