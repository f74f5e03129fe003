/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.core.codec.ActivityAction;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.codec.ParsFault;
import org.parsjava.core.codec.ParsXmlCodec;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.codec.ReportHeader;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.codec.internal.PeerCodec;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LearnerTranscript;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Npi;
import org.parsjava.core.model.TranscriptTotal;
import org.parsjava.core.validation.ReportingWindow;

/**
 * An in-process stand-in for the PARS web services on a real loopback HTTP server. It speaks
 * the PARS wire format through the pars-core codec, keeps activities and learner credit in
 * memory, enforces PARS's acceptance rules (unknown or closed activity, reporting window,
 * credits above the maximum, missing identity, bad NPI, duplicates, MOC for an unregistered
 * board) and answers with PARS-shaped errors ({@link SimulatorErrors}). Faults are scripted per
 * test with {@link #inject}. Thread safe.
 *
 * <pre>{@code
 * try (ParsSimulator pars = ParsSimulator.builder().build().start()) {
 *     pars.addActivity(activity);
 *     ParsClient client = pars.clientBuilder().build();
 *     SubmissionResult r = client.learners().submit(completions);
 *     assertEquals(3, pars.credits().size());
 * }
 * }</pre>
 */
public final class ParsSimulator implements AutoCloseable {

    /** Provider ID the default simulator accepts. */
    public static final String DEFAULT_PROVIDER_ID = "0001234";

    /** The path of {@link #baseUrl()}; operation paths are relative to it. */
    private static final String BASE_PATH = "/services/";
    /** User the default simulator accepts. */
    public static final String DEFAULT_USER = "simulator";
    /** Password the default simulator accepts. */
    public static final String DEFAULT_PASSWORD = "simulator-password";

    private final String providerId;
    private final String user;
    private final String password;
    private final Clock clock;
    private final ReportingWindow window;
    private final ParsEndpoints endpoints;
    private final ParsCodec codec;
    /** The codec's answering half: reads requests, writes answers. */
    private final PeerCodec peer;

    private final MockWebServer server = new MockWebServer();

    private final Object lock = new Object();
    private final Map<String, Activity> activities = new LinkedHashMap<>();
    private final Map<String, StoredCredit> credits;
    private final Map<String, String> learnerDays;
    /** Board decisions set by tests, by CreditID; a credit without one reads "Accepted". */
    private final Map<String, CreditStatus.State> decisions = new java.util.HashMap<>();

    private final List<Learner> physicians = new ArrayList<>();
    /** Who each learner key is: for transcripts and reads by learner identifier. */
    private final Map<String, Person> people;

    private final Map<Operation, Deque<Fault>> faults = new EnumMap<>(Operation.class);
    /** Appended once per request; a copy-on-write list would make a long run quadratic. */
    /** The most recent requests, at most {@link #retained} of them; guarded by itself. */
    private final Deque<SeenRequest> requests = new ArrayDeque<>();

    private final int retained;
    private final Duration latency;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostInFlight =
            new java.util.concurrent.atomic.AtomicInteger();
    private int nextActivityId = 200_000_001;

    private ParsSimulator(Builder b) {
        this.providerId = b.providerId;
        this.user = b.user;
        this.password = b.password;
        this.clock = b.clock;
        this.window = b.window;
        this.endpoints = b.endpoints;
        this.codec = b.codec != null
                ? b.codec
                : b.endpoints.generation() == ParsEndpoints.Generation.REST
                        ? org.parsjava.core.codec.ParsJsonCodec.create()
                        : ParsXmlCodec.create();
        this.peer = PeerCodec.of(this.codec);
        this.retained = b.retained;
        this.latency = b.latency;
        this.credits = bounded(b.retained);
        this.learnerDays = bounded(b.retained);
        this.people = bounded(b.retained);
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    if (!latency.isZero()) {
                        Thread.sleep(latency.toMillis()); // a remote PARS: the connection waits
                    }
                    return handle(request);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new MockResponse.Builder().code(503).build();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
    }

    /** Insertion-ordered, forgetting the oldest entry past {@code max}. */
    private static <K, V> Map<K, V> bounded(int max) {
        return new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * The most requests this simulator was handling at one moment since it started (or since
     * {@link #reset()}): how much parallelism a client really used.
     */
    public int maxConcurrentRequestsSeen() {
        return mostInFlight.get();
    }

    /** A builder with the default provider, credentials, system clock and XML codec. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port. */
    public ParsSimulator start() {
        return start(0);
    }

    /** Starts listening on {@code port} of the loopback address (0 picks a free one). */
    public ParsSimulator start(int port) {
        return start(java.net.InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Starts listening on {@code port} of {@code address}, for a pipeline whose other services
     * run in other containers (0 picks a free port). Plain HTTP: a test double, never for real data.
     */
    public ParsSimulator start(java.net.InetAddress address, int port) {
        Objects.requireNonNull(address, "address");
        try {
            server.start(address, port);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the PARS simulator on port " + port, e);
        }
        return this;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:51234/services/}. */
    public String baseUrl() {
        return server.url("/services/").toString();
    }

    /** The port listened on. */
    public int port() {
        return server.getPort();
    }

    /** A client builder already pointed at this simulator with its provider and credentials. */
    public ParsClient.Builder clientBuilder() {
        return ParsClient.builder()
                .baseUrl(baseUrl())
                .providerId(providerId)
                .providerName("Simulated Provider")
                .credentials(ParsCredentials.of(user, password))
                .codec(codec)
                .endpoints(endpoints)
                .clock(clock);
    }

    /**
     * Stores an activity as PARS would hold it (with its ACCME Activity ID), so learners can be
     * reported against it.
     */
    public ParsSimulator addActivity(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        String id = activity.accmeActivityId()
                .orElseThrow(() -> new IllegalArgumentException("the activity needs an ACCME Activity ID"));
        synchronized (lock) {
            activities.put(id, activity);
        }
        return this;
    }

    /**
     * Adds a physician to the registry {@code GetLearnerMatch} searches. With an empty registry
     * every learner with a valid identity matches.
     */
    public ParsSimulator addPhysician(Learner learner) {
        synchronized (lock) {
            physicians.add(Objects.requireNonNull(learner, "learner"));
        }
        return this;
    }

    /** Queues {@code fault} for the next request of {@code operation}; faults run in order. */
    public ParsSimulator inject(Operation operation, Fault fault) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fault, "fault");
        synchronized (lock) {
            faults.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(fault);
        }
        return this;
    }

    /**
     * Sets what a status lookup says of a held credit line from now on, as a certifying board's
     * decision would: {@code PENDING} (waiting for the board), {@code REJECTED} or
     * {@code ACCEPTED}.
     */
    public ParsSimulator boardDecision(String creditId, CreditStatus.State state) {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(state, "state");
        synchronized (lock) {
            decisions.put(creditId, state);
        }
        return this;
    }

    /** The activities held, by ACCME Activity ID. */
    public Map<String, Activity> activities() {
        synchronized (lock) {
            return Map.copyOf(activities);
        }
    }

    /** The credit lines held, in the order they were stored. */
    public List<StoredCredit> credits() {
        synchronized (lock) {
            return List.copyOf(credits.values());
        }
    }

    /** Every request received, in order (the most recent {@code retainAtMost} of them). */
    public List<SeenRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests received for {@code operation}. */
    public List<SeenRequest> requests(Operation operation) {
        synchronized (requests) {
            return requests.stream()
                    .filter(r -> r.operation().equals(operation.parsName()))
                    .toList();
        }
    }

    /** Forgets activities, credits, physicians, faults and requests. */
    public void reset() {
        synchronized (lock) {
            activities.clear();
            credits.clear();
            learnerDays.clear();
            decisions.clear();
            physicians.clear();
            faults.clear();
        }
        synchronized (requests) {
            requests.clear();
        }
        mostInFlight.set(0);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- dispatch -------------------------------------------------------------------------------

    private MockResponse handle(RecordedRequest request) {
        drainRecordedRequests();
        String path = request.getUrl().encodedPath();
        String relative = path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path;
        Operation op = operationFor(request.getMethod(), relative, request.getUrl());
        String name = op == null ? "unknown" : op.parsName();
        byte[] body =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        if (op == null) {
            return seen(name, request, 0, fault(404, "NOT_FOUND", "no PARS operation at this path"));
        }
        if (!authorized(request)) {
            return seen(
                    name,
                    request,
                    0,
                    fault(
                            401,
                            SimulatorErrors.AUTHENTICATION_FAILED,
                            "the provider ID, user or password is not valid"));
        }
        Fault fault;
        synchronized (lock) {
            Deque<Fault> queue = faults.get(op);
            fault = queue == null ? null : queue.poll();
        }
        if (fault != null && fault.kind() == Fault.Kind.PARTIAL_APPLY && op == Operation.SAVE_LEARNER_ACTIVITY) {
            Answer partial;
            try {
                partial = saveLearners(body, fault.count());
            } catch (ParsCodecException e) {
                partial = new Answer(
                        fault(400, SimulatorErrors.MALFORMED_DOCUMENT, "the body is not a PARS document"), 0);
            }
            return seen(name, request, partial.records, partial.response);
        }
        if (fault != null && !fault.appliesRequest()) {
            return seen(name, request, 0, before(fault));
        }
        Answer answer;
        try {
            Map<Parameter, String> params = parameters(op, relative, request.getUrl());
            answer = switch (op) {
                case SAVE_LEARNER_ACTIVITY -> saveLearners(body);
                case GET_LEARNER_STATUS -> status(params.get(Parameter.CREDIT_ID));
                case GET_LEARNER_STATUS_BY_LEARNER -> statusByLearner(params);
                case GET_LEARNER_ACTIVITY -> learnerRecords(params.get(Parameter.LEARNER_ID));
                case DELETE_LEARNER_ACTIVITY -> deleteLearnerRecords(params.get(Parameter.LEARNER_ID));
                case GET_LEARNER_MATCH -> match(body);
                case SAVE_ACTIVITY -> saveActivity(body);
                case GET_ACTIVITY -> getActivity(params.get(Parameter.ACTIVITY_ID));
                case FIND_ACTIVITIES ->
                    findActivity(
                            params.get(Parameter.PROVIDER_ACTIVITY_ID),
                            params.get(Parameter.ACTIVITY_START_DATE),
                            params.get(Parameter.ACTIVITY_TYPE_NAME));
                case GET_LEARNER_TRANSCRIPT, GET_LEARNER_TRANSCRIPT_PDF, GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE ->
                    transcript(op, params);
            };
        } catch (ParsCodecException e) {
            answer = new Answer(fault(400, SimulatorErrors.MALFORMED_DOCUMENT, "the body is not a PARS document"), 0);
        } catch (RuntimeException e) {
            // A simulator bug answers like a failing server, with the class name only.
            answer = new Answer(
                    fault(
                            500,
                            "SERVER_ERROR",
                            "simulator failure: " + e.getClass().getSimpleName()),
                    0);
        }
        return seen(name, request, answer.records, fault == null ? answer.response : after(fault, answer.response));
    }

    /**
     * MockWebServer keeps every request (with its body) for {@code takeRequest()}; the simulator
     * keeps its own light record instead, so the queue is emptied to keep memory flat.
     */
    private void drainRecordedRequests() {
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // discard
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private MockResponse seen(String name, RecordedRequest request, int records, MockResponse response) {
        boolean dropped = response.getOnResponseStart() != null;
        SeenRequest seen = new SeenRequest(
                name, request.getMethod(), request.getUrl().encodedPath(), dropped ? 0 : response.getCode(), records);
        synchronized (requests) {
            if (requests.size() >= retained) {
                requests.removeFirst();
            }
            requests.addLast(seen);
        }
        return response;
    }

    /**
     * The operation a request is for: its method and path match the endpoint's; where two
     * endpoints share both (the status lookups, the WCF activity read and search), the one whose
     * parameters the query names; a literal path wins over a template
     * ({@code learner-activities/status} over {@code learner-activities/{learnerId}}).
     */
    private Operation operationFor(String method, String path, okhttp3.HttpUrl url) {
        Operation best = null;
        int bestScore = -1;
        for (Map.Entry<Operation, ParsEndpoints.Endpoint> e :
                endpoints.endpoints().entrySet()) {
            ParsEndpoints.Endpoint endpoint = e.getValue();
            if (!endpoint.method().equals(method) || !endpoint.matches(path)) {
                continue;
            }
            int score = endpoint.pathTemplate().contains("{") ? 0 : 100;
            for (Map.Entry<Parameter, String> p : endpoint.parameterNames().entrySet()) {
                if (!endpoint.inPath(p.getKey()) && url.queryParameter(p.getValue()) != null) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    /** The request's parameters by meaning, from its path and query. */
    private Map<Parameter, String> parameters(Operation op, String path, okhttp3.HttpUrl url) {
        ParsEndpoints.Endpoint endpoint = endpoints.endpoint(op);
        Map<Parameter, String> out = new EnumMap<>(Parameter.class);
        out.putAll(endpoint.pathValues(path));
        endpoint.parameterNames().forEach((p, name) -> {
            String v = url.queryParameter(name);
            if (v != null && !endpoint.inPath(p)) {
                out.put(p, v);
            }
        });
        return out;
    }

    /** The status a successful answer to {@code op} carries: the endpoint's first success status. */
    private int success(Operation op) {
        Set<Integer> statuses = endpoints.endpoint(op).successStatuses();
        return statuses.isEmpty()
                ? 200
                : statuses.contains(201) ? 201 : statuses.iterator().next();
    }

    private boolean authorized(RecordedRequest r) {
        if (!providerId.equals(r.getHeaders().get("ProviderId"))) {
            return false;
        }
        String auth = r.getHeaders().get("Authorization");
        if (auth != null && auth.startsWith("Basic ")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
                return decoded.equals(user + ":" + password);
            } catch (IllegalArgumentException notBase64) {
                return false; // a garbled header is refused like wrong credentials
            }
        }
        return user.equals(r.getHeaders().get("User"))
                && password.equals(r.getHeaders().get("Password"));
    }

    private MockResponse before(Fault f) {
        return switch (f.kind()) {
            case RATE_LIMITED ->
                new MockResponse.Builder()
                        .code(429)
                        .setHeader("Retry-After", Long.toString(f.duration().toSeconds()))
                        .setHeader("Content-Type", codec.mediaType())
                        .body(text(peer.encodeFault(new ParsFault(Optional.of("RATE_LIMITED"), "slow down"))))
                        .build();
            case SERVER_ERROR -> fault(f.status(), "SERVER_ERROR", "simulated server failure");
            case DROP_BEFORE_APPLY ->
                new MockResponse.Builder()
                        .code(200)
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build();
            case MALFORMED_BODY_BEFORE_APPLY -> htmlNotice();
            default -> throw new IllegalStateException(f.toString());
        };
    }

    private MockResponse after(Fault f, MockResponse applied) {
        MockResponse.Builder b = new MockResponse.Builder(applied);
        return switch (f.kind()) {
            case LATENCY ->
                b.headersDelay(f.duration().toMillis(), TimeUnit.MILLISECONDS).build();
            case DROP_AFTER_APPLY ->
                b.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
            case TRUNCATED_BODY -> {
                String full = applied.getBody() == null ? "" : bodyText(applied);
                yield new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", codec.mediaType())
                        .body(full.substring(0, Math.max(1, full.length() / 2)))
                        .build();
            }
            case MALFORMED_BODY -> htmlNotice();
            case SLOW_DRIP ->
                b.throttleBody(8, f.duration().toMillis(), TimeUnit.MILLISECONDS)
                        .build();
            default -> throw new IllegalStateException(f.toString());
        };
    }

    private static MockResponse htmlNotice() {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html")
                .body("<html><head><title>Service notice</title></head><body>Maintenance</body></html>")
                .build();
    }

    private static String bodyText(MockResponse r) {
        okio.Buffer buffer = new okio.Buffer();
        try {
            r.getBody().writeTo(buffer);
        } catch (IOException e) {
            return "";
        }
        return buffer.readUtf8();
    }

    private MockResponse fault(int status, String code, String message) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", codec.mediaType())
                .body(text(peer.encodeFault(new ParsFault(Optional.of(code), message))))
                .build();
    }

    private MockResponse ok(int status, byte[] body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", codec.mediaType())
                .body(text(body))
                .build();
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private record Answer(MockResponse response, int records) {}

    // ---- operations -----------------------------------------------------------------------------

    private Answer saveLearners(byte[] body) {
        return saveLearners(body, Integer.MAX_VALUE);
    }

    /** Applies the first {@code limit} reports and answers with verdicts for those alone. */
    private Answer saveLearners(byte[] body, int limit) {
        List<LearnerReportRecord> reports = peer.decodeLearnerReports(body);
        List<RecordVerdict> verdicts = new ArrayList<>(Math.min(limit, reports.size()));
        boolean rest = endpoints.generation() == ParsEndpoints.Generation.REST;
        synchronized (lock) {
            List<Runnable> undo = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, reports.size()); i++) {
                LearnerReportRecord r = reports.get(i);
                String[] problem = r.action() == LearnerRecordAction.DELETE ? delete(r, undo) : add(r, undo);
                if (problem != null && rest) {
                    // The draft REST save has no per-record verdicts: a document with a refused
                    // report is refused whole (400), and nothing of it is kept.
                    for (int u = undo.size() - 1; u >= 0; u--) {
                        undo.get(u).run();
                    }
                    return new Answer(fault(400, problem[0], problem[2]), 0);
                }
                verdicts.add(
                        problem == null
                                ? RecordVerdict.accepted(i)
                                : RecordVerdict.rejected(i, problem[0], problem[1], problem[2]));
            }
        }
        if (rest) {
            // 201 and the saved document itself; a partial apply answers 201 without a body,
            // since the draft's answer cannot name which reports were kept.
            return new Answer(
                    ok(success(Operation.SAVE_LEARNER_ACTIVITY), limit < reports.size() ? new byte[0] : body),
                    Math.min(limit, reports.size()));
        }
        return new Answer(ok(200, peer.encodeSaveResult(verdicts)), reports.size());
    }

    /** Applies PARS's acceptance rules; returns {code, field, message} or null when stored. */
    private String[] add(LearnerReportRecord r, List<Runnable> undo) {
        if (!providerId.equals(r.providerId())) {
            return err(SimulatorErrors.PROVIDER_MISMATCH, "ProviderID", "the report names another provider");
        }
        Activity activity = activities.get(r.accmeActivityId());
        if (activity == null) {
            return err(SimulatorErrors.ACTIVITY_NOT_FOUND, "moduleID", "no such activity for this provider");
        }
        if (!activity.status().acceptsLearners()) {
            return err(SimulatorErrors.ACTIVITY_CLOSED, "moduleID", "the activity does not accept learners");
        }
        if (r.firstName().isBlank() || r.lastName().isBlank()) {
            return err(SimulatorErrors.NAME_MISSING, "Name", "given and family name are required");
        }
        if (r.birthDate().isEmpty()) {
            return err(SimulatorErrors.BIRTH_DATE_INVALID, "BirthDate", "birth month and day are required");
        }
        Optional<String> npi = r.identifier("NPI");
        String licenseKey = null;
        for (LearnerReportRecord.Identifier id : r.identifiers()) {
            if (LicensingJurisdiction.parse(id.domain()).isPresent()
                    && id.domain().length() == 2) {
                licenseKey = keyOf(id);
            }
        }
        if (npi.isPresent() && !Npi.isValid(npi.get())) {
            return err(SimulatorErrors.NPI_INVALID, "UniqueID", "the NPI check digit does not match");
        }
        // A CME line needs an NPI or a state license (REFERENCE.md 5.7); a MOC-only report needs
        // some identifier (board IDs are checked per line below).
        boolean hasCme = r.creditLines().stream().anyMatch(LearnerReportRecord.CreditLine::isCme);
        if (npi.isEmpty() && licenseKey == null && (hasCme || r.identifiers().isEmpty())) {
            return err(SimulatorErrors.IDENTITY_MISSING, "UniqueID", "an NPI or a state license is required");
        }
        if (r.completionDate().isEmpty()) {
            return err(SimulatorErrors.COMPLETION_DATE_INVALID, "CompletedDateTime", "completion date is required");
        }
        LocalDate date = r.completionDate().get();
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            return err(
                    SimulatorErrors.COMPLETION_DATE_IN_FUTURE, "CompletedDateTime", "completion date is in the future");
        }
        if (window.check(date, today) == ReportingWindow.Verdict.OUTSIDE) {
            return err(
                    SimulatorErrors.COMPLETION_DATE_OUTSIDE_WINDOW,
                    "CompletedDateTime",
                    "the reporting year is closed");
        }
        // One learner, one key: the NPI, else the state license, else (a MOC-only report) the
        // board IDs it carries. Name and birth day are not a key: two physicians share them.
        String learnerKey = npi.isPresent()
                ? "NPI:" + npi.get()
                : licenseKey != null
                        ? licenseKey
                        : r.identifiers().stream()
                                .map(ParsSimulator::keyOf)
                                .sorted()
                                .collect(java.util.stream.Collectors.joining("|"));
        Map<Board, BigDecimal> mocPerBoard = new EnumMap<>(Board.class);
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            BigDecimal c = line.credits();
            if (c.signum() <= 0
                    || c.multiply(BigDecimal.valueOf(4)).stripTrailingZeros().scale() > 0) {
                return err(
                        SimulatorErrors.CREDITS_INVALID, "numberOfCredits", "credits must be positive quarter steps");
            }
            if (line.isCme()) {
                if (c.compareTo(activity.maxCmeCredits()) > 0) {
                    return err(
                            SimulatorErrors.CREDITS_ABOVE_MAXIMUM,
                            "numberOfCredits",
                            "credits exceed the activity's designation");
                }
            } else if (line.mocType().isPresent()) {
                MocCreditType type = line.mocType().get();
                MocRegistration reg = activity.mocRegistrations().get(type.board());
                if (reg == null) {
                    return err(
                            SimulatorErrors.BOARD_NOT_REGISTERED,
                            "activityCertification",
                            "the activity is not registered with "
                                    + type.board().acronym());
                }
                if (type.board() != Board.ABS
                        && r.identifier(type.board().acronym()).isEmpty()) {
                    return err(
                            SimulatorErrors.BOARD_ID_MISSING,
                            "UniqueID",
                            "MOC credit needs the learner's " + type.board().acronym() + " ID");
                }
                BigDecimal sum = mocPerBoard.merge(type.board(), c, BigDecimal::add);
                if (sum.compareTo(reg.points()) > 0) {
                    return err(
                            SimulatorErrors.CREDITS_ABOVE_MAXIMUM,
                            "numberOfCredits",
                            "MOC points exceed the registration");
                }
            } else {
                return err(SimulatorErrors.CREDITS_INVALID, "activityCertification", "unknown credit category");
            }
        }
        String dayKey = r.accmeActivityId() + "|" + learnerKey + "|" + date;
        String firstCredit =
                r.creditLines().isEmpty() ? "" : r.creditLines().get(0).creditId();
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            if (credits.containsKey(line.creditId())) {
                return err(SimulatorErrors.DUPLICATE_RECORD, "CreditID", "this CreditID is already held");
            }
        }
        String existing = learnerDays.get(dayKey);
        if (existing != null && !existing.equals(firstCredit)) {
            return err(
                    SimulatorErrors.DUPLICATE_RECORD,
                    "Member",
                    "the learner already has a record for this activity on this day");
        }
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            // The activity's own ID string is shared by all its credits, not one copy per report.
            credits.put(
                    line.creditId(),
                    new StoredCredit(
                            line.creditId(),
                            activity.accmeActivityId().orElseThrow(),
                            learnerKey,
                            date,
                            line.mocType(),
                            line.credits()));
        }
        String previousDay = learnerDays.put(dayKey, firstCredit);
        Person before = people.put(learnerKey, Person.of(r));
        undo.add(() -> {
            r.creditLines().forEach(line -> credits.remove(line.creditId()));
            if (previousDay == null) {
                learnerDays.remove(dayKey);
            } else {
                learnerDays.put(dayKey, previousDay);
            }
            if (before != null) {
                people.put(learnerKey, before);
            } else {
                people.remove(learnerKey);
            }
        });
        return null;
    }

    /** An identifier as part of a learner key: {@code DOMAIN:value}. */
    private static String keyOf(LearnerReportRecord.Identifier id) {
        return id.domain().toUpperCase(java.util.Locale.ROOT) + ":" + id.value();
    }

    private String[] delete(LearnerReportRecord r, List<Runnable> undo) {
        boolean any = false;
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            StoredCredit removed = credits.remove(line.creditId());
            if (removed != null) {
                any = true;
                String day = null;
                for (Map.Entry<String, String> d : learnerDays.entrySet()) {
                    if (d.getValue().equals(line.creditId())) {
                        day = d.getKey();
                        break;
                    }
                }
                if (day != null) {
                    learnerDays.remove(day);
                }
                String dayKey = day;
                undo.add(() -> {
                    credits.put(removed.creditId(), removed);
                    if (dayKey != null) {
                        learnerDays.put(dayKey, removed.creditId());
                    }
                });
            }
        }
        return any ? null : err(SimulatorErrors.RECORD_NOT_FOUND, "CreditID", "no record with these CreditIDs");
    }

    private static String[] err(String code, String field, String message) {
        return new String[] {code, field, message};
    }

    private Answer status(String creditId) {
        CreditStatus status;
        synchronized (lock) {
            StoredCredit c = creditId == null ? null : credits.get(creditId);
            status = c == null ? null : statusOf(c);
        }
        if (status == null) {
            return new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no record with this CreditID"), 0);
        }
        return new Answer(ok(200, peer.encodeStatuses(List.of(status))), 0);
    }

    private Answer match(byte[] body) {
        Learner l = peer.decodeMatchRequest(body);
        List<Learner> found = new ArrayList<>();
        boolean empty;
        synchronized (lock) {
            empty = physicians.isEmpty();
            for (Learner p : physicians) {
                boolean sameId = (l.npi().isPresent() && l.npi().equals(p.npi()))
                        || (l.license().isPresent() && l.license().equals(p.license()));
                if (sameId
                        && p.lastName().equalsIgnoreCase(l.lastName())
                        && p.birthDate().equals(l.birthDate())) {
                    found.add(p);
                }
            }
        }
        MatchResult result;
        if (empty) {
            result = new MatchResult(
                    l.npi().isPresent() || l.license().isPresent()
                            ? MatchResult.Outcome.MATCHED
                            : MatchResult.Outcome.NOT_MATCHED,
                    Optional.empty());
        } else if (found.size() == 1) {
            result = new MatchResult(MatchResult.Outcome.MATCHED, Optional.empty());
        } else if (found.isEmpty()) {
            result = new MatchResult(MatchResult.Outcome.NOT_MATCHED, Optional.of("no physician matches"));
        } else {
            result = new MatchResult(MatchResult.Outcome.AMBIGUOUS, Optional.of(found.size() + " physicians match"));
        }
        return new Answer(ok(200, peer.encodeMatchResult(result)), 0);
    }

    private Answer saveActivity(byte[] body) {
        Activity a = codec.decodeActivity(body);
        ActivityAction action = peer.decodeActivityAction(body);
        synchronized (lock) {
            if (!providerId.equals(a.providerId())) {
                return new Answer(
                        fault(400, SimulatorErrors.PROVIDER_MISMATCH, "the activity names another provider"), 0);
            }
            if (action == ActivityAction.ADD
                    && (a.description().isEmpty() || a.sponsorship().isEmpty())) {
                return new Answer(
                        fault(
                                400,
                                SimulatorErrors.ACTIVITY_FIELD_MISSING,
                                "description and activitySponsorship are required"),
                        0);
            }
            if (action == ActivityAction.ADD) {
                Activity stored = a.toBuilder()
                        .accmeActivityId(Integer.toString(nextActivityId++))
                        .build();
                activities.put(stored.accmeActivityId().orElseThrow(), stored);
                return new Answer(ok(201, codec.encodeActivity(stored, ActivityAction.ADD)), 0);
            }
            String id = a.accmeActivityId().orElse("");
            Activity existing = activities.get(id);
            if (existing == null) {
                return new Answer(fault(404, SimulatorErrors.ACTIVITY_NOT_FOUND, "no such activity"), 0);
            }
            if (action == ActivityAction.DELETE) {
                activities.remove(id);
                return new Answer(new MockResponse.Builder().code(204).build(), 0);
            }
            if (existing.type() != a.type()
                    || !existing.startDate().equals(a.startDate())
                    || !existing.endDate().equals(a.endDate())) {
                return new Answer(
                        fault(
                                400,
                                SimulatorErrors.ACTIVITY_CHANGE_REFUSED,
                                "format and dates cannot change on an update"),
                        0);
            }
            activities.put(id, a);
            return new Answer(ok(200, codec.encodeActivity(a, ActivityAction.UPDATE)), 0);
        }
    }

    /** The activity search by the provider's own keys; every key must match. */
    private Answer findActivity(String providerActivityId, String startDate, String typeName) {
        Activity found = null;
        synchronized (lock) {
            for (Activity a : activities.values()) {
                if (a.providerActivityId().equals(providerActivityId)
                        && a.startDate().toString().equals(startDate)
                        && codec.activityTypeName(a.type()).equals(typeName)) {
                    found = a;
                    break;
                }
            }
        }
        if (found == null) {
            return new Answer(fault(404, SimulatorErrors.ACTIVITY_NOT_FOUND, "no such activity"), 0);
        }
        // The draft REST search answers an array of activity documents; the WCF read, one document.
        return new Answer(
                ok(
                        200,
                        endpoints.generation() == ParsEndpoints.Generation.REST
                                ? peer.encodeActivities(List.of(found))
                                : codec.encodeActivity(found, ActivityAction.ADD)),
                0);
    }

    /** A learner as the simulator keeps them: names, birth day and identifiers. */
    private record Person(
            String givenName,
            String familyName,
            java.time.MonthDay birthDate,
            List<LearnerReportRecord.Identifier> identifiers) {
        static Person of(LearnerReportRecord r) {
            return new Person(r.firstName(), r.lastName(), r.birthDate().orElseThrow(), List.copyOf(r.identifiers()));
        }

        Optional<String> id(String domain) {
            return identifiers.stream()
                    .filter(i -> i.domain().equalsIgnoreCase(domain))
                    .map(LearnerReportRecord.Identifier::value)
                    .findFirst();
        }

        boolean holds(String value) {
            return identifiers.stream().anyMatch(i -> i.value().equals(value));
        }

        Optional<LearnerReportRecord.Identifier> license() {
            return identifiers.stream()
                    .filter(i -> i.domain().length() == 2
                            && LicensingJurisdiction.parse(i.domain()).isPresent())
                    .findFirst();
        }
    }

    /** Status by activity, birth date, completion date and identifier (approach A). */
    private Answer statusByLearner(Map<Parameter, String> p) {
        String module = p.get(Parameter.MODULE_ID);
        String birth = p.get(Parameter.BIRTH_DATE);
        String date = p.get(Parameter.COMPLETION_DATE);
        String unique = p.get(Parameter.UNIQUE_ID);
        if (module == null || birth == null || date == null || unique == null) {
            return new Answer(
                    fault(
                            400,
                            SimulatorErrors.QUERY_INVALID,
                            "moduleID, BirthDate, CompletionDate and UniqueID are required"),
                    0);
        }
        String monthDay = birth.length() > 5 ? birth.substring(birth.length() - 5) : birth;
        List<CreditStatus> found = new ArrayList<>();
        synchronized (lock) {
            for (StoredCredit c : credits.values()) {
                Person who = people.get(c.learnerKey());
                if (c.accmeActivityId().equals(module)
                        && c.completionDate().toString().equals(date)
                        && who != null
                        && who.holds(unique)
                        && String.format(
                                        java.util.Locale.ROOT,
                                        "%02d-%02d",
                                        who.birthDate().getMonthValue(),
                                        who.birthDate().getDayOfMonth())
                                .equals(monthDay)) {
                    found.add(statusOf(c));
                }
            }
        }
        return found.isEmpty()
                ? new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no record matches"), 0)
                : new Answer(ok(200, peer.encodeStatuses(found)), 0);
    }

    private CreditStatus statusOf(StoredCredit c) {
        CreditStatus.State state = decisions.getOrDefault(c.creditId(), CreditStatus.State.ACCEPTED);
        String text = state.name().charAt(0) + state.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return new CreditStatus(
                c.creditId(), Optional.of(c.accmeActivityId()), Optional.of(c.completionDate()), state, text);
    }

    /** The credits of every learner holding {@code learnerId} as one of their identifiers. */
    private List<StoredCredit> creditsOf(java.util.function.Predicate<Person> who) {
        List<StoredCredit> out = new ArrayList<>();
        for (StoredCredit c : credits.values()) {
            Person p = people.get(c.learnerKey());
            if (p != null && who.test(p)) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code GET learner-activities/{learnerId}}: the learner's records as a learner document. */
    private Answer learnerRecords(String learnerId) {
        List<LearnerCompletion> completions = new ArrayList<>();
        synchronized (lock) {
            Map<String, List<StoredCredit>> byRecord = new LinkedHashMap<>();
            for (StoredCredit c : creditsOf(p -> p.holds(learnerId))) {
                byRecord.computeIfAbsent(
                                c.learnerKey() + "|" + c.accmeActivityId() + "|" + c.completionDate(),
                                k -> new ArrayList<>())
                        .add(c);
            }
            for (List<StoredCredit> lines : byRecord.values()) {
                completions.add(completionOf(lines));
            }
        }
        if (completions.isEmpty()) {
            return new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no record for this learner"), 0);
        }
        return new Answer(
                ok(
                        success(Operation.GET_LEARNER_ACTIVITY),
                        codec.encodeLearnerReports(
                                completions,
                                LearnerRecordAction.ADD,
                                new ReportHeader("PARS", java.time.LocalDateTime.now(clock)))),
                0);
    }

    /** Rebuilds the completion a group of held credit lines came from (same key, activity, day). */
    private LearnerCompletion completionOf(List<StoredCredit> lines) {
        StoredCredit first = lines.get(0);
        Person p = people.get(first.learnerKey());
        Learner.Builder learner = Learner.builder()
                .firstName(p.givenName())
                .lastName(p.familyName())
                .birthDate(p.birthDate());
        p.id("NPI").ifPresent(learner::npi);
        p.license().ifPresent(l -> learner.license(LicensingJurisdiction.of(l.domain()), l.value()));
        for (LearnerReportRecord.Identifier id : p.identifiers()) {
            Board.parse(id.domain()).ifPresent(board -> learner.boardId(board, id.value()));
        }
        LearnerCompletion.Builder c = LearnerCompletion.builder()
                .completionKey(completionKeyOf(first))
                .activity(activities.get(first.accmeActivityId()))
                .learner(learner.build())
                .completionDate(first.completionDate())
                .consent(true);
        for (StoredCredit line : lines) {
            if (line.mocType().isPresent()) {
                c.mocCredit(line.mocType().get(), line.credits().toPlainString());
            } else {
                c.cmeCredits(line.credits());
            }
        }
        return c.build();
    }

    /** The completion key inside a CreditID ({@code ccid:<provider>:<key>-<kind>}). */
    private static String completionKeyOf(StoredCredit c) {
        String rest = c.creditId().substring(c.creditId().indexOf(':', CreditIds.PREFIX.length()) + 1);
        String kind = c.mocType()
                .map(t -> {
                    String k = t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                    return k.endsWith("-cme") ? k.substring(0, k.length() - 4) : k;
                })
                .orElse("cme");
        return rest.endsWith("-" + kind) ? rest.substring(0, rest.length() - kind.length() - 1) : rest;
    }

    /** {@code DELETE learner-activities/{learnerId}}: every record of the learner. */
    private Answer deleteLearnerRecords(String learnerId) {
        int removed = 0;
        synchronized (lock) {
            for (StoredCredit c : creditsOf(p -> p.holds(learnerId))) {
                credits.remove(c.creditId());
                learnerDays.values().remove(c.creditId());
                removed++;
            }
        }
        return removed == 0
                ? new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no record for this learner"), 0)
                : new Answer(
                        new MockResponse.Builder()
                                .code(success(Operation.DELETE_LEARNER_ACTIVITY))
                                .build(),
                        0);
    }

    /** The three transcript reads, from the credits held. */
    private Answer transcript(Operation op, Map<Parameter, String> p) {
        String npi = p.get(Parameter.NPI);
        String state = p.get(Parameter.STATE_OF_LICENSURE);
        String license = p.get(Parameter.STATE_MEDICAL_LICENSE_ID);
        String first = p.get(Parameter.FIRST_NAME);
        String last = p.get(Parameter.LAST_NAME);
        if (npi == null && (state == null || license == null) && (first == null || last == null)) {
            return new Answer(
                    fault(400, SimulatorErrors.QUERY_INVALID, "an NPI, a license or both names are required"), 0);
        }
        if ((npi != null && !npi.matches("[0-9]{10}")) || (state != null && !state.matches("[A-Z]{2}"))) {
            return new Answer(fault(400, SimulatorErrors.QUERY_INVALID, "npi or stateOfLicensure is malformed"), 0);
        }
        LocalDate from;
        LocalDate to;
        try {
            boolean byDate = op == Operation.GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE;
            String start = p.get(byDate ? Parameter.START_DATE : Parameter.COMPLETION_DATE_RANGE_START);
            String end = p.get(byDate ? Parameter.END_DATE : Parameter.COMPLETION_DATE_RANGE_END);
            if (byDate && (start == null || end == null)) {
                return new Answer(fault(400, SimulatorErrors.QUERY_INVALID, "startDate and endDate are required"), 0);
            }
            from = start == null ? LocalDate.MIN : LocalDate.parse(start);
            to = end == null ? LocalDate.MAX : LocalDate.parse(end);
        } catch (java.time.format.DateTimeParseException e) {
            return new Answer(fault(400, SimulatorErrors.QUERY_INVALID, "a date is not YYYY-MM-DD"), 0);
        }
        java.util.function.Predicate<Person> who =
                person -> (npi == null || person.id("NPI").filter(npi::equals).isPresent())
                        && (state == null
                                || license == null
                                || person.id(state).filter(license::equals).isPresent())
                        && (first == null || person.givenName().equalsIgnoreCase(first))
                        && (last == null || person.familyName().equalsIgnoreCase(last));
        Map<String, List<StoredCredit>> byPerson = new LinkedHashMap<>();
        Map<String, Person> persons = new LinkedHashMap<>();
        synchronized (lock) {
            for (StoredCredit c : creditsOf(who)) {
                if (!c.completionDate().isBefore(from) && !c.completionDate().isAfter(to)) {
                    byPerson.computeIfAbsent(c.learnerKey(), k -> new ArrayList<>())
                            .add(c);
                    persons.put(c.learnerKey(), people.get(c.learnerKey()));
                }
            }
        }
        if (op == Operation.GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE) {
            if (byPerson.isEmpty()) {
                return new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no transcript matches"), 0);
            }
            BigDecimal total = byPerson.values().stream()
                    .flatMap(List::stream)
                    .filter(c -> c.mocType().isEmpty())
                    .map(StoredCredit::credits)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Person person = persons.values().iterator().next();
            return new Answer(
                    ok(
                            200,
                            peer.encodeTranscriptTotal(new TranscriptTotal(
                                    Optional.of(person.givenName()),
                                    Optional.of(person.familyName()),
                                    total,
                                    "Point"))),
                    0);
        }
        List<LearnerTranscript> transcripts = new ArrayList<>();
        synchronized (lock) {
            byPerson.forEach((key, lines) -> transcripts.add(transcriptOf(persons.get(key), lines)));
        }
        if (transcripts.isEmpty()) {
            return new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no transcript matches"), 0);
        }
        if (op == Operation.GET_LEARNER_TRANSCRIPT_PDF) {
            return new Answer(
                    new MockResponse.Builder()
                            .code(200)
                            .setHeader("Content-Type", "application/pdf")
                            .body(new okio.Buffer().write(TranscriptPdf.render(transcripts)))
                            .build(),
                    0);
        }
        return new Answer(
                new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .body(text(peer.encodeTranscripts(transcripts)))
                        .build(),
                0);
    }

    private LearnerTranscript transcriptOf(Person who, List<StoredCredit> lines) {
        Map<String, List<StoredCredit>> byCompletion = new LinkedHashMap<>();
        for (StoredCredit c : lines) {
            byCompletion
                    .computeIfAbsent(c.accmeActivityId() + "|" + c.completionDate(), k -> new ArrayList<>())
                    .add(c);
        }
        List<LearnerTranscript.Completion> completions = new ArrayList<>();
        for (List<StoredCredit> group : byCompletion.values()) {
            StoredCredit first = group.get(0);
            Activity a = activities.get(first.accmeActivityId());
            List<LearnerTranscript.Credit> credit = group.stream()
                    .map(c -> new LearnerTranscript.Credit(
                            c.creditId(),
                            c.mocType().map(Enum::name).orElse("AMA PRA Category 1 Credit"),
                            c.credits(),
                            "Point"))
                    .toList();
            completions.add(new LearnerTranscript.Completion(
                    providerId,
                    Optional.empty(),
                    first.accmeActivityId(),
                    a == null ? "" : a.title(),
                    "Completed",
                    Optional.of(first.completionDate()),
                    credit,
                    List.of(),
                    List.of()));
        }
        Optional<LearnerReportRecord.Identifier> license = who.license();
        return new LearnerTranscript(
                who.givenName(),
                who.familyName(),
                license.map(LearnerReportRecord.Identifier::domain),
                license.map(LearnerReportRecord.Identifier::value),
                who.id("NPI"),
                completions,
                Optional.of(providerId),
                Optional.empty());
    }

    private Answer getActivity(String id) {
        Activity a;
        synchronized (lock) {
            a = id == null ? null : activities.get(id);
        }
        return a == null
                ? new Answer(fault(404, SimulatorErrors.ACTIVITY_NOT_FOUND, "no such activity"), 0)
                : new Answer(ok(200, codec.encodeActivity(a, ActivityAction.ADD)), 0);
    }

    /**
     * Accepted sockets get TCP_NODELAY: MockWebServer writes headers and body separately, and
     * without it every exchange stalls about 40 ms on Nagle's algorithm meeting delayed ACKs.
     */
    private static final class NoDelayServerSocketFactory extends javax.net.ServerSocketFactory {
        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket socket = new java.net.Socket();
                    implAccept(socket);
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(port));
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(port), backlog);
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
                throws IOException {
            java.net.ServerSocket s = createServerSocket();
            s.bind(new java.net.InetSocketAddress(address, port), backlog);
            return s;
        }
    }

    /** Configures a {@link ParsSimulator}. */
    public static final class Builder {
        private String providerId = DEFAULT_PROVIDER_ID;
        private String user = DEFAULT_USER;
        private String password = DEFAULT_PASSWORD;
        private Clock clock = Clock.systemDefaultZone();
        private ReportingWindow window = ReportingWindow.defaults();
        private ParsEndpoints endpoints = ParsEndpoints.defaults();
        private ParsCodec codec;
        private int retained = Integer.MAX_VALUE;
        private Duration latency = Duration.ZERO;

        private Builder() {}

        /**
         * Keeps memory bounded on any volume: the simulator remembers at most {@code creditLines}
         * credit lines (and as many requests), forgetting the oldest first. A forgotten credit
         * answers status lookups with 404 and is no longer refused as a duplicate, so set this
         * only where volume matters more than exact duplicate detection (the examples use
         * 200,000). Default: no limit.
         */
        public Builder retainAtMost(int creditLines) {
            if (creditLines < 1) {
                throw new IllegalArgumentException("creditLines must be at least 1");
            }
            this.retained = creditLines;
            return this;
        }

        /**
         * Delay added to every request before it is handled, as a remote PARS's round trip would
         * (default none). The connection is held meanwhile, so concurrency shows as it would.
         */
        public Builder latency(Duration latency) {
            Objects.requireNonNull(latency, "latency");
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative");
            }
            this.latency = latency;
            return this;
        }

        /** The provider ID accepted. */
        public Builder providerId(String providerId) {
            this.providerId = Objects.requireNonNull(providerId, "providerId");
            return this;
        }

        /** The user and password accepted. */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** "Today" for the reporting window and future dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The reporting window enforced. */
        public Builder reportingWindow(ReportingWindow window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Which generation of the PARS API to serve: {@link ParsEndpoints.Generation#WCF} (the
         * default, XML) or {@link ParsEndpoints.Generation#REST} (the draft REST API, JSON).
         * Sets the endpoints to that generation's preset and, unless {@link #codec(ParsCodec)}
         * is set, its format. {@link ParsSimulator#clientBuilder()} follows.
         */
        public Builder generation(ParsEndpoints.Generation generation) {
            this.endpoints = ParsEndpoints.of(generation);
            return this;
        }

        /** Operation paths; must match the clients' endpoints. */
        public Builder endpoints(ParsEndpoints endpoints) {
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
            return this;
        }

        /** The wire format spoken. */
        public Builder codec(ParsCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Builds the simulator; call {@link ParsSimulator#start()} next. */
        public ParsSimulator build() {
            return new ParsSimulator(this);
        }
    }
}
