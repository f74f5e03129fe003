/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Generation;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.RecordOutcome;
import org.parsjava.client.RecordResult;
import org.parsjava.client.SubmissionResult;
import org.parsjava.client.TranscriptQuery;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LearnerTranscript;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.TranscriptTotal;
import org.parsjava.core.testing.Fixtures;

/**
 * The client against the simulator in each generation of the PARS API: every route either
 * generation lists is called here and served by the simulator.
 */
@ParameterizedClass
@EnumSource(Generation.class)
class BothGenerationsTest {

    private static final Clock CLOCK = Clock.fixed(
            LocalDateTime.of(2026, 6, 15, 12, 0)
                    .atZone(ZoneId.of("America/Chicago"))
                    .toInstant(),
            ZoneId.of("America/Chicago"));

    private final Generation generation;

    @RegisterExtension
    final ParsSimulatorExtension pars;

    BothGenerationsTest(Generation generation) {
        this.generation = generation;
        this.pars = new ParsSimulatorExtension(b -> b.clock(CLOCK).generation(generation));
    }

    private ParsClient client() {
        return pars.simulator().clientBuilder().sleeper(d -> {}).build();
    }

    private static List<LearnerCompletion> completions(int n) {
        List<LearnerCompletion> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Fixtures.completion().toBuilder()
                    .completionKey("g-" + i)
                    .learner(Fixtures.learner().toBuilder()
                            .license(LicensingJurisdiction.NY, "N" + (1000 + i))
                            .npi(i % 2 == 0 ? "1245319599" : "1003000126")
                            .build())
                    .completionDate(LocalDate.of(2026, 2, 1 + i))
                    .build());
        }
        return list;
    }

    /** The paths the simulator saw, by operation. */
    private Set<Operation> operationsSeen() {
        return pars.simulator().requests().stream()
                .map(SeenRequest::operation)
                .map(name -> EnumSet.allOf(Operation.class).stream()
                        .filter(o -> o.parsName().equals(name))
                        .findFirst()
                        .orElseThrow())
                .collect(Collectors.toSet());
    }

    @Test
    void theGenerationIsOneSettingAndDecidesPathsAndFormat() {
        try (ParsClient c = client()) {
            assertEquals(generation, c.generation());
            pars.simulator().addActivity(Fixtures.activity());
            assertEquals(2, c.learners().submit(completions(2)).acceptedCount());
        }
        String path = pars.simulator().requests().get(0).path();
        if (generation == Generation.REST) {
            assertEquals("/services/learner-activities", path);
        } else {
            assertEquals("/services/ACCMELearnerService.svc/SaveLearnerActivity", path);
        }
    }

    @Test
    void submitRejectAndResubmitAreAccountedTheSameWay() {
        pars.simulator().addActivity(Fixtures.activity());
        List<LearnerCompletion> batch = new ArrayList<>(completions(4));
        // An activity PARS does not know: PARS refuses the record (the client cannot know it).
        batch.set(
                2,
                batch.get(2).toBuilder()
                        .activity(Fixtures.activity().toBuilder()
                                .accmeActivityId("209999999")
                                .build())
                        .build());
        try (ParsClient c = client()) {
            SubmissionResult first = c.learners().submit(batch);
            assertEquals(
                    List.of(
                            RecordOutcome.ACCEPTED,
                            RecordOutcome.ACCEPTED,
                            RecordOutcome.REJECTED,
                            RecordOutcome.ACCEPTED),
                    first.records().stream().map(RecordResult::outcome).toList());
            assertEquals(
                    SimulatorErrors.ACTIVITY_NOT_FOUND,
                    first.records().get(2).parsCode().orElseThrow());
            assertEquals(
                    3,
                    pars.simulator().credits().stream()
                            .map(StoredCredit::creditId)
                            .filter(id -> id.endsWith("-cme"))
                            .count());
            // Sending the same records again is safe: still accepted, nothing stored twice.
            assertEquals(
                    3,
                    c.learners()
                            .submit(List.of(batch.get(0), batch.get(1), batch.get(3)))
                            .acceptedCount());
            assertEquals(
                    3,
                    pars.simulator().credits().stream()
                            .filter(s -> s.creditId().endsWith("-cme"))
                            .count());
        }
    }

    @Test
    void aDroppedConnectionAfterApplyIsReconciledWithoutDuplicates() {
        pars.simulator()
                .addActivity(Fixtures.activity())
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropAfterApply());
        try (ParsClient c = client()) {
            assertEquals(3, c.learners().submit(completions(3)).acceptedCount());
        }
        assertEquals(6, pars.simulator().credits().size(), "CME and ABIM lines of 3 records, each once");
        assertTrue(operationsSeen().contains(Operation.GET_LEARNER_STATUS));
    }

    @Test
    void aPartialApplyIsConfirmedByStatusAndTheRestResent() {
        pars.simulator()
                .addActivity(Fixtures.activity())
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.partialApply(2));
        try (ParsClient c = client()) {
            assertEquals(5, c.learners().submit(completions(5)).acceptedCount());
        }
        assertEquals(10, pars.simulator().credits().size());
    }

    @Test
    void deleteAndStatusByCreditIdAndByLearner() {
        pars.simulator().addActivity(Fixtures.activity());
        List<LearnerCompletion> two = completions(2);
        try (ParsClient c = client()) {
            c.learners().submit(two);
            String cme = CreditIds.cme(two.get(0));
            assertEquals(
                    CreditStatus.State.ACCEPTED, c.learners().status(cme).get(0).state());
            List<CreditStatus> byLearner = c.learners().statusByLearner(two.get(0));
            assertEquals(
                    Set.of(cme, CreditIds.all(two.get(0)).get(1)),
                    byLearner.stream().map(CreditStatus::creditId).collect(Collectors.toSet()));
            assertEquals(
                    List.of(),
                    c.learners()
                            .statusByLearner(two.get(0).toBuilder()
                                    .completionDate(LocalDate.of(2026, 3, 1))
                                    .build()),
                    "another day finds nothing");
            assertEquals(1, c.learners().delete(List.of(two.get(0))).acceptedCount());
            assertEquals(List.of(), c.learners().status(cme));
            assertEquals(List.of(), c.learners().statusByLearner(two.get(0)));
        }
        assertTrue(operationsSeen()
                .containsAll(EnumSet.of(
                        Operation.GET_LEARNER_STATUS,
                        Operation.GET_LEARNER_STATUS_BY_LEARNER,
                        Operation.SAVE_LEARNER_ACTIVITY)));
    }

    @Test
    void activitiesAreSavedReadAndFound() {
        try (ParsClient c = client()) {
            Activity f = Fixtures.activity();
            Activity draft = Activity.builder()
                    .providerId(f.providerId())
                    .providerActivityId(f.providerActivityId())
                    .title(f.title())
                    .description(f.description().orElseThrow())
                    .sponsorship(f.sponsorship().orElseThrow())
                    .type(f.type())
                    .startDate(f.startDate())
                    .endDate(f.endDate())
                    .maxCmeCredits(f.maxCmeCredits())
                    .build();
            Activity saved = c.activities().save(draft);
            String id = saved.accmeActivityId().orElseThrow();
            assertEquals(Optional.of(saved), c.activities().get(id));
            assertEquals(
                    Optional.of(saved),
                    c.activities().find(draft.providerActivityId(), draft.startDate(), draft.type()));
            assertEquals(Optional.empty(), c.activities().find("LMS-NONE", draft.startDate(), draft.type()));
            assertEquals(Optional.empty(), c.activities().get("209999999"));
        }
        assertTrue(operationsSeen()
                .containsAll(EnumSet.of(Operation.SAVE_ACTIVITY, Operation.GET_ACTIVITY, Operation.FIND_ACTIVITIES)));
    }

    @Test
    void transcriptsAreReadTypedAsPdfAndAsATotal() throws Exception {
        pars.simulator().addActivity(Fixtures.activity());
        List<LearnerCompletion> three = completions(3);
        try (ParsClient c = client()) {
            c.learners().submit(three);
            TranscriptQuery byNpi = TranscriptQuery.builder().npi("1245319599").build();
            List<LearnerTranscript> found = c.transcripts().find(byNpi);
            assertEquals(1, found.size());
            LearnerTranscript t = found.get(0);
            assertEquals("Jane", t.givenName());
            assertEquals(Optional.of("1245319599"), t.npi());
            assertEquals(2, t.completions().size(), "records 0 and 2 carry this NPI");
            assertEquals(Fixtures.activity().title(), t.completions().get(0).title());
            assertEquals(
                    Set.of(CreditIds.cme(three.get(0)), CreditIds.cme(three.get(2))),
                    t.credits().stream()
                            .map(LearnerTranscript.Credit::creditId)
                            .filter(id -> id.endsWith("-cme"))
                            .collect(Collectors.toSet()));
            assertFalse(t.toString().contains("Jane"), "no personal data in toString");

            TranscriptQuery dated = TranscriptQuery.builder()
                    .npi("1245319599")
                    .completedFrom(LocalDate.of(2026, 2, 2))
                    .completedTo(LocalDate.of(2026, 2, 28))
                    .build();
            assertEquals(1, c.transcripts().find(dated).get(0).completions().size());
            assertEquals(
                    List.of(),
                    c.transcripts()
                            .find(TranscriptQuery.builder().npi("1234567893").build()));

            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            long n = c.transcripts().pdf(byNpi, pdf);
            assertEquals(pdf.size(), n);
            String text = pdf.toString(StandardCharsets.US_ASCII);
            assertTrue(text.startsWith("%PDF-1.4") && text.strip().endsWith("%%EOF"), "a PDF document");
            assertTrue(text.contains("201234567 2026-02-01 1.5 Point"), text);

            TranscriptTotal total = c.transcripts()
                    .creditsBetween(
                            TranscriptQuery.builder()
                                    .license(LicensingJurisdiction.NY, "N1001")
                                    .build(),
                            LocalDate.of(2026, 1, 1),
                            LocalDate.of(2026, 12, 31))
                    .orElseThrow();
            assertEquals(0, new BigDecimal("1.5").compareTo(total.totalCredits()), "one CME line of 1.5");
            assertEquals(Optional.of("Sample"), total.familyName());
            assertEquals(
                    Optional.empty(),
                    c.transcripts()
                            .creditsBetween(
                                    TranscriptQuery.builder().npi("1234567893").build(),
                                    LocalDate.of(2026, 1, 1),
                                    LocalDate.of(2026, 12, 31)),
                    "no such physician is not a total of 0");
            org.parsjava.client.exception.ParsApiException none = org.junit.jupiter.api.Assertions.assertThrows(
                    org.parsjava.client.exception.ParsApiException.class,
                    () -> c.transcripts()
                            .pdf(TranscriptQuery.builder().npi("1234567893").build(), new ByteArrayOutputStream()));
            assertEquals(404, none.httpStatus());
            assertThrows(IllegalArgumentException.class, () -> c.learners().records(".."), "a dot segment");
            assertThrows(IllegalArgumentException.class, () -> c.learners().deleteRecords(" "), "blank");
        }
        assertTrue(operationsSeen()
                .containsAll(EnumSet.of(
                        Operation.GET_LEARNER_TRANSCRIPT,
                        Operation.GET_LEARNER_TRANSCRIPT_PDF,
                        Operation.GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE)));
    }

    @Test
    void recordsByLearnerIdExistOnlyInTheRestGeneration() {
        pars.simulator().addActivity(Fixtures.activity());
        List<LearnerCompletion> two = completions(2);
        try (ParsClient c = client()) {
            c.learners().submit(two);
            if (generation == Generation.WCF) {
                assertThrows(
                        UnsupportedOperationException.class, () -> c.learners().records("N1000"));
                assertThrows(
                        UnsupportedOperationException.class, () -> c.learners().deleteRecords("N1000"));
                return;
            }
            List<CreditStatus> held = c.learners().records("N1000");
            assertEquals(
                    Set.copyOf(CreditIds.all(two.get(0))),
                    held.stream().map(CreditStatus::creditId).collect(Collectors.toSet()));
            assertTrue(c.learners().deleteRecords("N1000"));
            assertFalse(c.learners().deleteRecords("N1000"), "nothing left: 404");
            assertEquals(List.of(), c.learners().records("N1000"));
            assertEquals(2, pars.simulator().credits().size(), "the other learner's two lines remain");
        }
        assertTrue(operationsSeen()
                .containsAll(EnumSet.of(Operation.GET_LEARNER_ACTIVITY, Operation.DELETE_LEARNER_ACTIVITY)));
    }

    @Test
    void learnerMatchExistsOnlyInTheWcfGeneration() {
        try (ParsClient c = client()) {
            if (generation == Generation.REST) {
                UnsupportedOperationException e = assertThrows(
                        UnsupportedOperationException.class, () -> c.learners().match(Fixtures.learner()));
                assertTrue(e.getMessage().contains("REST"), e.getMessage());
            } else {
                assertEquals(
                        org.parsjava.core.model.MatchResult.Outcome.MATCHED,
                        c.learners().match(Fixtures.learner()).outcome());
            }
        }
    }

    @Test
    void everyRouteOfTheGenerationIsServed() {
        ParsEndpoints endpoints = ParsEndpoints.of(generation);
        for (Operation op : Operation.values()) {
            boolean expected = !(generation == Generation.REST && op == Operation.GET_LEARNER_MATCH)
                    && !(generation == Generation.WCF
                            && (op == Operation.GET_LEARNER_ACTIVITY || op == Operation.DELETE_LEARNER_ACTIVITY));
            assertEquals(expected, endpoints.supports(op), op.toString());
        }
    }
}
