/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parsjava.client.ChunkProgress;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.RecordOutcome;
import org.parsjava.client.SubmissionResult;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.testing.Fixtures;

/** One submission with several chunks in flight: same accounting, more parallelism. */
class ConcurrentSubmissionTest {

    private static final Clock CLOCK = Clock.fixed(
            LocalDateTime.of(2026, 6, 15, 12, 0)
                    .atZone(ZoneId.of("America/Chicago"))
                    .toInstant(),
            ZoneId.of("America/Chicago"));

    @RegisterExtension
    final ParsSimulatorExtension pars =
            new ParsSimulatorExtension(b -> b.clock(CLOCK).latency(Duration.ofMillis(40)));

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void activity() {
        pars.simulator().addActivity(Fixtures.activity());
    }

    private ParsClient client(int concurrency) {
        return pars.simulator()
                .clientBuilder()
                .chunkSize(10)
                .maxConcurrentRequests(concurrency)
                .sleeper(sleeps::add)
                .build();
    }

    private static void assertOneResultPerRecordInInputOrder(SubmissionResult result, List<LearnerCompletion> input) {
        assertEquals(input.size(), result.records().size());
        for (int i = 0; i < input.size(); i++) {
            assertEquals(i, result.records().get(i).index());
            assertEquals(input.get(i).completionKey(), result.records().get(i).completionKey());
        }
    }

    @Test
    void oneSubmitKeepsSeveralChunksInFlightUpToTheLimit() {
        List<LearnerCompletion> input = UnconfirmedAnswersTest.completions(100);
        try (ParsClient client = client(4)) {
            SubmissionResult result = client.learners().submit(input);
            assertEquals(100, result.acceptedCount(), result.toString());
            assertOneResultPerRecordInInputOrder(result, input);
        }
        int most = pars.simulator().maxConcurrentRequestsSeen();
        assertTrue(most > 1 && most <= 4, "requests in flight at once: " + most);
    }

    @Test
    void withOneAllowedRequestsGoOneAtATime() {
        try (ParsClient client = client(1)) {
            assertEquals(
                    30,
                    client.learners()
                            .submit(UnconfirmedAnswersTest.completions(30))
                            .acceptedCount());
        }
        assertEquals(1, pars.simulator().maxConcurrentRequestsSeen());
    }

    @Test
    void faultsInSomeChunksStillGiveOneResultPerRecordAndNoDuplicateStored() {
        pars.simulator()
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.rateLimited(Duration.ofSeconds(2)))
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropAfterApply())
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(500))
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropAfterApply());
        List<LearnerCompletion> input = UnconfirmedAnswersTest.completions(100);
        try (ParsClient client = client(4)) {
            SubmissionResult result = client.learners().submit(input);
            assertEquals(100, result.acceptedCount(), result.toString());
            assertOneResultPerRecordInInputOrder(result, input);
            assertEquals(
                    UnconfirmedAnswersTest.lines(result),
                    pars.simulator().credits().size(),
                    "every credit line stored exactly once");
            // Two dropped chunks and one 500 (outcome unknown), 10 records each, were confirmed
            // record by record: one lookup each, no more.
            assertEquals(
                    30, pars.simulator().requests(Operation.GET_LEARNER_STATUS).size());
        }
        assertTrue(sleeps.contains(Duration.ofSeconds(2)), "Retry-After honoured through the injected sleeper");
    }

    @Test
    void progressArrivesInOrderWithCountsThatOnlyGrow() {
        List<ChunkProgress> seen = Collections.synchronizedList(new ArrayList<>());
        try (ParsClient client = client(4)) {
            client.learners().submit(UnconfirmedAnswersTest.completions(95), seen::add);
        }
        assertEquals(10, seen.size());
        for (int k = 0; k < seen.size(); k++) {
            ChunkProgress p = seen.get(k);
            assertEquals(k + 1, p.chunk());
            assertEquals(10, p.chunks());
            if (k > 0) {
                assertTrue(p.recordsDone() >= seen.get(k - 1).recordsDone(), seen.toString());
                assertTrue(p.accepted() >= seen.get(k - 1).accepted(), seen.toString());
            }
        }
        assertEquals(95, seen.get(9).recordsDone());
    }

    @Test
    void refusedCredentialsStopNewChunksAndTheRestAreAccountedAsNotSent() {
        List<LearnerCompletion> input = UnconfirmedAnswersTest.completions(100);
        try (ParsClient client = pars.simulator()
                .clientBuilder()
                .chunkSize(10)
                .maxConcurrentRequests(3)
                .credentials(ParsCredentials.of("ws-user", "wrong"))
                .sleeper(sleeps::add)
                .build()) {
            ParsAuthenticationException e = assertThrows(
                    ParsAuthenticationException.class, () -> client.learners().submit(input));
            SubmissionResult partial = e.partialResult().orElseThrow();
            assertOneResultPerRecordInInputOrder(partial, input);
            assertTrue(partial.records().stream().allMatch(r -> r.outcome() == RecordOutcome.FAILED));
            int sent =
                    pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size();
            assertTrue(sent >= 1 && sent <= 3, "only the chunks already in flight were sent: " + sent);
        }
    }
}
