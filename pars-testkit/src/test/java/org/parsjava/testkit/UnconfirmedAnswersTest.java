/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.RecordOutcome;
import org.parsjava.client.RecordResult;
import org.parsjava.client.SubmissionResult;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.testing.Fixtures;

/**
 * Answers that leave a record's fate unread: the client confirms before it says ACCEPTED,
 * resends what PARS does not hold, and stops asking when status lookups keep failing.
 */
class UnconfirmedAnswersTest {

    private static final Clock CLOCK = Clock.fixed(
            LocalDateTime.of(2026, 6, 15, 12, 0)
                    .atZone(ZoneId.of("America/Chicago"))
                    .toInstant(),
            ZoneId.of("America/Chicago"));

    @RegisterExtension
    final ParsSimulatorExtension pars = new ParsSimulatorExtension(b -> b.clock(CLOCK));

    @BeforeEach
    void activity() {
        pars.simulator().addActivity(Fixtures.activity());
    }

    private ParsClient client(int chunkSize) {
        return pars.simulator()
                .clientBuilder()
                .chunkSize(chunkSize)
                .sleeper(d -> {})
                .build();
    }

    static List<LearnerCompletion> completions(int n) {
        List<LearnerCompletion> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Fixtures.completion().toBuilder()
                    .completionKey("k-" + i)
                    .learner(Fixtures.learner().toBuilder()
                            .license(LicensingJurisdiction.NY, "N" + (1000 + i))
                            .npi(i % 2 == 0 ? "1245319599" : "1003000126")
                            .build())
                    .completionDate(LocalDate.of(2026, 2, 1).plusDays(i % 120))
                    .build());
        }
        return list;
    }

    /** Credit lines of all the records (a record has a CME line and a MOC line). */
    static int lines(SubmissionResult result) {
        return result.records().stream().mapToInt(r -> r.creditIds().size()).sum();
    }

    private Set<String> storedKeys() {
        return pars.simulator().credits().stream().map(StoredCredit::creditId).collect(Collectors.toSet());
    }

    private static void assertEveryAcceptedRecordIsStored(SubmissionResult result, Set<String> stored) {
        for (RecordResult r : result.records()) {
            if (r.outcome() == RecordOutcome.ACCEPTED) {
                assertTrue(stored.containsAll(r.creditIds()), r.toString());
            }
        }
    }

    @Test
    void anEmptyTwoHundredStoresNothingAndIsNeverReportedAccepted() {
        // PARS answers 200 with no verdicts and stores nothing, on every attempt.
        for (int i = 0; i < 10; i++) {
            pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.partialApply(0));
        }
        try (ParsClient client = client(100)) {
            SubmissionResult result = client.learners().submit(completions(30));
            assertEquals(0, result.acceptedCount(), result.toString());
            assertEquals(30, result.failedCount());
            assertTrue(
                    result.records().stream().noneMatch(RecordResult::outcomeUnknown),
                    "status lookups showed PARS holds none of them");
            assertFalse(pars.simulator().requests(Operation.GET_LEARNER_STATUS).isEmpty(), "confirmed by status");
            assertTrue(storedKeys().isEmpty());
        }
    }

    @Test
    void verdictsForHalfTheDocumentConfirmTheOtherHalfAndResendIt() {
        // 20 of 40 are stored and answered for; the other 20 get no verdict and are not stored.
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.partialApply(20));
        try (ParsClient client = client(100)) {
            SubmissionResult result = client.learners().submit(completions(40));
            assertEquals(40, result.acceptedCount(), result.toString());
            assertEquals(lines(result), pars.simulator().credits().size(), "every record stored once, none twice");
            assertEquals(
                    2,
                    pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size(),
                    "the 20 without a verdict were sent again, once");
            assertEquals(
                    20,
                    pars.simulator().requests(Operation.GET_LEARNER_STATUS).size(),
                    "one lookup per unconfirmed record");
            assertEveryAcceptedRecordIsStored(result, storedKeys());
        }
    }

    @Test
    void anUnreadableTwoHundredToAChunkPARSNeverAppliedIsResent() {
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.malformedBodyBeforeApply());
        try (ParsClient client = client(100)) {
            SubmissionResult result = client.learners().submit(completions(50));
            assertEquals(50, result.acceptedCount(), result.toString());
            assertEquals(lines(result), pars.simulator().credits().size());
            assertEquals(
                    2,
                    pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size());
        }
    }

    @Test
    void failingStatusLookupsStopAfterAFewAndTheRestEndFailedWithAnUnknownOutcome() {
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropAfterApply());
        for (int i = 0; i < 1000; i++) {
            pars.simulator().inject(Operation.GET_LEARNER_STATUS, Fault.serverError(503));
        }
        try (ParsClient client = client(100)) {
            SubmissionResult result = client.learners().submit(completions(100));
            assertEquals(100, result.failedCount(), result.toString());
            assertTrue(result.records().stream().allMatch(RecordResult::outcomeUnknown));
            int lookups =
                    pars.simulator().requests(Operation.GET_LEARNER_STATUS).size();
            // Three failed lookups, each retried by the transport's policy (4 attempts): 12 requests.
            assertTrue(lookups <= 12, "status requests: " + lookups);
            assertEquals(
                    1,
                    pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size(),
                    "never resent blindly");
        }
    }

    @Test
    void aDeleteWhoseAnswerWasLostIsConfirmedByStatusNotAssumed() {
        List<LearnerCompletion> cs = completions(10);
        try (ParsClient client = client(100)) {
            assertEquals(10, client.learners().submit(cs).acceptedCount());
            pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropAfterApply());
            SubmissionResult deleted = client.learners().delete(cs);
            assertEquals(10, deleted.acceptedCount(), deleted.toString());
            assertTrue(
                    deleted.records().stream()
                            .allMatch(r -> r.message().orElse("").contains("no longer holds")),
                    "each delete confirmed by a status lookup");
            assertTrue(pars.simulator().credits().isEmpty());
            // A delete PARS never applied (the answer had no verdicts) is sent again, not assumed done.
            assertEquals(10, client.learners().submit(cs).acceptedCount());
            pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.partialApply(0));
            assertEquals(10, client.learners().delete(cs).acceptedCount());
            assertTrue(pars.simulator().credits().isEmpty(), "the resent delete removed them");
        }
    }
}
