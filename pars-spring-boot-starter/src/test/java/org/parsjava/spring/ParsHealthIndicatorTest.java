/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.testkit.ParsSimulator;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Status;

class ParsHealthIndicatorTest {

    /** A clock the test moves. */
    private static final class Moved extends Clock {
        private Instant now = Instant.parse("2026-11-20T15:00:00Z");

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
    void parsIsAskedAtMostOnceAMinute() {
        Moved clock = new Moved();
        try (ParsSimulator sim = ParsSimulator.builder().build().start();
                ParsClient client = sim.clientBuilder().build()) {
            ParsHealthIndicator health = new ParsHealthIndicator(
                    client,
                    ParsSimulator.DEFAULT_PROVIDER_ID,
                    new StaticListableBeanFactory().getBeanProvider(LedgerOverdue.class),
                    clock);
            assertEquals(Status.UP, health.health().getStatus());
            assertEquals(Status.UP, health.health().getStatus());
            clock.now = clock.now.plusSeconds(59);
            assertEquals(Status.UP, health.health().getStatus());
            assertEquals(1, sim.requests(Operation.GET_LEARNER_STATUS).size(), "asked once within the minute");
            clock.now = clock.now.plus(Duration.ofSeconds(2));
            assertEquals(Status.UP, health.health().getStatus());
            assertEquals(2, sim.requests(Operation.GET_LEARNER_STATUS).size(), "asked again after it");
        }
    }
}
