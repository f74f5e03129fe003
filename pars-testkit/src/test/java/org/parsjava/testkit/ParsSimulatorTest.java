/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static final Clock CLOCK = Clock.fixed(
            LocalDateTime.of(2026, 6, 15, 12, 0)
                    .atZone(ZoneId.of("America/Chicago"))
                    .toInstant(),
            ZoneId.of("America/Chicago"));

    @RegisterExtension
    final ParsSimulatorExtension pars = new ParsSimulatorExtension(b -> b.clock(CLOCK));

    /** A client that does not sleep between retries. */
    private ParsClient client() {
        return pars.simulator().clientBuilder().sleeper(d -> {}).build();
    }

    /** A valid NPI per number, starting with 2 as no real NPI does. */
    private static String syntheticNpi(int n) {
        String base = String.format("2%08d", n);
        return base + org.parsjava.core.model.Npi.checkDigit(base);
    }

    private static List<LearnerCompletion> completions(int n) {
        List<LearnerCompletion> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Fixtures.completion().toBuilder()
                    .completionKey("k-" + i)
                    .learner(Fixtures.learner().toBuilder()
                            .license(LicensingJurisdiction.NY, "N" + (1000 + i))
                            .npi(i % 2 == 0 ? "1245319599" : "1003000126")
                            .build())
                    .completionDate(LocalDate.of(2026, 2, 1 + i))
                    .build());
        }
        return list;
    }

    /**
     * Posts records straight to the simulator, bypassing the client's own validation, so the
     * simulator's rules are what is tested (a non-Java pipeline could send anything).
     */
    private String postAndGetCode(LearnerCompletion record) {
        pars.simulator().addActivity(Fixtures.activity());
        byte[] doc = org.parsjava.core.codec.ParsXmlCodec.create()
                .encodeLearnerReports(
                        List.of(record), org.parsjava.core.codec.LearnerRecordAction.ADD, Fixtures.HEADER);
        return postRaw(new String(doc, java.nio.charset.StandardCharsets.UTF_8))
                .get(0)
                .code()
                .orElse("(accepted)");
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
                .activity(Fixtures.activity().toBuilder()
                        .accmeActivityId("299999999")
                        .build())
                .build();
        assertEquals(SimulatorErrors.ACTIVITY_NOT_FOUND, postAndGetCode(c));
    }

    @Test
    void refusesClosedActivity() {
        pars.simulator()
                .addActivity(Fixtures.activity().toBuilder()
                        .accmeActivityId("201234568")
                        .status(ActivityStatus.CLOSED)
                        .build());
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .activity(Fixtures.activity().toBuilder()
                        .accmeActivityId("201234568")
                        .build())
                .build();
        assertEquals(SimulatorErrors.ACTIVITY_CLOSED, postAndGetCode(c));
    }

    @Test
    void refusesCompletionOutsideTheReportingWindow() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .completionDate(LocalDate.of(2024, 6, 1))
                .build();
        assertEquals(SimulatorErrors.COMPLETION_DATE_OUTSIDE_WINDOW, postAndGetCode(c));
    }

    @Test
    void refusesFutureCompletion() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .completionDate(LocalDate.of(2026, 7, 1))
                .build();
        assertEquals(SimulatorErrors.COMPLETION_DATE_IN_FUTURE, postAndGetCode(c));
    }

    @Test
    void refusesCreditsAboveTheActivityMaximum() {
        LearnerCompletion c = Fixtures.completion().toBuilder().cmeCredits("2").build();
        assertEquals(SimulatorErrors.CREDITS_ABOVE_MAXIMUM, postAndGetCode(c));
    }

    @Test
    void refusesMissingIdentity() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .clearMocCredits()
                .learner(org.parsjava.core.model.Learner.builder()
                        .firstName("Jane")
                        .lastName("Sample")
                        .birthDate(2, 29)
                        .build())
                .build();
        assertEquals(SimulatorErrors.IDENTITY_MISSING, postAndGetCode(c));
    }

    @Test
    void refusesACmeLineWithoutNpiOrLicenseEvenWhenABoardIdIsGiven() {
        org.parsjava.core.model.Learner boardOnly = org.parsjava.core.model.Learner.builder()
                .firstName("Jane")
                .lastName("Sample")
                .birthDate(2, 29)
                .boardId(Board.ABIM, "000000")
                .build();
        assertEquals(
                SimulatorErrors.IDENTITY_MISSING,
                postAndGetCode(
                        Fixtures.completion().toBuilder().learner(boardOnly).build()));
    }

    @Test
    void refusesAMocOnlyReportWithoutAnyIdentifier() {
        org.parsjava.core.model.Learner nobody = org.parsjava.core.model.Learner.builder()
                .firstName("Jane")
                .lastName("Sample")
                .birthDate(2, 29)
                .build();
        LearnerCompletion absOnly = Fixtures.completion().toBuilder()
                .clearCmeCredits()
                .clearMocCredits()
                .mocCredit(MocCreditType.ABS_ACCREDITED_CME, "1")
                .learner(nobody)
                .build();
        assertEquals(SimulatorErrors.IDENTITY_MISSING, postAndGetCode(absOnly));
        LearnerCompletion abimOnly = Fixtures.completion().toBuilder()
                .clearCmeCredits()
                .learner(nobody.toBuilder().boardId(Board.ABIM, "000000").build())
                .build();
        assertEquals("(accepted)", postAndGetCode(abimOnly), "a MOC-only report may carry just the board ID");
    }

    @Test
    void twoMocOnlyLearnersSharingANameAndBirthDayAreTwoLearners() {
        org.parsjava.core.model.Learner first = org.parsjava.core.model.Learner.builder()
                .firstName("Jane")
                .lastName("Sample")
                .birthDate(2, 29)
                .boardId(Board.ABIM, "000001")
                .build();
        LearnerCompletion one = Fixtures.completion().toBuilder()
                .clearCmeCredits()
                .completionKey("moc-1")
                .learner(first)
                .build();
        LearnerCompletion other = one.toBuilder()
                .completionKey("moc-2")
                .learner(first.toBuilder()
                        .clearBoardIds()
                        .boardId(Board.ABIM, "000002")
                        .build())
                .build();
        assertEquals("(accepted)", postAndGetCode(one));
        assertEquals("(accepted)", postAndGetCode(other), "another physician, not a duplicate");
        LearnerCompletion again = one.toBuilder().completionKey("moc-3").build();
        assertEquals(SimulatorErrors.DUPLICATE_RECORD, postAndGetCode(again), "the same physician again");
        String held = pars.simulator().credits().toString();
        assertFalse(held.contains("000001") || held.contains("000002"), "board IDs in toString: " + held);
    }

    @Test
    void refusesMocWithoutTheLearnersBoardId() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .learner(Fixtures.learner().toBuilder().clearBoardIds().build())
                .build();
        assertEquals(SimulatorErrors.BOARD_ID_MISSING, postAndGetCode(c));
    }

    @Test
    void refusesMocPointsAboveTheRegistration() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .clearMocCredits()
                .mocCredit(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, "1.75")
                .build();
        assertEquals(SimulatorErrors.CREDITS_ABOVE_MAXIMUM, postAndGetCode(c));
    }

    @Test
    void refusesCreditsThatAreNotPositiveQuarterSteps() {
        assertEquals(
                SimulatorErrors.CREDITS_INVALID,
                postAndGetCode(
                        Fixtures.completion().toBuilder().cmeCredits("1.1").build()));
    }

    @Test
    void refusesAReportForAnotherProvider() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .activity(Fixtures.activity().toBuilder().providerId("0009999").build())
                .build();
        assertEquals(SimulatorErrors.PROVIDER_MISMATCH, postAndGetCode(c));
    }

    @Test
    void refusesMissingNameBirthDateOrCompletionDateOnTheWire() {
        assertEquals(
                SimulatorErrors.NAME_MISSING,
                postEditedAndGetCode(Fixtures.completion(), "<GivenName>Jane</GivenName>", "<GivenName> </GivenName>"));
        assertEquals(
                SimulatorErrors.BIRTH_DATE_INVALID,
                postEditedAndGetCode(Fixtures.completion(), "<BirthDate>2000-02-29</BirthDate>", ""));
        assertEquals(
                SimulatorErrors.COMPLETION_DATE_INVALID,
                postEditedAndGetCode(
                        Fixtures.completion(), "<CompletedDateTime>2026-02-27T00:00:00</CompletedDateTime>", ""));
    }

    @Test
    void refusesAnActivityUpdateThatChangesItsFormatOrDates() {
        pars.simulator().addActivity(Fixtures.activity());
        org.parsjava.core.codec.ParsXmlCodec codec = org.parsjava.core.codec.ParsXmlCodec.create();
        String moved = new String(
                codec.encodeActivity(
                        Fixtures.activity().toBuilder()
                                .endDate(Fixtures.activity().endDate().plusDays(1))
                                .build(),
                        org.parsjava.core.codec.ActivityAction.UPDATE),
                java.nio.charset.StandardCharsets.UTF_8);
        RawAnswer a = rawPost("ACCMEActivityService.svc/SaveActivity", moved, true);
        assertEquals(400, a.status());
        assertEquals(SimulatorErrors.ACTIVITY_CHANGE_REFUSED, a.code());
        String reformatted = new String(
                codec.encodeActivity(
                        Fixtures.activity().toBuilder()
                                .type(ActivityType.COURSE)
                                .build(),
                        org.parsjava.core.codec.ActivityAction.UPDATE),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(
                SimulatorErrors.ACTIVITY_CHANGE_REFUSED,
                rawPost("ACCMEActivityService.svc/SaveActivity", reformatted, true)
                        .code());
        assertEquals(Fixtures.activity(), pars.simulator().activities().get("201234567"));
    }

    @Test
    void refusesABadNpiOnTheWire() {
        // The model cannot hold a bad NPI, so the document is edited on its way out.
        pars.simulator().addActivity(Fixtures.activity());
        byte[] good = org.parsjava.core.codec.ParsXmlCodec.create()
                .encodeLearnerReports(
                        List.of(Fixtures.completion()),
                        org.parsjava.core.codec.LearnerRecordAction.ADD,
                        Fixtures.HEADER);
        String bad = new String(good, java.nio.charset.StandardCharsets.UTF_8).replace(Fixtures.NPI, "1234567890");
        List<org.parsjava.core.codec.RecordVerdict> verdicts = postRaw(bad);
        assertEquals(Optional.of(SimulatorErrors.NPI_INVALID), verdicts.get(0).code());
    }

    @Test
    void refusesADuplicateLearnerRecordForTheSameActivityAndDay() {
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            assertTrue(c.learners().submit(List.of(Fixtures.completion())).allAccepted());
            SubmissionResult again = c.learners()
                    .submit(List.of(Fixtures.completion().toBuilder()
                            .completionKey("another-key")
                            .build()));
            assertEquals(SimulatorErrors.DUPLICATE_RECORD, code(again, 0));
            // The same record again (a rerun): the simulator refuses it as a duplicate CreditID,
            // and the client, finding it held, reports it accepted; it is stored once.
            byte[] same = org.parsjava.core.codec.ParsXmlCodec.create()
                    .encodeLearnerReports(
                            List.of(Fixtures.completion()),
                            org.parsjava.core.codec.LearnerRecordAction.ADD,
                            Fixtures.HEADER);
            assertEquals(
                    Optional.of(SimulatorErrors.DUPLICATE_RECORD),
                    postRaw(new String(same, java.nio.charset.StandardCharsets.UTF_8))
                            .get(0)
                            .code());
            SubmissionResult sameKey = c.learners().submit(List.of(Fixtures.completion()));
            assertTrue(sameKey.allAccepted(), sameKey.records().toString());
            assertTrue(sameKey.records().get(0).message().orElseThrow().startsWith("already held by PARS"));
        }
        assertEquals(2, pars.simulator().credits().size());
    }

    @Test
    void refusesMocForABoardTheActivityIsNotRegisteredWith() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .clearMocCredits()
                .mocCredit(MocCreditType.ABP_LIFELONG_LEARNING, "1")
                .learner(Fixtures.learner().toBuilder()
                        .boardId(Board.ABP, "123456")
                        .build())
                .build();
        assertEquals(SimulatorErrors.BOARD_NOT_REGISTERED, postAndGetCode(c));
    }

    @Test
    void deleteRemovesWhatWasAdded() {
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            c.learners().submit(List.of(Fixtures.completion()));
            assertTrue(c.learners().delete(List.of(Fixtures.completion())).allAccepted());
            assertTrue(pars.simulator().credits().isEmpty());
            assertEquals(
                    SimulatorErrors.RECORD_NOT_FOUND, code(c.learners().delete(List.of(Fixtures.completion())), 0));
        }
    }

    @Test
    void refusesWrongCredentialsLikePARS() {
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = pars.simulator()
                .clientBuilder()
                .credentials(ParsCredentials.of("simulator", "wrong"))
                .build()) {
            ParsAuthenticationException e = assertThrows(
                    ParsAuthenticationException.class, () -> c.learners().submit(List.of(Fixtures.completion())));
            assertEquals(401, e.httpStatus());
            assertEquals(Optional.of(SimulatorErrors.AUTHENTICATION_FAILED), e.parsCode());
        }
        assertTrue(pars.simulator().credits().isEmpty());
    }

    @Test
    void acceptsBasicAuthAndRefusesAWrongProviderOrAGarbledHeader() {
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = pars.simulator()
                .clientBuilder()
                .credentialPlacement(org.parsjava.client.CredentialPlacement.BASIC_AUTH)
                .build()) {
            assertTrue(c.activities().get("201234567").isPresent());
        }
        String doc = "<ACCMELearnerReports/>";
        RawAnswer wrongProvider = rawPost(
                "ACCMELearnerService.svc/SaveLearnerActivity",
                doc,
                false,
                "ProviderId",
                "0009999",
                "User",
                ParsSimulator.DEFAULT_USER,
                "Password",
                ParsSimulator.DEFAULT_PASSWORD);
        assertEquals(401, wrongProvider.status());
        assertEquals(SimulatorErrors.AUTHENTICATION_FAILED, wrongProvider.code());
        RawAnswer garbled = rawPost(
                "ACCMELearnerService.svc/SaveLearnerActivity",
                doc,
                false,
                "ProviderId",
                ParsSimulator.DEFAULT_PROVIDER_ID,
                "Authorization",
                "Basic %%%not-base64");
        assertEquals(401, garbled.status());
        assertTrue(pars.simulator().credits().isEmpty());
    }

    @Test
    void savesActivitiesAndAcceptsARename() {
        try (ParsClient c = client()) {
            Activity created = c.activities()
                    .save(Activity.builder()
                            .providerId("0001234")
                            .providerActivityId("NEW-1")
                            .title("New")
                            .description("A new course")
                            .sponsorship(org.parsjava.core.model.Sponsorship.DIRECT)
                            .type(ActivityType.COURSE)
                            .startDate(LocalDate.of(2026, 5, 1))
                            .endDate(LocalDate.of(2026, 5, 2))
                            .maxCmeCredits("3")
                            .build());
            String id = created.accmeActivityId().orElseThrow();
            assertEquals(created, c.activities().get(id).orElseThrow());
            Activity renamed =
                    c.activities().save(created.toBuilder().title("Renamed").build());
            assertEquals("Renamed", pars.simulator().activities().get(id).title());
            assertEquals("Renamed", renamed.title());
        }
    }

    @Test
    void aCreateWhoseAnswerWasLostIsFoundByTheProviderKeysAndNotCreatedTwice() {
        pars.simulator().inject(Operation.SAVE_ACTIVITY, Fault.dropAfterApply());
        Activity course = Activity.builder()
                .providerId("0001234")
                .providerActivityId("NEW-2")
                .title("New")
                .description("A new course")
                .sponsorship(org.parsjava.core.model.Sponsorship.JOINT)
                .type(ActivityType.COURSE)
                .startDate(LocalDate.of(2026, 5, 1))
                .endDate(LocalDate.of(2026, 5, 2))
                .maxCmeCredits("3")
                .build();
        try (ParsClient c = client()) {
            ParsTransportException lost = assertThrows(
                    ParsTransportException.class, () -> c.activities().save(course));
            assertTrue(lost.outcomeUnknown());
            Activity found = c.activities()
                    .find("NEW-2", course.startDate(), ActivityType.COURSE)
                    .orElseThrow();
            assertTrue(found.accmeActivityId().isPresent());
            assertEquals(
                    Optional.empty(),
                    c.activities().find("NEW-2", course.startDate(), ActivityType.REGULARLY_SCHEDULED_SERIES));
            assertEquals(
                    Optional.empty(),
                    c.activities().find("NEW-2", course.startDate().plusDays(1), ActivityType.COURSE));
        }
        assertEquals(1, pars.simulator().activities().size());
    }

    @Test
    void matchSearchesTheRegistry() {
        pars.simulator().addPhysician(Fixtures.learner());
        try (ParsClient c = client()) {
            assertEquals(
                    MatchResult.Outcome.MATCHED,
                    c.learners().match(Fixtures.learner()).outcome());
            assertEquals(
                    MatchResult.Outcome.NOT_MATCHED,
                    c.learners()
                            .match(Fixtures.learner().toBuilder()
                                    .lastName("Other")
                                    .build())
                            .outcome());
        }
    }

    // ---- faults ---------------------------------------------------------------------------------

    @Test
    void rateLimitFaultIsRetriedAfterRetryAfter() {
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.rateLimited(Duration.ofSeconds(3)));
        List<Duration> sleeps = new ArrayList<>();
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c =
                pars.simulator().clientBuilder().sleeper(sleeps::add).build()) {
            assertTrue(c.learners().submit(List.of(Fixtures.completion())).allAccepted());
        }
        assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
        assertEquals(
                List.of(429, 200),
                pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).stream()
                        .map(org.parsjava.testkit.SeenRequest::status)
                        .toList());
    }

    @Test
    void serverErrorsAreRetriedAndDoNotDuplicate() {
        pars.simulator()
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(500))
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
        assertEquals(
                1, pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size());
        assertEquals(4, pars.simulator().requests(Operation.GET_LEARNER_STATUS).size());
    }

    @Test
    void droppedConnectionBeforeApplyIsResent() {
        pars.simulator().inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropBeforeApply());
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            assertEquals(3, c.learners().submit(completions(3)).acceptedCount());
        }
        assertEquals(
                2, pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size());
        assertEquals(6, pars.simulator().credits().size());
    }

    @Test
    void truncatedAndMalformedAnswersAreConfirmedByStatusLookup() {
        pars.simulator()
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.truncatedBody())
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.malformedBody());
        pars.simulator().addActivity(Fixtures.activity());
        try (ParsClient c = client()) {
            List<LearnerCompletion> all = completions(4);
            assertEquals(2, c.learners().submit(all.subList(0, 2)).acceptedCount());
            assertEquals(2, c.learners().submit(all.subList(2, 4)).acceptedCount());
        }
        assertEquals(8, pars.simulator().credits().size());
        assertEquals(
                2, pars.simulator().requests(Operation.SAVE_LEARNER_ACTIVITY).size());
    }

    @Test
    void latencyAndSlowDripAreBoundedByClientTimeouts() {
        pars.simulator()
                .inject(Operation.GET_LEARNER_STATUS, Fault.latency(Duration.ofSeconds(3)))
                .inject(Operation.GET_LEARNER_STATUS, Fault.slowDrip(Duration.ofMillis(300)));
        try (ParsClient c = pars.simulator()
                .clientBuilder()
                .readTimeout(Duration.ofMillis(300))
                .callTimeout(Duration.ofMillis(800))
                .retryPolicy(RetryPolicy.none())
                .build()) {
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
        RawAnswer a = rawPost("ACCMELearnerService.svc/SaveLearnerActivity", xml, true);
        org.parsjava.core.codec.ParsXmlCodec codec = org.parsjava.core.codec.ParsXmlCodec.create();
        if (a.status() != 200) {
            org.parsjava.core.codec.ParsFault f = codec.decodeFault(a.body());
            throw new ParsApiException(
                    Operation.SAVE_LEARNER_ACTIVITY, a.status(), f.code().orElse(null), f.message(), "raw", 1);
        }
        return codec.decodeSaveResult(a.body());
    }

    private record RawAnswer(int status, byte[] body) {
        String code() {
            return org.parsjava.core.codec.ParsXmlCodec.create()
                    .decodeFault(body)
                    .code()
                    .orElse("(none)");
        }
    }

    /** POSTs {@code xml} to {@code path}, with the simulator's credentials as headers or none. */
    private RawAnswer rawPost(String path, String xml, boolean credentials, String... extraHeaders) {
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        okhttp3.Request.Builder req = new okhttp3.Request.Builder()
                .url(pars.simulator().baseUrl() + path)
                .post(okhttp3.RequestBody.create(xml, okhttp3.MediaType.get("application/xml")));
        if (credentials) {
            req.header("ProviderId", ParsSimulator.DEFAULT_PROVIDER_ID)
                    .header("User", ParsSimulator.DEFAULT_USER)
                    .header("Password", ParsSimulator.DEFAULT_PASSWORD);
        }
        for (int i = 0; i < extraHeaders.length; i += 2) {
            req.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        try (okhttp3.Response resp = http.newCall(req.build()).execute()) {
            return new RawAnswer(resp.code(), resp.body().bytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The code the simulator gives {@code record} after {@code from} is replaced by {@code to} on the wire. */
    private String postEditedAndGetCode(LearnerCompletion record, String from, String to) {
        pars.simulator().addActivity(Fixtures.activity());
        String doc = new String(
                org.parsjava.core.codec.ParsXmlCodec.create()
                        .encodeLearnerReports(
                                List.of(record), org.parsjava.core.codec.LearnerRecordAction.ADD, Fixtures.HEADER),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(doc.contains(from), from);
        return postRaw(doc.replace(from, to)).get(0).code().orElse("(accepted)");
    }

    @Test
    void refusesToAddAnActivityWithoutTheDraftsRequiredFields() {
        Activity bare = Activity.builder()
                .providerId("0001234")
                .providerActivityId("NEW-3")
                .title("New")
                .type(ActivityType.COURSE)
                .startDate(LocalDate.of(2026, 5, 1))
                .endDate(LocalDate.of(2026, 5, 2))
                .maxCmeCredits("3")
                .build();
        try (ParsClient c = client()) {
            // The client's validator refuses it first; sent anyway (a validator that skips the
            // rule), PARS's double refuses it too.
            org.parsjava.client.exception.ParsValidationException local = org.junit.jupiter.api.Assertions.assertThrows(
                    org.parsjava.client.exception.ParsValidationException.class,
                    () -> c.activities().save(bare));
            assertTrue(local.getMessage().contains("ACTIVITY_DESCRIPTION_MISSING"), local.getMessage());
        }
        RawAnswer r = rawPost(
                org.parsjava.client.ParsEndpoints.defaults()
                        .endpoint(Operation.SAVE_ACTIVITY)
                        .pathTemplate(),
                new String(
                        org.parsjava.core.codec.ParsXmlCodec.create()
                                .encodeActivity(bare, org.parsjava.core.codec.ActivityAction.ADD),
                        java.nio.charset.StandardCharsets.UTF_8),
                true);
        assertEquals(400, r.status());
        assertEquals(SimulatorErrors.ACTIVITY_FIELD_MISSING, r.code());
        assertTrue(pars.simulator().activities().values().stream()
                .noneMatch(a -> a.providerActivityId().equals("NEW-3")));
    }

    @Test
    void retainWithinHeapKeepsAtLeastAThousandCreditLinesAndRefusesABadShare() {
        assertThrows(
                IllegalArgumentException.class, () -> ParsSimulator.builder().retainWithinHeap(0));
        assertThrows(
                IllegalArgumentException.class, () -> ParsSimulator.builder().retainWithinHeap(1.5));
        assertThrows(
                IllegalArgumentException.class, () -> ParsSimulator.builder().retainWithinHeap(Double.NaN));
        try (ParsSimulator small = ParsSimulator.builder()
                .clock(CLOCK)
                .retainWithinHeap(1e-12)
                .build()
                .start()) {
            small.addActivity(Fixtures.activity());
            List<LearnerCompletion> cs = new ArrayList<>();
            for (int i = 0; i < 1_005; i++) {
                cs.add(Fixtures.completion().toBuilder()
                        .completionKey("h-" + i)
                        .learner(Fixtures.learner().toBuilder()
                                .license(LicensingJurisdiction.NY, "N" + (1000 + i))
                                .npi(syntheticNpi(i))
                                .build())
                        .clearMocCredits()
                        .build());
            }
            try (ParsClient c = small.clientBuilder().sleeper(d -> {}).build()) {
                assertEquals(1_005, c.learners().submit(cs).acceptedCount());
                assertEquals(1_000, small.credits().size(), "the floor, whatever the share");
            }
        }
    }

    @Test
    void retainAtMostBoundsWhatTheSimulatorRemembersOldestFirst() {
        try (ParsSimulator small =
                ParsSimulator.builder().clock(CLOCK).retainAtMost(4).build().start()) {
            small.addActivity(Fixtures.activity());
            List<LearnerCompletion> cs = completions(3).stream()
                    .map(c -> c.toBuilder().clearMocCredits().build())
                    .toList(); // one credit line each
            try (ParsClient c = small.clientBuilder().sleeper(d -> {}).build()) {
                assertEquals(3, c.learners().submit(cs).acceptedCount());
                assertEquals(3, small.credits().size());
                List<LearnerCompletion> more = completions(6).subList(3, 6).stream()
                        .map(x -> x.toBuilder().clearMocCredits().build())
                        .toList();
                assertEquals(3, c.learners().submit(more).acceptedCount());
                assertEquals(4, small.credits().size(), "the two oldest credit lines were forgotten");
                assertFalse(small.credits().stream().anyMatch(x -> x.creditId().contains(":k-0-")));
                assertTrue(
                        c.learners()
                                .status(org.parsjava.core.codec.CreditIds.all(cs.get(0))
                                        .get(0))
                                .isEmpty(),
                        "a forgotten credit answers 404");
                assertTrue(small.requests().size() <= 4, "requests are bounded the same way");
            }
        }
    }
}
