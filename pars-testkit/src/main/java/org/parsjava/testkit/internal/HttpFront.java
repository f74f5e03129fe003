/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.codec.ParsFault;
import org.parsjava.testkit.Fault;
import org.parsjava.testkit.SeenRequest;
import org.parsjava.testkit.SimulatorErrors;

/**
 * The simulator's HTTP front on MockWebServer: each request is routed by method, path and query
 * to its operation (by the endpoints the simulator serves), its credentials checked, its faults
 * applied before or after the work, and a light record kept (the most recent ones only).
 */
public final class HttpFront extends Part {

    /** The path of the base URL; operation paths are relative to it. */
    static final String BASE_PATH = "/services/";

    private final String user;
    private final String password;
    private final MockWebServer server;
    private final LearnerRecords learners;
    private final ActivityRecords activityRecords;
    private final TranscriptRecords transcripts;
    private final Map<Operation, Deque<Fault>> faults;
    /** The most recent requests, at most {@link #retained} of them; guarded by itself. */
    private final Deque<SeenRequest> requests;

    private final int retained;
    private final Duration latency;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight;

    /** The front of {@code state} on {@code server}; it installs itself as the dispatcher. */
    public HttpFront(SimulatorState state, MockWebServer server, Duration latency) {
        super(state);
        this.user = state.user;
        this.password = state.password;
        this.server = server;
        this.learners = new LearnerRecords(state);
        this.activityRecords = new ActivityRecords(state);
        this.transcripts = new TranscriptRecords(state);
        this.faults = state.faults;
        this.requests = state.requests;
        this.retained = state.retained;
        this.latency = latency;
        this.mostInFlight = state.mostInFlight;
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

    MockResponse handle(RecordedRequest request) {
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
                partial = learners.saveLearners(body, fault.count());
            } catch (ParsCodecException e) {
                partial = new Answer(
                        fault(400, SimulatorErrors.MALFORMED_DOCUMENT, "the body is not a PARS document"), 0);
            }
            return seen(name, request, partial.records(), partial.response());
        }
        if (fault != null && !fault.appliesRequest()) {
            return seen(name, request, 0, before(fault));
        }
        Answer answer;
        try {
            Map<Parameter, String> params = parameters(op, relative, request.getUrl());
            answer = switch (op) {
                case SAVE_LEARNER_ACTIVITY -> learners.saveLearners(body);
                case GET_LEARNER_STATUS -> learners.status(params.get(Parameter.CREDIT_ID));
                case GET_LEARNER_STATUS_BY_LEARNER -> learners.statusByLearner(params);
                case GET_LEARNER_ACTIVITY -> learners.learnerRecords(params.get(Parameter.LEARNER_ID));
                case DELETE_LEARNER_ACTIVITY -> learners.deleteLearnerRecords(params.get(Parameter.LEARNER_ID));
                case GET_LEARNER_MATCH -> learners.match(body);
                case SAVE_ACTIVITY -> activityRecords.saveActivity(body);
                case GET_ACTIVITY -> activityRecords.getActivity(params.get(Parameter.ACTIVITY_ID));
                case FIND_ACTIVITIES ->
                    activityRecords.findActivity(
                            params.get(Parameter.PROVIDER_ACTIVITY_ID),
                            params.get(Parameter.ACTIVITY_START_DATE),
                            params.get(Parameter.ACTIVITY_TYPE_NAME));
                case GET_LEARNER_TRANSCRIPT, GET_LEARNER_TRANSCRIPT_PDF, GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE ->
                    transcripts.transcript(op, params);
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
        return seen(
                name, request, answer.records(), fault == null ? answer.response() : after(fault, answer.response()));
    }

    /**
     * MockWebServer keeps every request (with its body) for {@code takeRequest()}; the simulator
     * keeps its own light record instead, so the queue is emptied to keep memory flat.
     */
    void drainRecordedRequests() {
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // discard
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    MockResponse seen(String name, RecordedRequest request, int records, MockResponse response) {
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
    Operation operationFor(String method, String path, okhttp3.HttpUrl url) {
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
    Map<Parameter, String> parameters(Operation op, String path, okhttp3.HttpUrl url) {
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

    boolean authorized(RecordedRequest r) {
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

    MockResponse before(Fault f) {
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

    MockResponse after(Fault f, MockResponse applied) {
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

    static MockResponse htmlNotice() {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html")
                .body("<html><head><title>Service notice</title></head><body>Maintenance</body></html>")
                .build();
    }

    static String bodyText(MockResponse r) {
        okio.Buffer buffer = new okio.Buffer();
        try {
            r.getBody().writeTo(buffer);
        } catch (IOException e) {
            return "";
        }
        return buffer.readUtf8();
    }
}
