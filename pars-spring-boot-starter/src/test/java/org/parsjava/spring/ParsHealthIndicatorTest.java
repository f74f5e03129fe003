/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.testkit.ParsSimulator;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Status;

class ParsHealthIndicatorTest {

    @Test
    void parsIsAskedAtMostOnceAMinute() {
        java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-11-20T15:00:00Z"));
        try (ParsSimulator sim = ParsSimulator.builder().build().start();
                ParsClient client = sim.clientBuilder().build()) {
            ParsHealthIndicator health = new ParsHealthIndicator(
                    client,
                    ParsSimulator.DEFAULT_PROVIDER_ID,
                    new StaticListableBeanFactory().getBeanProvider(LedgerOverdue.class),
                    now::get);
            assertEquals(Status.UP, health.health().getStatus());
            assertEquals(Status.UP, health.health().getStatus());
            now.set(now.get().plusSeconds(59));
            assertEquals(Status.UP, health.health().getStatus());
            assertEquals(1, sim.requests(Operation.GET_LEARNER_STATUS).size(), "asked once within the minute");
            now.set(now.get().plus(Duration.ofSeconds(2)));
            assertEquals(Status.UP, health.health().getStatus());
            assertEquals(2, sim.requests(Operation.GET_LEARNER_STATUS).size(), "asked again after it");
        }
    }
}
