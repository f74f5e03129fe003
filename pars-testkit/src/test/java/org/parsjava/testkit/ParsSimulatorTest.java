package org.parsjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.RetryPolicy;
import org.parsjava.client.SubmissionResult;
import org.parsjava.client.exception.ParsApiException;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsTransportException;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityStatus;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.testing.Fixtures;

class ParsSimulatorTest {

    private static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2026, 6, 15, 12, 0)
            .atZone(ZoneId.of("America/Chicago")).toInstant(), ZoneId.of("America/Chicago"));

    @RegisterExtension
    final ParsSimulatorExtension pars = new ParsSimulatorExtension(b -> b.clock(CLOCK));

    /** A client that does not sleep between retries. */
    private ParsClient client() {
        return pars.simulator().clientBuilder().sleeper(d -> { }).build();
    }

    private static List<LearnerCompletion> completions(int n) {
        List<LearnerCompletion> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Fixtures.completion().toBuilder().completionKey("k-" + i)
                    .learner(Fixtures.learner().toBuilder().license(LicensingJurisdiction.NY, "N" + (1000 + i))
                            .npi(i % 2 == 0 ? "1245319599" : "1003000126").build())
                    .completionDate(LocalDate.of(2026, 2, 1 + i)).build());
        }
        return list;
    }

    /**
     * Posts records straight to the simulator, bypassing the client's own validation, so the
     * simulator's rules are what is tested (a non-Java pipeline could send anything).
     */
    private String postAndGetCode(LearnerCompletion record) {
        pars.simulator().addActivity(Fixtures.activity());
        byte[] doc = org.parsjava.core.codec.ParsXmlCodec.create().encodeLearnerReports(List.of(record),
                org.parsjava.core.codec.LearnerRecordAction.ADD, Fixtures.HEADER);
        return postRaw(new String(doc, java.nio.charset.StandardCharsets.UTF_8)).get(0).code().orElse("(accepted)");
    }

    private static String code(SubmissionResult r, int i) {
        return r.records().get(i).parsCode().orElse("(none)");
    }

    // ---- acceptance rules -----------------------------------------------------------------------

    @Test
    void storesAValidCompletionAndReportsItsStatus() {
        pars.simulator().addActivity(Fixtures.activity());
        SubmissionResult r;
        try (ParsClient c = client()) {
            r = c.learners().submit(List.of(Fixtures.completion()));
        }
        assertTrue(r.allAccepted(), r.records().toString());
        assertEquals(2, pars.simulator().credits().size());
        try (ParsClient c = client()) {
            assertEquals(2, c.learners().status(Fixtures.completion()).size());
        }
    }

    @Test
    void refusesUnknownActivity() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .activity(Fixtures.activity().toBuilder().accmeActivityId("299999999").build()).build();
        assertEquals(SimulatorErrors.ACTIVITY_NOT_FOUND, postAndGetCode(c));
    }

    @Test
    void refusesClosedActivity() {
        pars.simulator().addActivity(Fixtures.activity().toBuilder().accmeActivityId("201234568")
                .status(ActivityStatus.CLOSED).build());
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .activity(Fixtures.activity().toBuilder().accmeActivityId("201234568").build()).build();
        assertEquals(SimulatorErrors.ACTIVITY_CLOSED, postAndGetCode(c));
    }

    @Test
    void refusesCompletionOutsideTheReportingWindow() {
        LearnerCompletion c = Fixtures.completion().toBuilder().completionDate(LocalDate.of(2024, 6, 1)).build();
        assertEquals(SimulatorErrors.COMPLETION_DATE_OUTSIDE_WINDOW, postAndGetCode(c));
    }

    @Test
    void refusesFutureCompletion() {
        LearnerCompletion c = Fixtures.completion().toBuilder().completionDate(LocalDate.of(2026, 7, 1)).build();
        assertEquals(SimulatorErrors.COMPLETION_DATE_IN_FUTURE, postAndGetCode(c));
    }

    @Test
    void refusesCreditsAboveTheActivityMaximum() {
        LearnerCompletion c = Fixtures.completion().toBuilder().cmeCredits("2").build();
        assertEquals(SimulatorErrors.CREDITS_ABOVE_MAXIMUM, postAndGetCode(c));
    }

    @Test
    void refusesMissingIdentity() {
        LearnerCompletion c = Fixtures.completion().toBuilder().clearMocCredits()
                .learner(org.parsjava.core.model.Learner.builder().firstName("Jane").lastName("Sample").birthDate(2, 29)
                        .build()).build();
        assertEquals(SimulatorErrors.IDENTITY_MISSING, postAndGetCode(c));
    }

    @Test
    void refusesABadNpiOnTheWire() {
        // The model cannot hold a bad NPI, so the document is edited on its way out.
        pars.simulator().addActivity(Fixtures.activity());
        byte[] good = org.parsjava.core.codec.ParsXmlCodec.create().encodeLearnerReports(List.of(Fixtures.completion()),
                org.parsjava.core.codec.LearnerRecordAction.ADD, Fixtures.HEADER);
        String bad = new String(good, java.nio.charset.StandardCharsets.UTF_8).replace(Fixtures.NPI, "1234567890");
        List<org.parsjava.core.codec.RecordVerdict> verdicts = postRaw(bad);
        assertEquals(Optional.of(SimulatorErrors.NPI_INVALID), verdicts.get(0).code());
    }

    @Test
    void refusesADuplicateLearnerRecordForTheSameActivityAndDay() {
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            assertTrue(c.learners().submit(List.of(Fixtures.completion())).allAccepted());
            SubmissionResult again = c.learners().submit(List.of(Fixtures.completion().toBuilder()
                    .completionKey("another-key").build()));
            assertEquals(SimulatorErrors.DUPLICATE_RECORD, code(again, 0));
            SubmissionResult sameKey = c.learners().submit(List.of(Fixtures.completion()));
            assertEquals(SimulatorErrors.DUPLICATE_RECORD, code(sameKey, 0));
        }
        assertEquals(2, pars.simulator().credits().size());
    }

    @Test
    void refusesMocForABoardTheActivityIsNotRegisteredWith() {
        LearnerCompletion c = Fixtures.completion().toBuilder().clearMocCredits()
                .mocCredit(MocCreditType.ABP_LIFELONG_LEARNING, "1")
                .learner(Fixtures.learner().toBuilder().boardId(Board.ABP, "123456").build()).build();
        assertEquals(SimulatorErrors.BOARD_NOT_REGISTERED, postAndGetCode(c));
    }

    @Test
    void deleteRemovesWhatWasAdded() {
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            c.learners().submit(List.of(Fixtures.completion()));
            assertTrue(c.learners().delete(List.of(Fixtures.completion())).allAccepted());
            assertTrue(pars.simulator().credits().isEmpty());
            assertEquals(SimulatorErrors.RECORD_NOT_FOUND, code(c.learners().delete(List.of(Fixtures.completion())), 0));
        }
    }

    @Test
    void refusesWrongCredentialsLikePARS() {
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = pars.simulator().clientBuilder().credentials(ParsCredentials.of("simulator", "wrong"))
                .build()) {
            ParsAuthenticationException e = assertThrows(ParsAuthenticationException.class,
                    () -> c.learners().submit(List.of(Fixtures.completion())));
            assertEquals(401, e.httpStatus());
            assertEquals(Optional.of(SimulatorErrors.AUTHENTICATION_FAILED), e.parsCode());
        }
        assertTrue(pars.simulator().credits().isEmpty());
    }

    @Test
    void savesActivitiesAndRefusesFormatChanges() {
        try (ParsClient c = client()) {
            Activity created = c.activities().save(Activity.builder().providerId("0001234").providerActivityId("NEW-1")
                    .title("New").type(ActivityType.COURSE).startDate(LocalDate.of(2026, 5, 1))
                    .endDate(LocalDate.of(2026, 5, 2)).maxCmeCredits("3").build());
            String id = created.accmeActivityId().orElseThrow();
            assertEquals(created, c.activities().get(id).orElseThrow());
            Activity renamed = c.activities().save(created.toBuilder().title("Renamed").build());
            assertEquals("Renamed", pars.simulator().activities().get(id).title());
            assertEquals("Renamed", renamed.title());
        }
    }

    @Test
    void matchSearchesTheRegistry() {
        pars.simulator().addPhysician(Fixtures.learner());
        try (ParsClient c = client()) {
            assertEquals(MatchResult.Outcome.MATCHED, c.learners().match(Fixtures.learner()).outcome());
            assertEquals(MatchResult.Outcome.NOT_MATCHED, c.learners().match(Fixtures.learner().toBuilder()
                    .lastName("Other").build()).outcome());
        }
    }

    // ---- faults ---------------------------------------------------------------------------------

    @Test
    void rateLimitFaultIsRetriedAfterRetryAfter() {
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.rateLimited(Duration.ofSeconds(3)));
        List<Duration> sleeps = new ArrayList<>();
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = pars.simulator().clientBuilder().sleeper(sleeps::add).build()) {
            assertTrue(c.learners().submit(List.of(Fixtures.completion())).allAccepted());
        }
        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
        assertEquals(List.of(429, 200), pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).stream()
                .map(org.parsjava.testkit.SeenRequest::status).toList());
    }

    @Test
    void serverErrorsAreRetriedAndDoNotDuplicate() {
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(500))
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503));
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            assertEquals(5, c.learners().submit(completions(5)).acceptedCount());
        }
        assertEquals(10, pars.simulator().credits().size());
    }

    @Test
    void droppedConnectionAfterApplyEndsWithEveryRecordOnceAndNoDuplicate() {
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropAfterApply());
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            SubmissionResult r = c.learners().submit(completions(4));
            assertEquals(4, r.acceptedCount(), r.records().toString());
        }
        assertEquals(8, pars.simulator().credits().size());
        // the first POST was applied, the status lookups found everything: no second POST
        assertEquals(1, pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size());
        assertEquals(4, pars.simulator().requests(Operation.GET_LEARNER_STATUS).size());
    }

    @Test
    void droppedConnectionBeforeApplyIsResent() {
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropBeforeApply());
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            assertEquals(3, c.learners().submit(completions(3)).acceptedCount());
        }
        assertEquals(2, pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size());
        assertEquals(6, pars.simulator().credits().size());
    }

    @Test
    void truncatedAndMalformedAnswersAreConfirmedByStatusLookup() {
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.truncatedBody())
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.malformedBody());
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            List<LearnerCompletion> all = completions(4);
            assertEquals(2, c.learners().submit(all.subList(0, 2)).acceptedCount());
            assertEquals(2, c.learners().submit(all.subList(2, 4)).acceptedCount());
        }
        assertEquals(8, pars.simulator().credits().size());
        assertEquals(2, pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size());
    }

    @Test
    void latencyAndSlowDripAreBoundedByClientTimeouts() {
        pars.simulator().inject(Operation.GET_LEARNER_STATUS, Fault.latency(Duration.ofSeconds(3)))
                .inject(Operation.GET_LEARNER_STATUS, Fault.slowDrip(Duration.ofMillis(300)));
        try (ParsClient c = pars.simulator().clientBuilder().readTimeout(Duration.ofMillis(300))
                .callTimeout(Duration.ofMillis(800)).retryPolicy(RetryPolicy.none()).build()) {
            assertThrows(ParsTransportException.class, () -> c.learners().status("ccid:0001234:x-cme"));
            assertThrows(ParsTransportException.class, () -> c.learners().status("ccid:0001234:x-cme"));
        }
    }

    @Test
    void latencyWithinTimeoutsIsFine() {
        pars.simulator().inject(Operation.GET_ACTIVITY, Fault.latency(Duration.ofMillis(100)));
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            assertTrue(c.activities().get("201234567").isPresent());
        }
    }

    @Test
    void malformedRequestDocumentIsRefusedWithA400() {
        ParsApiException e = assertThrows(ParsApiException.class, () -> postRaw("<html>not a report</html>"));
        assertEquals(400, e.httpStatus());
        assertEquals(Optional.of(SimulatorErrors.MALFORMED_DOCUMENT), e.parsCode());
    }

    @Test
    void perClassUseResetsBetweenTests() {
        ParsSimulatorExtension ext = new ParsSimulatorExtension();
        ext.beforeAll(null);
        ext.beforeEach(null);
        ext.simulator().addActivity(Fixtures.activity());
        ext.afterEach(null);
        ext.beforeEach(null);
        assertTrue(ext.simulator().activities().isEmpty());
        ext.afterAll(null);
        assertThrows(IllegalStateException.class, ext::simulator);
    }

    /** Sends a hand-made learner document, as a non-Java pipeline would. */
    private List<org.parsjava.core.codec.RecordVerdict> postRaw(String xml) {
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        okhttp3.Request req = new okhttp3.Request.Builder()
                .url(pars.simulator().baseUrl() + "ACCMELearnerService.svc/SaveLearnerActivity")
                .header("ProviderId", ParsSimulator.DEFAULT_PROVIDER_ID).header("User", ParsSimulator.DEFAULT_USER)
                .header("Password", ParsSimulator.DEFAULT_PASSWORD)
                .post(okhttp3.RequestBody.create(xml, okhttp3.MediaType.get("application/xml"))).build();
        try (okhttp3.Response resp = http.newCall(req).execute()) {
            byte[] body = resp.body().bytes();
            org.parsjava.core.codec.ParsXmlCodec codec = org.parsjava.core.codec.ParsXmlCodec.create();
            if (resp.code() != 200) {
                org.parsjava.core.codec.ParsFault f = codec.decodeFault(body);
                throw new ParsApiException("SaveLearnerActivity", resp.code(), f.code().orElse(null), f.message(), "raw");
            }
            return codec.decodeSaveResult(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
