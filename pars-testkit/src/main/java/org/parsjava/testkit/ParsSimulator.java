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
import org.parsjava.core.codec.ActivityAction;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.codec.ParsFault;
import org.parsjava.core.codec.ParsXmlCodec;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.codec.internal.PeerCodec;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Npi;
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
    private final Map<Operation, Deque<Fault>> faults = new EnumMap<>(Operation.class);
    /** Appended once per request; a copy-on-write list would make a long run quadratic. */
    /** The most recent requests, at most {@link #retained} of them; guarded by itself. */
    private final Deque<SeenRequest> requests = new ArrayDeque<>();
    private final int retained;
    private final Duration latency;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private int nextActivityId = 200_000_001;

    private ParsSimulator(Builder b) {
        this.providerId = b.providerId;
        this.user = b.user;
        this.password = b.password;
        this.clock = b.clock;
        this.window = b.window;
        this.endpoints = b.endpoints;
        this.codec = b.codec;
        this.peer = PeerCodec.of(b.codec);
        this.retained = b.retained;
        this.latency = b.latency;
        this.credits = bounded(b.retained);
        this.learnerDays = bounded(b.retained);
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
        return ParsClient.builder().baseUrl(baseUrl()).providerId(providerId).providerName("Simulated Provider")
                .credentials(ParsCredentials.of(user, password)).codec(codec).endpoints(endpoints).clock(clock);
    }

    /**
     * Stores an activity as PARS would hold it (with its ACCME Activity ID), so learners can be
     * reported against it.
     */
    public ParsSimulator addActivity(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        String id = activity.accmeActivityId().orElseThrow(
                () -> new IllegalArgumentException("the activity needs an ACCME Activity ID"));
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
            return requests.stream().filter(r -> r.operation().equals(operation.parsName())).toList();
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
        Operation op = operationFor(path);
        String name = op == null ? "unknown" : op.parsName();
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        if (op == null) {
            return seen(name, request, 0, fault(404, "NOT_FOUND", "no PARS operation at this path"));
        }
        if (!authorized(request)) {
            return seen(name, request, 0, fault(401, SimulatorErrors.AUTHENTICATION_FAILED,
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
                partial = new Answer(fault(400, SimulatorErrors.MALFORMED_DOCUMENT, "the body is not a PARS document"), 0);
            }
            return seen(name, request, partial.records, partial.response);
        }
        if (fault != null && !fault.appliesRequest()) {
            return seen(name, request, 0, before(fault));
        }
        Answer answer;
        try {
            answer = switch (op) {
                case SAVE_LEARNER_ACTIVITY -> saveLearners(body);
                case GET_LEARNER_STATUS -> status(request.getUrl().queryParameter(ParsEndpoints.CREDIT_ID_PARAMETER));
                case GET_LEARNER_MATCH -> match(body);
                case SAVE_ACTIVITY -> saveActivity(body);
                case GET_ACTIVITY -> readActivity(request.getUrl());
            };
        } catch (ParsCodecException e) {
            answer = new Answer(fault(400, SimulatorErrors.MALFORMED_DOCUMENT, "the body is not a PARS document"), 0);
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
        SeenRequest seen = new SeenRequest(name, request.getMethod(), request.getUrl().encodedPath(),
                dropped ? 0 : response.getCode(), records);
        synchronized (requests) {
            if (requests.size() >= retained) {
                requests.removeFirst();
            }
            requests.addLast(seen);
        }
        return response;
    }

    private Operation operationFor(String path) {
        for (Operation op : Operation.values()) {
            if (path.endsWith("/" + endpoints.path(op))) {
                return op;
            }
        }
        return null;
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
        return user.equals(r.getHeaders().get("User")) && password.equals(r.getHeaders().get("Password"));
    }

    private MockResponse before(Fault f) {
        return switch (f.kind()) {
            case RATE_LIMITED -> new MockResponse.Builder().code(429)
                    .setHeader("Retry-After", Long.toString(f.duration().toSeconds()))
                    .setHeader("Content-Type", codec.mediaType())
                    .body(text(peer.encodeFault(new ParsFault(Optional.of("RATE_LIMITED"), "slow down")))).build();
            case SERVER_ERROR -> fault(f.status(), "SERVER_ERROR", "simulated server failure");
            case DROP_BEFORE_APPLY -> new MockResponse.Builder().code(200)
                    .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
            case MALFORMED_BODY_BEFORE_APPLY -> htmlNotice();
            default -> throw new IllegalStateException(f.toString());
        };
    }

    private MockResponse after(Fault f, MockResponse applied) {
        MockResponse.Builder b = new MockResponse.Builder(applied);
        return switch (f.kind()) {
            case LATENCY -> b.headersDelay(f.duration().toMillis(), TimeUnit.MILLISECONDS).build();
            case DROP_AFTER_APPLY -> b.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
            case TRUNCATED_BODY -> {
                String full = applied.getBody() == null ? "" : bodyText(applied);
                yield new MockResponse.Builder().code(200).setHeader("Content-Type", codec.mediaType())
                        .body(full.substring(0, Math.max(1, full.length() / 2))).build();
            }
            case MALFORMED_BODY -> htmlNotice();
            case SLOW_DRIP -> b.throttleBody(8, f.duration().toMillis(), TimeUnit.MILLISECONDS).build();
            default -> throw new IllegalStateException(f.toString());
        };
    }

    private static MockResponse htmlNotice() {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html><head><title>Service notice</title></head><body>Maintenance</body></html>").build();
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
        return new MockResponse.Builder().code(status).setHeader("Content-Type", codec.mediaType())
                .body(text(peer.encodeFault(new ParsFault(Optional.of(code), message)))).build();
    }

    private MockResponse ok(int status, byte[] body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", codec.mediaType()).body(text(body))
                .build();
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private record Answer(MockResponse response, int records) {
    }

    // ---- operations -----------------------------------------------------------------------------

    private Answer saveLearners(byte[] body) {
        return saveLearners(body, Integer.MAX_VALUE);
    }

    /** Applies the first {@code limit} reports and answers with verdicts for those alone. */
    private Answer saveLearners(byte[] body, int limit) {
        List<LearnerReportRecord> reports = peer.decodeLearnerReports(body);
        List<RecordVerdict> verdicts = new ArrayList<>(Math.min(limit, reports.size()));
        synchronized (lock) {
            for (int i = 0; i < Math.min(limit, reports.size()); i++) {
                LearnerReportRecord r = reports.get(i);
                String[] problem = r.action() == LearnerRecordAction.DELETE ? delete(r) : add(r);
                verdicts.add(problem == null ? RecordVerdict.accepted(i)
                        : RecordVerdict.rejected(i, problem[0], problem[1], problem[2]));
            }
        }
        return new Answer(ok(200, peer.encodeSaveResult(verdicts)), reports.size());
    }

    /** Applies PARS's acceptance rules; returns {code, field, message} or null when stored. */
    private String[] add(LearnerReportRecord r) {
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
            if (LicensingJurisdiction.parse(id.domain()).isPresent() && id.domain().length() == 2) {
                licenseKey = id.domain().toUpperCase(java.util.Locale.ROOT) + ":" + id.value();
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
            return err(SimulatorErrors.COMPLETION_DATE_IN_FUTURE, "CompletedDateTime", "completion date is in the future");
        }
        if (window.check(date, today) == ReportingWindow.Verdict.OUTSIDE) {
            return err(SimulatorErrors.COMPLETION_DATE_OUTSIDE_WINDOW, "CompletedDateTime",
                    "the reporting year is closed");
        }
        String learnerKey = npi.map(n -> "NPI:" + n).orElse(licenseKey != null ? licenseKey : r.lastName() + ":" + r.birthDate().get());
        Map<Board, BigDecimal> mocPerBoard = new EnumMap<>(Board.class);
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            BigDecimal c = line.credits();
            if (c.signum() <= 0 || c.multiply(BigDecimal.valueOf(4)).stripTrailingZeros().scale() > 0) {
                return err(SimulatorErrors.CREDITS_INVALID, "numberOfCredits", "credits must be positive quarter steps");
            }
            if (line.isCme()) {
                if (c.compareTo(activity.maxCmeCredits()) > 0) {
                    return err(SimulatorErrors.CREDITS_ABOVE_MAXIMUM, "numberOfCredits",
                            "credits exceed the activity's designation");
                }
            } else if (line.mocType().isPresent()) {
                MocCreditType type = line.mocType().get();
                MocRegistration reg = activity.mocRegistrations().get(type.board());
                if (reg == null) {
                    return err(SimulatorErrors.BOARD_NOT_REGISTERED, "activityCertification",
                            "the activity is not registered with " + type.board().acronym());
                }
                if (type.board() != Board.ABS && r.identifier(type.board().acronym()).isEmpty()) {
                    return err(SimulatorErrors.BOARD_ID_MISSING, "UniqueID",
                            "MOC credit needs the learner's " + type.board().acronym() + " ID");
                }
                BigDecimal sum = mocPerBoard.merge(type.board(), c, BigDecimal::add);
                if (sum.compareTo(reg.points()) > 0) {
                    return err(SimulatorErrors.CREDITS_ABOVE_MAXIMUM, "numberOfCredits",
                            "MOC points exceed the registration");
                }
            } else {
                return err(SimulatorErrors.CREDITS_INVALID, "activityCertification", "unknown credit category");
            }
        }
        String dayKey = r.accmeActivityId() + "|" + learnerKey + "|" + date;
        String firstCredit = r.creditLines().isEmpty() ? "" : r.creditLines().get(0).creditId();
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            if (credits.containsKey(line.creditId())) {
                return err(SimulatorErrors.DUPLICATE_RECORD, "CreditID", "this CreditID is already held");
            }
        }
        String existing = learnerDays.get(dayKey);
        if (existing != null && !existing.equals(firstCredit)) {
            return err(SimulatorErrors.DUPLICATE_RECORD, "Member",
                    "the learner already has a record for this activity on this day");
        }
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            // The activity's own ID string is shared by all its credits, not one copy per report.
            credits.put(line.creditId(), new StoredCredit(line.creditId(), activity.accmeActivityId().orElseThrow(),
                    learnerKey, date,
                    line.mocType(), line.credits()));
        }
        learnerDays.put(dayKey, firstCredit);
        return null;
    }

    private String[] delete(LearnerReportRecord r) {
        boolean any = false;
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            StoredCredit removed = credits.remove(line.creditId());
            if (removed != null) {
                any = true;
                learnerDays.values().remove(line.creditId());
            }
        }
        return any ? null : err(SimulatorErrors.RECORD_NOT_FOUND, "CreditID", "no record with these CreditIDs");
    }

    private static String[] err(String code, String field, String message) {
        return new String[] {code, field, message};
    }

    private Answer status(String creditId) {
        StoredCredit c;
        CreditStatus.State state;
        synchronized (lock) {
            c = creditId == null ? null : credits.get(creditId);
            state = creditId == null ? null : decisions.get(creditId);
        }
        if (c == null) {
            return new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no record with this CreditID"), 0);
        }
        CreditStatus.State s = state == null ? CreditStatus.State.ACCEPTED : state;
        String text = s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return new Answer(ok(200, peer.encodeStatuses(List.of(new CreditStatus(c.creditId(),
                Optional.of(c.accmeActivityId()), Optional.of(c.completionDate()), s, text)))), 0);
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
                if (sameId && p.lastName().equalsIgnoreCase(l.lastName()) && p.birthDate().equals(l.birthDate())) {
                    found.add(p);
                }
            }
        }
        MatchResult result;
        if (empty) {
            result = new MatchResult(l.npi().isPresent() || l.license().isPresent() ? MatchResult.Outcome.MATCHED
                    : MatchResult.Outcome.NOT_MATCHED, Optional.empty());
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
                return new Answer(fault(400, SimulatorErrors.PROVIDER_MISMATCH, "the activity names another provider"), 0);
            }
            if (action == ActivityAction.ADD && (a.description().isEmpty() || a.sponsorship().isEmpty())) {
                return new Answer(fault(400, SimulatorErrors.ACTIVITY_FIELD_MISSING,
                        "description and activitySponsorship are required"), 0);
            }
            if (action == ActivityAction.ADD) {
                Activity stored = a.toBuilder().accmeActivityId(Integer.toString(nextActivityId++)).build();
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
            if (existing.type() != a.type() || !existing.startDate().equals(a.startDate())
                    || !existing.endDate().equals(a.endDate())) {
                return new Answer(fault(400, SimulatorErrors.ACTIVITY_CHANGE_REFUSED,
                        "format and dates cannot change on an update"), 0);
            }
            activities.put(id, a);
            return new Answer(ok(200, codec.encodeActivity(a, ActivityAction.UPDATE)), 0);
        }
    }

    /** {@code GetActivity}: by ACCME Activity ID, or else a search by the provider's own keys. */
    private Answer readActivity(okhttp3.HttpUrl url) {
        String id = url.queryParameter(ParsEndpoints.ACTIVITY_ID_PARAMETER);
        return id != null ? getActivity(id) : findActivity(url.queryParameter(ParsEndpoints.PROVIDER_ACTIVITY_ID_PARAMETER),
                url.queryParameter(ParsEndpoints.ACTIVITY_START_DATE_PARAMETER),
                url.queryParameter(ParsEndpoints.ACTIVITY_TYPE_PARAMETER));
    }

    /** The activity search by the provider's own keys; every key must match. */
    private Answer findActivity(String providerActivityId, String startDate, String typeName) {
        Activity found = null;
        synchronized (lock) {
            for (Activity a : activities.values()) {
                if (a.providerActivityId().equals(providerActivityId) && a.startDate().toString().equals(startDate)
                        && codec.activityTypeName(a.type()).equals(typeName)) {
                    found = a;
                    break;
                }
            }
        }
        return found == null ? new Answer(fault(404, SimulatorErrors.ACTIVITY_NOT_FOUND, "no such activity"), 0)
                : new Answer(ok(200, codec.encodeActivity(found, ActivityAction.ADD)), 0);
    }

    private Answer getActivity(String id) {
        Activity a;
        synchronized (lock) {
            a = id == null ? null : activities.get(id);
        }
        return a == null ? new Answer(fault(404, SimulatorErrors.ACTIVITY_NOT_FOUND, "no such activity"), 0)
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
        private ParsCodec codec = ParsXmlCodec.create();
        private int retained = Integer.MAX_VALUE;
        private Duration latency = Duration.ZERO;

        private Builder() {
        }

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
