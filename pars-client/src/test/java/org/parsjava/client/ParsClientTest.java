/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parsjava.client.exception.ParsApiException;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsTransportException;
import org.parsjava.client.exception.ParsValidationException;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.codec.ParsXmlCodec;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.codec.internal.PeerCodec;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.core.validation.ViolationCode;
import org.slf4j.event.Level;

class ParsClientTest {

    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    /** The golden file's DateTimeCreated, so the client's body can be compared byte for byte. */
    private static final Clock CLOCK =
            Clock.fixed(LocalDateTime.of(2026, 3, 2, 9, 15).atZone(CENTRAL).toInstant(), CENTRAL);

    private static final ParsXmlCodec CODEC = ParsXmlCodec.create();
    private static final String SAVE = "/services/ACCMELearnerService.svc/SaveLearnerActivity";
    private static final String STATUS = "/services/ACCMELearnerService.svc/GetLearnerStatusByCreditId";
    private static final String GET_ACTIVITY = "/services/ACCMEActivityService.svc/GetActivity";

    private MockWebServer server;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final CapturingLogger log = new CapturingLogger();
    private ParsClient client;

    /** Routes by path; each path's responders are used in order, the last one repeats. */
    private final java.util.Map<String, List<Function<RecordedRequest, MockResponse>>> routes =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<RecordedRequest> seen = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                seen.add(request);
                String path = request.getUrl().encodedPath();
                List<Function<RecordedRequest, MockResponse>> list = routes.get(path);
                if (list == null || list.isEmpty()) {
                    return new MockResponse.Builder().code(404).build();
                }
                Function<RecordedRequest, MockResponse> f = list.size() > 1 ? list.remove(0) : list.get(0);
                return f.apply(request);
            }
        });
        server.start();
        client = builder().build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private ParsClient.Builder builder() {
        return ParsClient.builder()
                .baseUrl(server.url("/services/").toString())
                .providerId("0001234")
                .providerName("Example Health Continuing Education")
                .credentials(ParsCredentials.of("ws-user", "s3cret-pw"))
                .clock(CLOCK)
                .sleeper(sleeps::add)
                .logger(log)
                .readTimeout(Duration.ofSeconds(5));
    }

    private void route(String path, Function<RecordedRequest, MockResponse> responder) {
        routes.computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>()))
                .add(responder);
    }

    /** PARS's answer when it stores every record of the document: one acceptance each. */
    private static MockResponse acceptEvery(RecordedRequest r) {
        int n = PeerCodec.of(CODEC)
                .decodeLearnerReports(r.getBody().toByteArray())
                .size();
        List<RecordVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            verdicts.add(RecordVerdict.accepted(i));
        }
        return xml(200, PeerCodec.of(CODEC).encodeSaveResult(verdicts));
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    private static MockResponse xml(int code, byte[] body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/xml")
                .body(new String(body, StandardCharsets.UTF_8))
                .build();
    }

    private List<RecordedRequest> requestsTo(String path) {
        return seen.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }

    private static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    private static List<LearnerCompletion> completions(int n) {
        List<LearnerCompletion> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Fixtures.completion().toBuilder()
                    .completionKey("lms-" + i)
                    .learner(Fixtures.learner().toBuilder()
                            .firstName("Learner" + (char) ('A' + i % 26))
                            .build())
                    .build());
        }
        return list;
    }

    static String golden(String name) {
        try (InputStream in = ParsClientTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replaceAll(">\\s+<", "><");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- requests on the wire ----------------------------------------------------------------

    @Test
    void submitSendsTheGoldenDocumentWithCredentialsAndAccountsForTheRecord() {
        route(SAVE, ParsClientTest::acceptEvery);
        SubmissionResult result = client.learners().submit(List.of(Fixtures.completion()));
        assertTrue(result.allAccepted(), result.toString());
        RecordedRequest r = requestsTo(SAVE).get(0);
        assertEquals("POST", r.getMethod());
        assertEquals("0001234", r.getHeaders().get("ProviderId"));
        assertEquals("ws-user", r.getHeaders().get("User"));
        assertEquals("s3cret-pw", r.getHeaders().get("Password"));
        assertEquals("application/xml; charset=utf-8", r.getHeaders().get("Content-Type"));
        assertEquals("pars-java/" + ParsClient.VERSION, r.getHeaders().get("User-Agent"));
        // The version comes from the build (the pom), not from a constant in the code.
        assertTrue(ParsClient.VERSION.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), ParsClient.VERSION);
        assertEquals(golden("learner-report-add.xml"), body(r));
        assertEquals(
                List.of("ccid:0001234:lms-88231-cme", "ccid:0001234:lms-88231-abim-medical-knowledge"),
                result.records().get(0).creditIds());
    }

    @Test
    void basicAuthPlacementSendsAnAuthorizationHeaderInstead() {
        route(SAVE, ParsClientTest::acceptEvery);
        try (ParsClient basic =
                builder().credentialPlacement(CredentialPlacement.BASIC_AUTH).build()) {
            basic.learners().submit(List.of(Fixtures.completion()));
        }
        RecordedRequest r = requestsTo(SAVE).get(0);
        assertTrue(r.getHeaders().get("Authorization").startsWith("Basic "));
        assertEquals(null, r.getHeaders().get("Password"));
    }

    @Test
    void invalidRecordsAreNeverSentAndEveryRecordIsAccountedFor() {
        List<LearnerCompletion> input = new ArrayList<>(completions(4));
        input.set(1, input.get(1).toBuilder().consent(false).build());
        input.set(3, input.get(3).toBuilder().cmeCredits("1.1").build());
        route(SAVE, ParsClientTest::acceptEvery);
        SubmissionResult result = client.learners().submit(input);
        assertEquals(4, result.total());
        assertEquals(2, result.acceptedCount());
        assertEquals(2, result.invalidCount());
        assertEquals(
                ViolationCode.CONSENT_MISSING,
                result.records().get(1).violations().get(0).code());
        assertEquals(
                ViolationCode.CREDITS_NOT_QUARTER_STEP,
                result.records().get(3).violations().get(0).code());
        String sent = body(requestsTo(SAVE).get(0));
        assertTrue(sent.contains("lms-0-cme") && sent.contains("lms-2-cme"));
        assertFalse(sent.contains("lms-1-") || sent.contains("lms-3-"), sent);
    }

    @Test
    void perRecordVerdictsFromPARSAreReportedWithCodeAndMessage() {
        route(
                SAVE,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeSaveResult(List.of(
                                        RecordVerdict.accepted(0),
                                        RecordVerdict.rejected(
                                                1, "LEARNER_NOT_MATCHED", "UniqueID", "ABIM ID 123456 not found")))));
        SubmissionResult result = client.learners().submit(completions(2));
        assertEquals(RecordOutcome.ACCEPTED, result.records().get(0).outcome());
        RecordResult rejected = result.records().get(1);
        assertEquals(RecordOutcome.REJECTED, rejected.outcome());
        assertEquals(Optional.of("LEARNER_NOT_MATCHED"), rejected.parsCode());
        assertEquals(Optional.of("ABIM ID ###### not found"), rejected.message());
        assertEquals("lms-1", rejected.completionKey());
    }

    @Test
    void largeSubmissionsAreChunkedWithProgressCallbacks() {
        route(SAVE, ParsClientTest::acceptEvery);
        List<ChunkProgress> progress = new ArrayList<>();
        try (ParsClient small = builder().chunkSize(2).build()) {
            SubmissionResult result = small.learners().submit(completions(5), progress::add);
            assertEquals(5, result.acceptedCount());
        }
        assertEquals(3, requestsTo(SAVE).size());
        assertEquals(
                List.of(1, 2, 3), progress.stream().map(ChunkProgress::chunk).toList());
        assertEquals(
                List.of(2, 4, 5),
                progress.stream().map(ChunkProgress::recordsDone).toList());
        assertEquals(1.0, progress.get(2).fraction());
    }

    @Test
    void wholeChunkRejectionIsBisectedSoOnlyTheBadRecordIsRejected() {
        // PARS refuses any document containing lms-5 with a 400 fault and no per-record verdicts.
        route(
                SAVE,
                r -> body(r).contains("lms-5-cme")
                        ? xml(
                                400,
                                PeerCodec.of(CODEC)
                                        .encodeFault(new org.parsjava.core.codec.ParsFault(
                                                Optional.of("E100"), "invalid record")))
                        : acceptEvery(r));
        SubmissionResult result = client.learners().submit(completions(8));
        assertEquals(7, result.acceptedCount());
        assertEquals(1, result.rejectedCount());
        assertEquals(RecordOutcome.REJECTED, result.records().get(5).outcome());
        assertEquals(Optional.of("E100"), result.records().get(5).parsCode());
        // 8 -> 4+4 -> (4 ok) 2+2 -> (2 ok) 1+1: 1 + 2 + 2 + 2 = 7 requests
        assertEquals(7, requestsTo(SAVE).size());
    }

    @Test
    void deleteSendsTheDeleteActionAndSkipsRulesThatDoNotApply() {
        route(SAVE, ParsClientTest::acceptEvery);
        LearnerCompletion old = Fixtures.completion().toBuilder().consent(false).build();
        SubmissionResult result = client.learners().delete(List.of(old));
        assertTrue(result.allAccepted(), result.toString());
        assertTrue(body(requestsTo(SAVE).get(0)).contains("<LearnerRecordAction>delete</LearnerRecordAction>"));
    }

    // ---- retries --------------------------------------------------------------------------------

    @Test
    void rateLimitWithRetryAfterIsHonouredWithExactlyTwoRequests() {
        route(
                SAVE,
                r -> new MockResponse.Builder()
                        .code(429)
                        .setHeader("Retry-After", "7")
                        .build());
        route(SAVE, ParsClientTest::acceptEvery);
        SubmissionResult result = client.learners().submit(List.of(Fixtures.completion()));
        assertTrue(result.allAccepted());
        assertEquals(2, requestsTo(SAVE).size());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
        assertTrue(requestsTo(STATUS).isEmpty(), "a 429 was not applied: no status lookup needed");
    }

    @Test
    void serviceUnavailableStopsAtTheAttemptLimitAndMarksRecordsFailed() {
        route(SAVE, r -> status(503));
        SubmissionResult result = client.learners().submit(completions(3));
        assertEquals(3, result.failedCount());
        assertEquals(RetryPolicy.defaults().maxAttempts(), requestsTo(SAVE).size());
        assertEquals(RetryPolicy.defaults().maxAttempts() - 1, sleeps.size());
        for (int i = 0; i < sleeps.size(); i++) {
            assertTrue(sleeps.get(i).compareTo(RetryPolicy.defaults().backoffCap(i + 1)) <= 0, sleeps.toString());
        }
        assertTrue(result.records().get(0).message().orElseThrow().contains("HTTP 503"));
        assertFalse(result.records().get(0).outcomeUnknown(), "a 503 is never applied");
    }

    @Test
    void droppedConnectionAfterPARSAppliedTheChunkCreatesNoDuplicate() {
        List<LearnerCompletion> input = completions(3);
        // First POST: PARS stores the records, then the connection drops before the answer.
        route(
                SAVE,
                r -> new MockResponse.Builder()
                        .code(201)
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build());
        route(SAVE, ParsClientTest::acceptEvery);
        // Status lookups: PARS holds lms-0 and lms-2, not lms-1.
        route(STATUS, r -> {
            String id = r.getUrl().queryParameter("CreditId");
            if (id.contains("lms-1-")) {
                return status(404);
            }
            return xml(
                    200,
                    PeerCodec.of(CODEC)
                            .encodeStatuses(List.of(new CreditStatus(
                                    id, Optional.empty(), Optional.empty(), CreditStatus.State.ACCEPTED, "Accepted"))));
        });
        SubmissionResult result = client.learners().submit(input);
        assertTrue(result.allAccepted(), result.records().toString());
        List<RecordedRequest> posts = requestsTo(SAVE);
        assertEquals(2, posts.size());
        String resent = body(posts.get(1));
        assertTrue(resent.contains("lms-1-cme"));
        assertFalse(resent.contains("lms-0-") || resent.contains("lms-2-"), "only the missing record is resent");
        assertEquals(3, requestsTo(STATUS).size());
        assertEquals(
                Optional.of("confirmed by status lookup after an interrupted submission"),
                result.records().get(0).message());
    }

    @Test
    void aResendRefusedAsADuplicateOfTheInterruptedAttemptIsReportedAccepted() {
        // The first POST lands late: the status lookup does not see it yet, the resend is then
        // refused as a duplicate, and a second lookup finds the credit.
        route(
                SAVE,
                r -> new MockResponse.Builder()
                        .code(201)
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build());
        route(
                SAVE,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeSaveResult(List.of(
                                        RecordVerdict.rejected(0, "DUPLICATE_RECORD", null, "already reported")))));
        route(STATUS, r -> status(404));
        route(
                STATUS,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeStatuses(List.of(new CreditStatus(
                                        r.getUrl().queryParameter("CreditId"),
                                        Optional.empty(),
                                        Optional.empty(),
                                        CreditStatus.State.ACCEPTED,
                                        "Accepted")))));
        SubmissionResult result = client.learners().submit(completions(1));
        RecordResult r = result.records().get(0);
        assertEquals(RecordOutcome.ACCEPTED, r.outcome(), r.toString());
        assertEquals(
                Optional.of("confirmed by status lookup: an interrupted earlier attempt was applied"), r.message());
        assertFalse(r.alreadyHeld(), "this submission's own first attempt put it in PARS");
        assertEquals(2, requestsTo(SAVE).size());
        assertEquals(3, requestsTo(STATUS).size(), "one before the resend, then one per credit line");
    }

    @Test
    void aRerunOverRecordsPARSAlreadyHoldsReportsThemAcceptedNotRejected() {
        // A second run over the same file: PARS refuses lms-0 and lms-2 as duplicates; it holds
        // lms-0 under that very CreditID, lms-2 only for another day (so another record), and
        // lms-1 is refused for something else.
        route(
                SAVE,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeSaveResult(List.of(
                                        RecordVerdict.rejected(0, "DUPLICATE_RECORD", null, "already reported"),
                                        RecordVerdict.rejected(1, "NOT_MATCHED", null, "no such physician"),
                                        RecordVerdict.rejected(2, "E17", null, "Duplicate learner record")))));
        route(STATUS, r -> {
            String id = r.getUrl().queryParameter("CreditId");
            java.time.LocalDate day =
                    id.contains("lms-0-") ? Fixtures.completion().completionDate() : java.time.LocalDate.of(2026, 1, 5);
            return xml(
                    200,
                    PeerCodec.of(CODEC)
                            .encodeStatuses(List.of(new CreditStatus(
                                    id,
                                    Optional.of("201234567"),
                                    Optional.of(day),
                                    CreditStatus.State.ACCEPTED,
                                    "Accepted"))));
        });
        SubmissionResult result = client.learners().submit(completions(3));
        assertEquals(
                List.of(RecordOutcome.ACCEPTED, RecordOutcome.REJECTED, RecordOutcome.REJECTED),
                result.records().stream().map(RecordResult::outcome).toList(),
                result.records().toString());
        assertEquals(
                Optional.of("already held by PARS under this CreditID (reported before); not stored twice"),
                result.records().get(0).message());
        assertTrue(result.records().get(0).alreadyHeld(), "held before this submission, not put there by it");
        assertEquals(Optional.of("E17"), result.records().get(2).parsCode());
        assertEquals(
                List.of(
                        "ccid:0001234:lms-0-cme",
                        "ccid:0001234:lms-0-abim-medical-knowledge",
                        "ccid:0001234:lms-2-cme"),
                requestsTo(STATUS).stream()
                        .map(r -> r.getUrl().queryParameter("CreditId"))
                        .toList(),
                "only duplicate refusals are looked up, line by line until one is missing");
        assertEquals(1, requestsTo(SAVE).size());
    }

    @Test
    void aDuplicateRefusalOfARecordPARSHoldsOnlyInPartStaysRejected() {
        // Key lms-0 was reported with CME only; now it carries an ABIM line too.
        route(
                SAVE,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeSaveResult(List.of(RecordVerdict.rejected(
                                        0, "DUPLICATE_RECORD", null, "this CreditID is already held")))));
        route(
                STATUS,
                r -> r.getUrl().queryParameter("CreditId").endsWith("-cme")
                        ? xml(
                                200,
                                PeerCodec.of(CODEC)
                                        .encodeStatuses(List.of(new CreditStatus(
                                                r.getUrl().queryParameter("CreditId"),
                                                Optional.empty(),
                                                Optional.empty(),
                                                CreditStatus.State.ACCEPTED,
                                                "Accepted"))))
                        : status(404));
        RecordResult r = client.learners().submit(completions(1)).records().get(0);
        assertEquals(RecordOutcome.REJECTED, r.outcome(), r.toString());
        assertEquals(2, requestsTo(STATUS).size(), "every credit line is looked up");
    }

    @Test
    void aDuplicateRefusalWhoseStatusLookupFailsIsFailedWithAnUnknownOutcome() {
        route(
                SAVE,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeSaveResult(List.of(
                                        RecordVerdict.rejected(0, "DUPLICATE_RECORD", null, "already reported")))));
        route(STATUS, r -> status(500));
        try (ParsClient once = builder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .build()) {
            RecordResult r = once.learners().submit(completions(1)).records().get(0);
            assertEquals(RecordOutcome.FAILED, r.outcome(), r.toString());
            assertTrue(r.outcomeUnknown());
        }
    }

    @Test
    void aRecordWhoseVerdictWasTakenByAnotherRecordsCreditIdIsCheckedNotAssumedAccepted() {
        List<LearnerCompletion> input = completions(2);
        // PARS accepts lms-0 and refuses lms-1 as a duplicate, but names lms-0's CreditID.
        route(
                SAVE,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeSaveResult(List.of(
                                        RecordVerdict.accepted(0),
                                        new RecordVerdict(
                                                1,
                                                Optional.of(CreditIds.cme(input.get(0))),
                                                false,
                                                Optional.of("DUPLICATE_RECORD"),
                                                Optional.empty(),
                                                Optional.of("already held"))))));
        route(
                STATUS,
                r -> r.getUrl().queryParameter("CreditId").contains("lms-0-")
                        ? xml(
                                200,
                                PeerCodec.of(CODEC)
                                        .encodeStatuses(List.of(new CreditStatus(
                                                r.getUrl().queryParameter("CreditId"),
                                                Optional.empty(),
                                                Optional.empty(),
                                                CreditStatus.State.ACCEPTED,
                                                "Accepted"))))
                        : status(404));
        SubmissionResult result = client.learners().submit(input);
        // lms-1 had no verdict of its own and PARS does not hold it: it is sent again, alone.
        assertEquals(
                List.of(RecordOutcome.ACCEPTED, RecordOutcome.ACCEPTED),
                result.records().stream().map(RecordResult::outcome).toList(),
                result.records().toString());
        assertEquals(2, requestsTo(SAVE).size());
        String again = body(requestsTo(SAVE).get(1));
        assertTrue(again.contains("lms-1-cme") && !again.contains("lms-0-cme"), again);
    }

    @Test
    void verdictsNamingACreditIdLandOnThatRecordWhateverTheirPosition() {
        List<LearnerCompletion> input = completions(3);
        List<String> lms1 = CreditIds.all(input.get(1));
        List<String> lms2 = CreditIds.all(input.get(2));
        // PARS lists only some lines, out of order, with positions that do not match the document.
        route(
                SAVE,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeSaveResult(List.of(
                                        new RecordVerdict(
                                                0,
                                                Optional.of(lms2.get(0)),
                                                true,
                                                Optional.empty(),
                                                Optional.empty(),
                                                Optional.empty()),
                                        new RecordVerdict(
                                                0,
                                                Optional.of(lms2.get(1)),
                                                false,
                                                Optional.of("BOARD_ID_MISMATCH"),
                                                Optional.empty(),
                                                Optional.of("board ID not found")),
                                        new RecordVerdict(
                                                7,
                                                Optional.of(lms1.get(0)),
                                                false,
                                                Optional.of("NOT_MATCHED"),
                                                Optional.empty(),
                                                Optional.empty())))));
        // lms-0 got no verdict while others were placed by CreditID: it is checked, and PARS holds it.
        route(
                STATUS,
                r -> r.getUrl().queryParameter("CreditId").contains("lms-0-")
                        ? xml(
                                200,
                                PeerCodec.of(CODEC)
                                        .encodeStatuses(List.of(new CreditStatus(
                                                r.getUrl().queryParameter("CreditId"),
                                                Optional.empty(),
                                                Optional.empty(),
                                                CreditStatus.State.ACCEPTED,
                                                "Accepted"))))
                        : status(404));
        SubmissionResult result = client.learners().submit(input);
        assertEquals(
                List.of(RecordOutcome.ACCEPTED, RecordOutcome.REJECTED, RecordOutcome.REJECTED),
                result.records().stream().map(RecordResult::outcome).toList(),
                result.records().toString());
        assertEquals(Optional.of("NOT_MATCHED"), result.records().get(1).parsCode());
        assertEquals(
                Optional.of("BOARD_ID_MISMATCH"),
                result.records().get(2).parsCode(),
                "a refused credit line stands for its record even after an accepted one");
        // A CreditID that is none of the document's (PARS naming the record it collides with,
        // say) falls back to the verdict's position.
        routes.remove(SAVE);
        routes.remove(STATUS);
        route(
                STATUS,
                r -> r.getUrl().queryParameter("CreditId").contains("lms-1-")
                        ? status(404)
                        : xml(
                                200,
                                PeerCodec.of(CODEC)
                                        .encodeStatuses(List.of(new CreditStatus(
                                                r.getUrl().queryParameter("CreditId"),
                                                Optional.empty(),
                                                Optional.empty(),
                                                CreditStatus.State.ACCEPTED,
                                                "Accepted")))));
        route(
                SAVE,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeSaveResult(List.of(new RecordVerdict(
                                        1,
                                        Optional.of("ccid:0001234:held-elsewhere-cme"),
                                        false,
                                        Optional.of("E5"),
                                        Optional.empty(),
                                        Optional.empty())))));
        result = client.learners().submit(input);
        assertEquals(
                List.of(RecordOutcome.ACCEPTED, RecordOutcome.REJECTED, RecordOutcome.ACCEPTED),
                result.records().stream().map(RecordResult::outcome).toList(),
                result.records().toString());
        assertEquals(Optional.of("E5"), result.records().get(1).parsCode());
    }

    @Test
    void aResentRecordRefusedWholeAsADuplicateIsConfirmedByStatus() {
        route(
                SAVE,
                r -> new MockResponse.Builder()
                        .code(201)
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build());
        route(
                SAVE,
                r -> xml(
                        400,
                        PeerCodec.of(CODEC)
                                .encodeFault(new org.parsjava.core.codec.ParsFault(
                                        Optional.of("E9"), "record already exists"))));
        route(STATUS, r -> status(404));
        route(
                STATUS,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeStatuses(List.of(new CreditStatus(
                                        r.getUrl().queryParameter("CreditId"),
                                        Optional.empty(),
                                        Optional.empty(),
                                        CreditStatus.State.ACCEPTED,
                                        "Accepted")))));
        RecordResult r = client.learners().submit(completions(1)).records().get(0);
        assertEquals(RecordOutcome.ACCEPTED, r.outcome(), r.toString());
        assertEquals(2, requestsTo(SAVE).size());
    }

    @Test
    void endpointErrorsFailTheChunkInsteadOfRejectingRecords() {
        route(SAVE, r -> status(405));
        SubmissionResult result = client.learners().submit(completions(4));
        assertEquals(4, result.failedCount(), result.records().toString());
        assertEquals(0, result.rejectedCount());
        assertEquals(1, requestsTo(SAVE).size(), "an endpoint problem is not bisected record by record");
        assertTrue(result.records().get(3).message().orElseThrow().contains("HTTP 405"));
    }

    @Test
    void aRetryAfterOfCenturiesEndsTheRetriesCleanly() {
        route(
                SAVE,
                r -> new MockResponse.Builder()
                        .code(503)
                        .setHeader("Retry-After", "99999999999")
                        .build());
        SubmissionResult result = client.learners().submit(completions(2));
        assertEquals(2, result.failedCount());
        assertEquals(1, requestsTo(SAVE).size());
        assertTrue(sleeps.isEmpty(), "a wait past the deadline is not slept");
        route(
                GET_ACTIVITY,
                r -> new MockResponse.Builder()
                        .code(429)
                        .setHeader("Retry-After", "99999999999")
                        .build());
        org.parsjava.client.exception.ParsRateLimitException e = assertThrows(
                org.parsjava.client.exception.ParsRateLimitException.class,
                () -> client.activities().get("201234567"));
        assertEquals(Optional.of(Duration.ofSeconds(99999999999L)), e.retryAfter());
        assertEquals(1, e.attempts(), "a wait past the deadline ends the retries after the first request");
    }

    @Test
    void anUnexpectedFailureInOneChunkKeepsEveryRecordAccountedAndTheRestSent() {
        route(SAVE, r -> status(503));
        route(SAVE, ParsClientTest::acceptEvery);
        boolean[] thrown = {false};
        try (ParsClient c = builder()
                .chunkSize(2)
                .sleeper(d -> {
                    if (!thrown[0]) {
                        thrown[0] = true;
                        throw new IllegalStateException("sleeper broke over Jane Sample, NPI 1234567893");
                    }
                })
                .build()) {
            SubmissionResult result = c.learners().submit(completions(4));
            assertEquals(
                    List.of(RecordOutcome.FAILED, RecordOutcome.FAILED, RecordOutcome.ACCEPTED, RecordOutcome.ACCEPTED),
                    result.records().stream().map(RecordResult::outcome).toList());
            assertTrue(result.records().get(0).message().orElseThrow().contains("IllegalStateException"));
        }
        assertTrue(
                log.at(Level.WARN).stream().anyMatch(l -> l.contains("IllegalStateException")), log.lines.toString());
        // At DEBUG with its stack trace, the messages removed (they may carry learner data).
        List<String> debug = log.at(Level.DEBUG).stream()
                .filter(l -> l.contains("IllegalStateException"))
                .toList();
        assertFalse(debug.isEmpty(), log.lines.toString());
        Throwable logged = log.thrown.stream()
                .filter(t -> t.toString().contains("IllegalStateException"))
                .findFirst()
                .orElseThrow();
        assertEquals("java.lang.IllegalStateException", logged.getMessage(), "its class in place of its message");
        assertTrue(logged.getStackTrace().length > 0, "frames kept");
        assertTrue(
                log.lines.stream().noneMatch(l -> l.contains("1234567893") || l.contains("Jane")),
                log.lines.toString());
    }

    @Test
    void rejectionMessagesNeverCarryTheLearnersOwnValues() {
        route(
                SAVE,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeSaveResult(List.of(RecordVerdict.rejected(
                                        0,
                                        "NOT_MATCHED",
                                        null,
                                        "No physician JANE sample with license a99999 or ABIM ID 000000")))));
        LearnerCompletion jane = Fixtures.completion();
        RecordResult r = client.learners().submit(List.of(jane)).records().get(0);
        String m = r.message().orElseThrow();
        for (String pii : new String[] {"JANE", "sample", "a99999", "000000"}) {
            assertFalse(
                    m.toLowerCase(java.util.Locale.ROOT).contains(pii.toLowerCase(java.util.Locale.ROOT)),
                    () -> pii + " in " + m);
        }
        assertEquals("No physician *** *** with license *** or ABIM ID ######", m);
    }

    @Test
    void activitySaveAfterA502SaysTheOutcomeIsUnknownAndDoesNotResend() {
        route("/services/ACCMEActivityService.svc/SaveActivity", r -> status(502));
        Activity noId = Activity.builder()
                .providerId("0001234")
                .providerActivityId("LMS-COURSE-7781")
                .title("Sepsis")
                .description("Sepsis care")
                .sponsorship(org.parsjava.core.model.Sponsorship.DIRECT)
                .type(ActivityType.COURSE)
                .startDate(java.time.LocalDate.of(2026, 1, 1))
                .endDate(java.time.LocalDate.of(2026, 12, 31))
                .maxCmeCredits("2")
                .build();
        org.parsjava.client.exception.ParsServerException e = assertThrows(
                org.parsjava.client.exception.ParsServerException.class,
                () -> client.activities().save(noId));
        assertTrue(e.outcomeUnknown());
        assertTrue(e.getMessage().contains("read it back before resending"), e.getMessage());
        assertEquals(
                1, requestsTo("/services/ACCMEActivityService.svc/SaveActivity").size());
        assertEquals(1, e.attempts());
    }

    @Test
    void serverErrorThenStatusLookupFailureNeverResendsBlindly() {
        route(SAVE, r -> status(500));
        route(STATUS, r -> status(500));
        try (ParsClient once = builder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .build()) {
            SubmissionResult result = once.learners().submit(completions(2));
            assertEquals(2, result.failedCount());
            assertTrue(result.records().get(0).message().orElseThrow().contains("status lookup failed"));
            assertTrue(result.records().get(0).outcomeUnknown(), "it may be in PARS: check before resending");
        }
        assertEquals(1, requestsTo(SAVE).size(), "unknown outcome and unknown status: never resend");
    }

    @Test
    void readTimeoutIsRetriedForReadsAndEndsInATransportException() {
        route(
                STATUS,
                r -> new MockResponse.Builder()
                        .code(200)
                        .headersDelay(2, TimeUnit.SECONDS)
                        .build());
        try (ParsClient impatient = builder()
                .readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .build()) {
            ParsTransportException e = assertThrows(
                    ParsTransportException.class, () -> impatient.learners().status("ccid:0001234:lms-1-cme"));
            assertTrue(e.getMessage().contains("GetLearnerStatusByCreditId"), e.getMessage());
            assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
            assertEquals(2, e.attempts());
        }
        assertEquals(2, requestsTo(STATUS).size());
    }

    @Test
    void slowDripIsCutByTheCallTimeout() {
        route(
                STATUS,
                r -> new MockResponse.Builder()
                        .code(200)
                        .body("<LearnerStatuses>" + "<LearnerStatus/>".repeat(200) + "</LearnerStatuses>")
                        .throttleBody(16, 100, TimeUnit.MILLISECONDS)
                        .build());
        try (ParsClient impatient = builder()
                .callTimeout(Duration.ofMillis(500))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            long start = System.nanoTime();
            assertThrows(
                    ParsTransportException.class, () -> impatient.learners().status("ccid:0001234:lms-1-cme"));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "must not hang");
        }
    }

    // ---- errors ---------------------------------------------------------------------------------

    @Test
    void refusedCredentialsThrowWithAHintAndThePartialResult() {
        route(SAVE, r -> status(401));
        ParsAuthenticationException e = assertThrows(
                ParsAuthenticationException.class, () -> client.learners().submit(completions(2)));
        assertTrue(e.getMessage().contains("provider ID, web-services user and password"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-pw") || e.getMessage().contains("ws-user"));
        SubmissionResult partial = e.partialResult().orElseThrow();
        assertEquals(2, partial.failedCount());
        assertEquals(1, requestsTo(SAVE).size(), "401 is not retried");
    }

    @Test
    void hostileAndBrokenBodiesEndInAnApiExceptionWithAnExcerpt() throws IOException {
        String[] bodies = {
            "",
            "<html><body>Gateway error for Jane 1234567893</body></html>",
            "<LearnerStatuses><LearnerSt",
            new String(
                    ParsClientTest.class.getResourceAsStream("/golden/xxe.xml").readAllBytes(), StandardCharsets.UTF_8),
            new String(
                    ParsClientTest.class
                            .getResourceAsStream("/golden/billion-laughs.xml")
                            .readAllBytes(),
                    StandardCharsets.UTF_8)
        };
        for (String b : bodies) {
            routes.clear();
            route(STATUS, r -> new MockResponse.Builder().code(200).body(b).build());
            if (b.isEmpty()) {
                assertEquals(List.of(), client.learners().status("ccid:0001234:lms-1-cme"));
                continue;
            }
            ParsApiException e =
                    assertThrows(ParsApiException.class, () -> client.learners().status("ccid:0001234:lms-1-cme"), b);
            assertTrue(e.getMessage().contains("unreadable body"), e.getMessage());
            assertFalse(e.getMessage().contains("1234567893") || e.getMessage().contains("Jane"), e.getMessage());
            assertFalse(e.getMessage().contains("root:"), e.getMessage());
            assertEquals(null, e.getCause());
        }
    }

    @Test
    void serverFaultsBecomeTypedExceptionsNamingTheOperation() {
        route(
                "/services/ACCMELearnerService.svc/GetLearnerMatch",
                r -> xml(
                        400,
                        PeerCodec.of(CODEC)
                                .encodeFault(
                                        new org.parsjava.core.codec.ParsFault(Optional.of("E42"), "bad request"))));
        ParsApiException e =
                assertThrows(ParsApiException.class, () -> client.learners().match(Fixtures.learner()));
        assertEquals(400, e.httpStatus());
        assertEquals(Optional.of("E42"), e.parsCode());
        assertEquals(ParsEndpoints.Operation.GET_LEARNER_MATCH, e.operation());
        assertEquals("GetLearnerMatch", e.operation().parsName());
    }

    // ---- other operations -------------------------------------------------------------------------

    @Test
    void statusAndMatchDecodeAnswers() {
        route(
                STATUS,
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeStatuses(List.of(new CreditStatus(
                                        "ccid:0001234:lms-88231-cme",
                                        Optional.of("201234567"),
                                        Optional.empty(),
                                        CreditStatus.State.PENDING,
                                        "Pending")))));
        route(
                "/services/ACCMELearnerService.svc/GetLearnerMatch",
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeMatchResult(new MatchResult(MatchResult.Outcome.MATCHED, Optional.empty()))));
        List<CreditStatus> s = client.learners().status(Fixtures.completion());
        assertEquals(2, s.size());
        assertEquals(
                "ccid:0001234:lms-88231-cme", requestsTo(STATUS).get(0).getUrl().queryParameter("CreditId"));
        assertTrue(client.learners().match(Fixtures.learner()).matched());
        String matchBody = body(
                requestsTo("/services/ACCMELearnerService.svc/GetLearnerMatch").get(0));
        assertEquals(golden("match-request.xml"), matchBody);
    }

    @Test
    void activitySaveCreatesAndReturnsWhatPARSAnswered() {
        Activity fresh = Fixtures.activity().toBuilder().build();
        Activity noId = Activity.builder()
                .providerId("0001234")
                .providerActivityId("LMS-COURSE-7781")
                .title(fresh.title())
                .description(fresh.description().orElseThrow())
                .sponsorship(fresh.sponsorship().orElseThrow())
                .type(fresh.type())
                .startDate(fresh.startDate())
                .endDate(fresh.endDate())
                .maxCmeCredits(fresh.maxCmeCredits())
                .build();
        route(
                "/services/ACCMEActivityService.svc/SaveActivity",
                r -> xml(
                        201,
                        CODEC.encodeActivity(
                                noId.toBuilder().accmeActivityId("201234567").build(),
                                org.parsjava.core.codec.ActivityAction.ADD)));
        Activity saved = client.activities().save(noId);
        assertEquals(Optional.of("201234567"), saved.accmeActivityId());
        assertTrue(body(requestsTo("/services/ACCMEActivityService.svc/SaveActivity")
                        .get(0))
                .contains("<activityRecordAction>Add</activityRecordAction>"));
    }

    @Test
    void activityUpdateChangingTheFormatIsRefusedBeforeSaving() {
        route(
                "/services/ACCMEActivityService.svc/GetActivity",
                r -> xml(200, CODEC.encodeActivity(Fixtures.activity(), org.parsjava.core.codec.ActivityAction.ADD)));
        ParsValidationException e = assertThrows(
                ParsValidationException.class,
                () -> client.activities()
                        .save(Fixtures.activity().toBuilder()
                                .type(ActivityType.COURSE)
                                .build()));
        assertEquals(
                ViolationCode.ACTIVITY_PROTECTED_FIELD_CHANGED,
                e.report().errors().get(0).code());
        assertEquals(0, e.attempts(), "nothing was sent");
        assertTrue(requestsTo("/services/ACCMEActivityService.svc/SaveActivity").isEmpty());
        assertEquals(
                "201234567",
                requestsTo("/services/ACCMEActivityService.svc/GetActivity")
                        .get(0)
                        .getUrl()
                        .queryParameter("ActivityId"));
    }

    @Test
    void activityFindSearchesByTheProvidersOwnKeys() {
        route(
                GET_ACTIVITY,
                r -> xml(200, CODEC.encodeActivity(Fixtures.activity(), org.parsjava.core.codec.ActivityAction.ADD)));
        Activity a = Fixtures.activity();
        Optional<Activity> found =
                client.activities().find(" " + a.providerActivityId() + " ", a.startDate(), a.type());
        assertEquals(Optional.of(a), found);
        RecordedRequest r = requestsTo(GET_ACTIVITY).get(0);
        assertEquals("GET", r.getMethod());
        assertEquals(a.providerActivityId(), r.getUrl().queryParameter("providerActivityId"));
        assertEquals(a.startDate().toString(), r.getUrl().queryParameter("activityStartDate"));
        assertEquals(CODEC.activityTypeName(a.type()), r.getUrl().queryParameter("activityTypeName"));
        assertEquals(null, r.getUrl().queryParameter("ActivityId"));
        // An endpoint that ignores the search and answers with some activity is not taken at its word.
        ParsApiException e = assertThrows(
                ParsApiException.class, () -> client.activities().find("LMS-OTHER", a.startDate(), a.type()));
        assertTrue(e.getMessage().contains("other activities only"), e.getMessage());
    }

    @Test
    void missingActivityReadsAsEmpty() {
        assertEquals(Optional.empty(), client.activities().get("201234567"));
    }

    @Test
    void asyncTwinsComplete() throws Exception {
        route(SAVE, ParsClientTest::acceptEvery);
        assertEquals(
                2,
                client.learners()
                        .submitAsync(completions(2))
                        .get(10, TimeUnit.SECONDS)
                        .acceptedCount());
        assertEquals(Optional.empty(), client.activities().getAsync("201234567").get(10, TimeUnit.SECONDS));
    }

    // ---- concurrency and logging --------------------------------------------------------------------

    @Test
    void oneClientServesManyThreads() throws Exception {
        route(SAVE, ParsClientTest::acceptEvery);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ParsClient shared = builder().maxConcurrentRequests(4).build()) {
            List<Future<SubmissionResult>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                for (int k = 0; k < 5; k++) {
                    futures.add(pool.submit(() -> shared.learners().submit(completions(3))));
                }
            }
            for (Future<SubmissionResult> f : futures) {
                assertEquals(3, f.get(30, TimeUnit.SECONDS).acceptedCount());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, requestsTo(SAVE).size());
    }

    @Test
    void transcriptQueriesCarryPersonalDataOnlyInTheUrlNeverInLogsOrErrors() {
        String transcript = "/services/GetLearnerTranscriptbyLearner";
        route(
                transcript,
                r -> new MockResponse.Builder()
                        .code(400)
                        .setHeader("Content-Type", "application/xml")
                        .body("<Fault><Code>E400</Code><Message>bad</Message></Fault>")
                        .build());
        TranscriptQuery q = TranscriptQuery.builder()
                .firstName("Jane")
                .lastName("Sample")
                .npi(Fixtures.NPI)
                .license(org.parsjava.core.model.LicensingJurisdiction.CA, "A99999")
                .build();
        ParsApiException e =
                assertThrows(ParsApiException.class, () -> client.transcripts().find(q));
        RecordedRequest r = requestsTo(transcript).get(0);
        assertEquals(Fixtures.NPI, r.getUrl().queryParameter("npi"));
        assertEquals("CA", r.getUrl().queryParameter("stateOfLicensure"));
        assertEquals("A99999", r.getUrl().queryParameter("stateMedicalLicenseID"));
        assertEquals("Jane", r.getUrl().queryParameter("firstName"));
        String all = String.join("\n", log.lines) + "\n" + e.getMessage() + "\n" + q;
        for (String pii : new String[] {"Jane", "Sample", Fixtures.NPI, "A99999"}) {
            assertFalse(all.contains(pii), () -> pii + " leaked:\n" + all);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> TranscriptQuery.builder().npi("1234567890"),
                "a wrong check digit is refused before sending");
        assertThrows(
                IllegalStateException.class,
                () -> TranscriptQuery.builder().firstName("Jane").build(),
                "a first name alone names no one");
    }

    @Test
    void aTranscriptPdfIsRetriedBeforeItsFirstByteAndNeverAfter() {
        String pdf = "/services/GetLearnerTranscriptbyLearnerPDF";
        TranscriptQuery q = TranscriptQuery.builder().npi(Fixtures.NPI).build();
        route(pdf, r -> status(503));
        route(
                pdf,
                r -> new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/pdf")
                        .body("%PDF-1.4 body %%EOF")
                        .build());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertEquals(19, client.transcripts().pdf(q, out));
        assertEquals("%PDF-1.4 body %%EOF", out.toString(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(2, requestsTo(pdf).size(), "a 503 before any byte is retried");
        assertEquals("application/pdf", requestsTo(pdf).get(1).getHeaders().get("Accept"));

        routes.remove(pdf);
        route(
                pdf,
                r -> new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/pdf")
                        .body("%PDF-1.4 " + "x".repeat(64))
                        .throttleBody(8, 1, TimeUnit.SECONDS)
                        .build());
        java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
        try (ParsClient impatient =
                builder().readTimeout(Duration.ofMillis(300)).build()) {
            ParsTransportException e = assertThrows(
                    ParsTransportException.class, () -> impatient.transcripts().pdf(q, partial));
            assertTrue(partial.size() > 0, "bytes were written before the failure");
            assertEquals(1, e.attempts());
        }
        assertEquals(3, requestsTo(pdf).size(), "not retried once bytes were written");
    }

    @Test
    void anHtmlAnswerNamingALearnerIsLoggedAtTraceWithoutTheirData() {
        route(
                SAVE,
                r -> new MockResponse.Builder()
                        .code(500)
                        .setHeader("Content-Type", "text/html")
                        .body("<html><body>Error for Jane Sample NPI " + Fixtures.NPI + " license A99999</body></html>")
                        .build());
        route(STATUS, r -> status(404));
        client.learners().submit(List.of(Fixtures.completion()));
        List<String> trace = log.at(Level.TRACE);
        assertTrue(trace.stream().anyMatch(l -> l.contains("response body") && l.contains("<body>")), trace.toString());
        String all = String.join("\n", log.lines);
        for (String pii : new String[] {"Jane", "Sample", Fixtures.NPI, "A99999"}) {
            assertFalse(all.contains(pii), () -> pii + " leaked into logs:\n" + all);
        }
    }

    @Test
    void aClosedClientRefusesEveryCallAtOnce() {
        route(SAVE, ParsClientTest::acceptEvery);
        client.close();
        IllegalStateException sync = assertThrows(
                IllegalStateException.class, () -> client.learners().submit(List.of(Fixtures.completion())));
        assertTrue(sync.getMessage().contains("closed"), sync.getMessage());
        assertThrows(IllegalStateException.class, () -> client.learners().submitAsync(List.of(Fixtures.completion())));
        assertThrows(IllegalStateException.class, () -> client.learners().status("ccid:0001234:k-cme"));
        assertThrows(IllegalStateException.class, () -> client.activities().getAsync("201234567"));
        assertTrue(requestsTo(SAVE).isEmpty(), "nothing was sent after close()");
    }

    @Test
    void logsOneDebugLinePerCallAndNeverPersonalDataOrCredentials() {
        route(SAVE, r -> status(503));
        route(SAVE, r -> xml(200, PeerCodec.of(CODEC).encodeSaveResult(List.of(RecordVerdict.accepted(0)))));
        route(STATUS, r -> status(404));
        client.learners().submit(List.of(Fixtures.completion()));
        client.learners().match(Fixtures.learner());
        List<String> debug = log.at(Level.DEBUG);
        assertEquals(3, debug.size(), debug.toString());
        assertTrue(
                debug.get(0)
                        .matches("DEBUG PARS SaveLearnerActivity POST /ACCMELearnerService.svc/SaveLearnerActivity"
                                + " -> 503 in \\d+ ms \\(attempt 1\\)"),
                debug.get(0));
        assertTrue(debug.get(1).endsWith("(attempt 2)"), debug.get(1));
        assertFalse(log.at(Level.TRACE).isEmpty(), "bodies are logged at TRACE, redacted");
        String all = String.join("\n", log.lines);
        for (String secret :
                new String[] {"Jane", "Sample", Fixtures.NPI, "A99999", ">000000<", "2000-02-29", "s3cret-pw", "ws-user"
                }) {
            assertFalse(all.contains(secret), () -> secret + " leaked into logs:\n" + all);
        }
        assertFalse(client.toString().contains("s3cret"));
        assertFalse(ParsCredentials.of("u", "p4ss").toString().contains("p4ss"));
    }

    // ---- configuration ----------------------------------------------------------------------------

    @Test
    void buildNamesEveryConfigurationProblem() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> ParsClient.builder()
                        .baseUrl("http://parsii.accme.org/services")
                        .providerId("1234")
                        .build());
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        assertTrue(e.getMessage().contains("credentials are required"), e.getMessage());
        assertTrue(e.getMessage().contains("7-digit"), e.getMessage());
        assertTrue(e.getMessage().contains("providerName"), e.getMessage());
        IllegalArgumentException sandbox = assertThrows(
                IllegalArgumentException.class, () -> ParsClient.builder().environment(ParsEnvironment.SANDBOX));
        assertTrue(sandbox.getMessage().contains("baseUrl"), sandbox.getMessage());
        ParsClient prod = ParsClient.builder()
                .environment(ParsEnvironment.PRODUCTION)
                .providerId("0001234")
                .providerName("X")
                .credentials(ParsCredentials.of("u", "p"))
                .build();
        assertTrue(prod.toString().contains("https://parsii.accme.org/services/"));
        prod.close();
    }

    @Test
    void reportHeaderUsesCentralTimeWhateverTheClocksZone() {
        route(SAVE, ParsClientTest::acceptEvery);
        Clock utc = Clock.fixed(CLOCK.instant(), ZoneId.of("UTC")); // 15:15 UTC is 09:15 in Chicago
        try (ParsClient c = builder().clock(utc).build()) {
            c.learners().submit(List.of(Fixtures.completion()));
        }
        assertTrue(
                body(requestsTo(SAVE).get(0)).contains("<DateTimeCreated>2026-03-02T09:15:00</DateTimeCreated>"),
                body(requestsTo(SAVE).get(0)));
    }

    @Test
    void credentialsAndUserAgentAHeaderCannotCarryAreRefusedWithoutEchoingThem() {
        for (String bad : new String[] {"pässwörd", "hunter2\n", "a\u0000b"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ParsCredentials.of("ws-user", bad));
            assertFalse(e.getMessage().contains(bad.strip()), e.getMessage());
            assertTrue(e.getMessage().contains("password"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ParsCredentials.of("üser", "pw"));
        assertThrows(IllegalArgumentException.class, () -> ParsClient.builder().userAgent("LMS\r\nX-Evil: 1"));
        assertEquals("p\tw", ParsCredentials.of("u", "p\tw").password());
    }

    @Test
    void aDocumentOperationCannotBeConfiguredAsAGet() {
        ParsEndpoints.Endpoint get =
                ParsEndpoints.Endpoint.of("GET", "learner-activities", java.util.Map.of(), java.util.Set.of());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ParsEndpoints.wcf().toBuilder().endpoint(ParsEndpoints.Operation.SAVE_LEARNER_ACTIVITY, get));
        assertTrue(e.getMessage().contains("POST"), e.getMessage());
        ParsEndpoints.wcf().toBuilder()
                .endpoint(
                        ParsEndpoints.Operation.GET_LEARNER_STATUS,
                        ParsEndpoints.Endpoint.of(
                                "POST",
                                "status",
                                java.util.Map.of(ParsEndpoints.Parameter.CREDIT_ID, "id"),
                                java.util.Set.of()))
                .build();
        assertThrows(
                IllegalArgumentException.class,
                () -> ParsEndpoints.Endpoint.of("PUT", "x", java.util.Map.of(), java.util.Set.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> ParsEndpoints.Endpoint.of("GET", "a/{id}", java.util.Map.of(), java.util.Set.of()),
                "a placeholder without a parameter");
    }

    @Test
    void aCallersOkHttpClientKeepsItsOwnTimeoutsUnlessSetHere() {
        route(
                STATUS,
                r -> new MockResponse.Builder()
                        .code(200)
                        .headersDelay(2, TimeUnit.SECONDS)
                        .build());
        okhttp3.OkHttpClient impatient = new okhttp3.OkHttpClient.Builder()
                .readTimeout(Duration.ofMillis(200))
                .build();
        try (ParsClient c = ParsClient.builder()
                .baseUrl(server.url("/services/").toString())
                .providerId("0001234")
                .providerName("X")
                .credentials(ParsCredentials.of("u", "p"))
                .okHttpClient(impatient)
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .build()) {
            assertThrows(ParsTransportException.class, () -> c.learners().status("ccid:0001234:lms-1-cme"));
            // ...unless one is set on the ParsClient builder.
            try (ParsClient patient = ParsClient.builder()
                    .baseUrl(server.url("/services/").toString())
                    .providerId("0001234")
                    .providerName("X")
                    .credentials(ParsCredentials.of("u", "p"))
                    .okHttpClient(impatient)
                    .readTimeout(Duration.ofSeconds(10))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                    .build()) {
                assertEquals(List.of(), patient.learners().status("ccid:0001234:lms-1-cme"));
            }
        } finally {
            impatient.dispatcher().executorService().shutdown();
            impatient.connectionPool().evictAll();
        }
    }

    @Test
    void readsSendTheirMethodAndCredentialsAndMatchTextLosesTheLearner() {
        route(STATUS, r -> status(404));
        route(GET_ACTIVITY, r -> status(404));
        route(
                "/services/ACCMELearnerService.svc/GetLearnerMatch",
                r -> xml(
                        200,
                        PeerCodec.of(CODEC)
                                .encodeMatchResult(new MatchResult(
                                        MatchResult.Outcome.AMBIGUOUS,
                                        Optional.of("Two physicians named Jane Sample")))));
        client.learners().status("ccid:0001234:lms-1-cme");
        client.activities().get("201234567");
        MatchResult m = client.learners().match(Fixtures.learner());
        assertEquals(Optional.of("Two physicians named *** ***"), m.message());
        for (RecordedRequest r : seen) {
            boolean read = !r.getUrl().encodedPath().endsWith("GetLearnerMatch");
            assertEquals(read ? "GET" : "POST", r.getMethod(), r.getUrl().toString());
            assertEquals("0001234", r.getHeaders().get("ProviderId"));
            assertEquals("ws-user", r.getHeaders().get("User"));
            assertEquals("s3cret-pw", r.getHeaders().get("Password"));
        }
        routes.remove("/services/ACCMELearnerService.svc/GetLearnerMatch");
        route(
                "/services/ACCMELearnerService.svc/GetLearnerMatch",
                r -> xml(
                        400,
                        PeerCodec.of(CODEC)
                                .encodeFault(new org.parsjava.core.codec.ParsFault(
                                        Optional.of("E3"), "Sample, Jane: birth date missing"))));
        ParsApiException e =
                assertThrows(ParsApiException.class, () -> client.learners().match(Fixtures.learner()));
        assertFalse(e.getMessage().contains("Jane") || e.getMessage().contains("Sample"), e.getMessage());
        assertFalse(e.parsMessage().orElse("").contains("Jane"), e.parsMessage().toString());
    }
}
