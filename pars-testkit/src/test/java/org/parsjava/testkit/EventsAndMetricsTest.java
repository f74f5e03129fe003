/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEventListener;
import org.parsjava.client.metrics.ParsMetrics;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.testing.Fixtures;

class EventsAndMetricsTest {

    @RegisterExtension
    final ParsSimulatorExtension pars = new ParsSimulatorExtension(b -> b.clock(Fixtures.CLOCK));

    private static List<LearnerCompletion> completions(int n) {
        List<LearnerCompletion> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Fixtures.completion().toBuilder()
                    .completionKey("m-" + i)
                    .learner(Fixtures.learner().toBuilder()
                            .license(LicensingJurisdiction.NY, "N" + (1000 + i))
                            .build())
                    .completionDate(java.time.LocalDate.of(2026, 2, 1 + i))
                    .build());
        }
        return list;
    }

    @Test
    void requestsRetriesAndRecordsAreCountedWithoutPersonalData() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        pars.simulator()
                .addActivity(Fixtures.activity())
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.rateLimited(Duration.ofMillis(1)));
        List<LearnerCompletion> batch = new ArrayList<>(completions(3));
        batch.add(batch.get(0).toBuilder()
                .completionKey("m-bad")
                .learner(Fixtures.learner().toBuilder().build())
                .consent(false)
                .build()); // no consent: invalid, never sent
        try (ParsClient c = pars.simulator()
                .clientBuilder()
                .sleeper(d -> {})
                .eventListener(new ParsMetrics(registry))
                .build()) {
            assertEquals(3, c.learners().submit(batch).acceptedCount());
            c.learners().status("ccid:0001234:nobody-cme");
        }
        assertEquals(
                1,
                registry.get("pars.requests")
                        .tag("operation", "SaveLearnerActivity")
                        .tag("status", "429")
                        .tag("outcome", "client_error")
                        .timer()
                        .count());
        assertEquals(
                1,
                registry.get("pars.requests")
                        .tag("operation", "SaveLearnerActivity")
                        .tag("status", "200")
                        .timer()
                        .count());
        assertEquals(
                1,
                registry.get("pars.requests")
                        .tag("operation", "GetLearnerStatusByCreditId")
                        .tag("status", "404")
                        .timer()
                        .count());
        assertEquals(
                1,
                registry.get("pars.retries")
                        .tag("reason", "rate_limited")
                        .counter()
                        .count());
        assertEquals(
                3,
                registry.get("pars.records")
                        .tag("action", "add")
                        .tag("outcome", "accepted")
                        .counter()
                        .count());
        assertEquals(
                1,
                registry.get("pars.records").tag("outcome", "invalid").counter().count());
        for (Meter m : registry.getMeters()) {
            for (Tag t : m.getId().getTags()) {
                for (String pii : new String[] {"Jane", "Sample", Fixtures.NPI, "N1000", "m-0", "ccid"}) {
                    assertFalse(t.getValue().contains(pii), m.getId() + " carries " + pii);
                }
            }
        }
    }

    @Test
    void aListenerSeesEveryEventAndItsFailureBreaksNothing() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ParsEventListener recorder = new ParsEventListener() {
            @Override
            public void requestFinished(RequestEvent e) {
                seen.add("request " + e.operation() + " " + e.status() + " "
                        + e.failure().orElse("-"));
            }

            @Override
            public void retryScheduled(RetryEvent e) {
                seen.add("retry " + e.reason() + " after attempt " + e.attempt());
            }

            @Override
            public void recordsSettled(RecordsEvent e) {
                seen.add("records " + e.action() + " " + e.outcome() + " " + e.count());
            }
        };
        ParsEventListener broken = new ParsEventListener() {
            @Override
            public void requestFinished(RequestEvent e) {
                throw new IllegalStateException("monitoring is down");
            }
        };
        pars.simulator()
                .addActivity(Fixtures.activity())
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503))
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropBeforeApply());
        try (ParsClient c = pars.simulator()
                .clientBuilder()
                .sleeper(d -> {})
                .eventListener(ParsEventListener.composite(broken, recorder))
                .build()) {
            assertEquals(2, c.learners().submit(completions(2)).acceptedCount());
        }
        assertTrue(seen.contains("request SAVE_LEARNER_ACTIVITY 503 -"), seen.toString());
        assertTrue(seen.contains("retry UNAVAILABLE after attempt 1"), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("request SAVE_LEARNER_ACTIVITY 0 ")), seen.toString());
        assertTrue(seen.contains("retry NO_ANSWER after attempt 2"), seen.toString());
        assertTrue(seen.contains("request SAVE_LEARNER_ACTIVITY 200 -"), seen.toString());
        assertEquals("records ADD ACCEPTED 2", seen.get(seen.size() - 1));
    }
}
