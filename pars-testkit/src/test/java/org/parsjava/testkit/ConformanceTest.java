/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.client.EndpointsFile;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Generation;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.conformance.ConformanceReport;
import org.parsjava.client.conformance.ConformanceRun;
import org.parsjava.client.conformance.Finding;
import org.parsjava.client.conformance.Verdict;
import org.parsjava.client.conformance.WireAssumptions;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.testkit.demo.DemoActivities;

/**
 * The conformance run against the simulator: a PARS that behaves as assumed confirms every
 * assumption it can observe, in both generations; a simulator that deviates is refuted with the
 * evidence, and the endpoints the run corrects make the client work against it.
 */
class ConformanceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T18:00:00Z"), ZoneId.of("America/Chicago"));

    @TempDir
    Path dir;

    private static ConformanceReport run(ParsSimulator sim, ParsEndpoints endpoints) {
        return ConformanceRun.builder()
                .baseUrl(sim.baseUrl())
                .providerId(ParsSimulator.DEFAULT_PROVIDER_ID)
                .providerName("Example Health CME")
                .credentials(ParsCredentials.of(ParsSimulator.DEFAULT_USER, ParsSimulator.DEFAULT_PASSWORD))
                .endpoints(endpoints)
                .clock(CLOCK)
                .build()
                .run();
    }

    private static Set<String> ids(ConformanceReport r, Verdict v) {
        return r.findings().stream()
                .filter(f -> f.verdict() == v)
                .map(f -> f.assumption().id())
                .collect(Collectors.toSet());
    }

    private static void assertAgreesWithEverythingItCanObserve(Generation generation) {
        try (ParsSimulator sim = ParsSimulator.builder()
                .clock(CLOCK)
                .generation(generation)
                .build()
                .start()) {
            ConformanceReport r = run(sim, ParsEndpoints.of(generation));
            assertTrue(r.nothingRefuted(), r.toMarkdown());
            assertEquals(WireAssumptions.catalogue().all().size(), r.findings().size(), "every assumption named");
            for (Finding f : r.findings()) {
                if (f.assumption().appliesTo(generation)
                        && f.assumption().operation().isPresent()) {
                    assertEquals(Verdict.CONFIRMED, f.verdict(), f.assumption().id() + ": " + f.note());
                    assertFalse(f.evidence().isEmpty(), f.assumption().id() + " rests on an exchange");
                } else if (!f.assumption().appliesTo(generation)) {
                    assertEquals(Verdict.NOT_TESTED, f.verdict(), f.assumption().id());
                }
            }
            assertTrue(sim.activities().isEmpty(), "the test activity was deleted: " + r.housekeeping());
            assertTrue(sim.credits().isEmpty(), "the test learner records were deleted: " + r.housekeeping());
            assertTrue(r.correctedEndpoints().isEmpty());
            String markdown = r.toMarkdown();
            assertFalse(
                    markdown.contains("Conformance") || markdown.contains("1234567893"),
                    "no learner values in the report");
            assertFalse(r.toJson().contains(ParsSimulator.DEFAULT_PASSWORD));
        }
    }

    @Test
    void theWcfSimulatorConfirmsEveryObservableAssumption() {
        assertAgreesWithEverythingItCanObserve(Generation.WCF);
    }

    @Test
    void theRestSimulatorConfirmsEveryObservableAssumption() {
        assertAgreesWithEverythingItCanObserve(Generation.REST);
    }

    @Test
    void aRestRefusalCarryingPerRecordErrorsIsRefutedWithItsEvidence() {
        try (ParsSimulator sim = ParsSimulator.builder()
                .clock(CLOCK)
                .generation(Generation.REST)
                .restRefusalsPerRecord(true)
                .build()
                .start()) {
            ConformanceReport r = run(sim, ParsEndpoints.rest());
            assertEquals(Set.of("REST-400-WHOLE-DOCUMENT"), ids(r, Verdict.REFUTED), r.toMarkdown());
            Finding f = r.finding("REST-400-WHOLE-DOCUMENT").orElseThrow();
            assertTrue(f.note().contains("per-record errors"), f.note());
            assertEquals(400, f.evidence().get(0).status());
            assertTrue(f.evidence().get(0).contentType().contains("json"));
            assertTrue(
                    f.evidence().get(0).bodyShape().contains("ActivityReportResult"),
                    f.evidence().toString());
        }
    }

    @Test
    void anotherPathAndAnotherSuccessStatusAreRefutedAndCorrectedByFile() {
        ParsEndpoints rest = ParsEndpoints.rest();
        ParsEndpoints.Endpoint save = rest.endpoint(Operation.SAVE_LEARNER_ACTIVITY);
        ParsEndpoints.Endpoint delete = rest.endpoint(Operation.DELETE_LEARNER_ACTIVITY);
        ParsEndpoints deviating = rest.toBuilder()
                .endpoint(
                        Operation.SAVE_LEARNER_ACTIVITY,
                        ParsEndpoints.Endpoint.of("POST", "learnerActivities", Map.of(), save.successStatuses()))
                .endpoint(
                        Operation.DELETE_LEARNER_ACTIVITY,
                        ParsEndpoints.Endpoint.of(
                                "DELETE", delete.pathTemplate(), delete.parameterNames(), Set.of(200)))
                .build();
        try (ParsSimulator sim = ParsSimulator.builder()
                .clock(CLOCK)
                .endpoints(deviating)
                .build()
                .start()) {
            ConformanceReport r = run(sim, rest);
            assertEquals(Set.of("REST-LEARNER-ACTIVITIES", "REST-DELETE-204"), ids(r, Verdict.REFUTED), r.toMarkdown());
            assertTrue(r.finding("REST-LEARNER-ACTIVITIES")
                    .orElseThrow()
                    .note()
                    .contains("answered at learnerActivities"));
            ParsEndpoints corrected = r.correctedEndpoints().orElseThrow();
            Path file = dir.resolve("endpoints.json");
            EndpointsFile.write(corrected, file);
            ParsEndpoints loaded = EndpointsFile.read(file);
            assertEquals(
                    "learnerActivities",
                    loaded.endpoint(Operation.SAVE_LEARNER_ACTIVITY).pathTemplate());
            assertTrue(loaded.endpoint(Operation.DELETE_LEARNER_ACTIVITY).isSuccess(200));

            sim.addActivity(DemoActivities.GRAND_ROUNDS);
            LearnerCompletion c = LearnerCompletion.builder()
                    .completionKey("after-correction")
                    .activity(DemoActivities.GRAND_ROUNDS)
                    .learner(Learner.builder()
                            .firstName("Omar")
                            .lastName("Haddad")
                            .birthDate(7, 4)
                            .npi("1245319599")
                            .build())
                    .completionDate(java.time.LocalDate.of(2026, 10, 1))
                    .cmeCredits("1")
                    .consent(true)
                    .build();
            try (ParsClient assumed = sim.clientBuilder()
                            .endpoints(rest)
                            .retryPolicy(org.parsjava.client.RetryPolicy.none())
                            .build();
                    ParsClient fixed = sim.clientBuilder().endpoints(file).build()) {
                assertEquals(0, assumed.learners().submit(List.of(c)).acceptedCount(), "the assumed path is not there");
                assertEquals(1, fixed.learners().submit(List.of(c)).acceptedCount(), "the corrected one is");
                assertEquals(1, fixed.learners().records("1245319599").size());
                assertTrue(fixed.learners().deleteRecords("1245319599"), "a 200 delete is success now");
            }
        }
    }
}
