/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsJsonCodec;
import org.parsjava.core.codec.ParsXmlCodec;
import org.parsjava.core.codec.WireOptions;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.BoardReason;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.validation.ReportingWindow;
import org.parsjava.testkit.internal.BoardDecision;
import org.parsjava.testkit.internal.HttpFront;
import org.parsjava.testkit.internal.SimulatorState;

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

    private final MockWebServer server = new MockWebServer();
    private final SimulatorState state;
    private final String user;
    private final String password;
    private final Clock clock;

    private ParsSimulator(Builder b) {
        WireOptions wire = WireOptions.builder().rules(b.rules).build();
        ParsCodec codec = b.codec != null
                ? b.codec
                : b.endpoints.generation() == ParsEndpoints.Generation.REST
                        ? ParsJsonCodec.create(wire)
                        : ParsXmlCodec.create(wire);
        this.state = new SimulatorState(
                b.providerId,
                b.user,
                b.password,
                b.clock,
                b.window,
                b.endpoints,
                codec,
                b.retained,
                b.restRefusalsPerRecord,
                b.rules,
                b.boardReviewTime);
        this.user = b.user;
        this.password = b.password;
        this.clock = b.clock;
        new HttpFront(state, server, b.latency);
    }

    /**
     * The most requests this simulator was handling at one moment since it started (or since
     * {@link #reset()}): how much parallelism a client really used.
     */
    public int maxConcurrentRequestsSeen() {
        return state.mostInFlight.get();
    }

    /**
     * Records this PARS received again while it already held their CreditID (each refused as a
     * duplicate), since it started: what a reporter that lost track of its sends costs PARS.
     */
    public int resentHeldRecords() {
        return state.heldResent.get();
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
        return start(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Starts listening on {@code port} of {@code address}, for a pipeline whose other services
     * run in other containers (0 picks a free port). Plain HTTP: a test double, never for real data.
     */
    public ParsSimulator start(InetAddress address, int port) {
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
                .providerId(state.providerId)
                .providerName("Simulated Provider")
                .credentials(ParsCredentials.of(user, password))
                .codec(state.codec)
                .endpoints(state.endpoints)
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
        synchronized (state.lock) {
            state.activities.put(id, activity);
        }
        return this;
    }

    /**
     * Adds a physician to the registry {@code GetLearnerMatch} searches. With an empty registry
     * every learner with a valid identity matches.
     */
    public ParsSimulator addPhysician(Learner learner) {
        synchronized (state.lock) {
            state.physicians.add(Objects.requireNonNull(learner, "learner"));
        }
        return this;
    }

    /** Queues {@code fault} for the next request of {@code operation}; faults run in order. */
    public ParsSimulator inject(Operation operation, Fault fault) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fault, "fault");
        synchronized (state.lock) {
            state.faults.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(fault);
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
        synchronized (this.state.lock) {
            this.state.decisions.put(creditId, new BoardDecision(state, Optional.empty()));
        }
        return this;
    }

    /** A board's rejection of one held credit line, with the reason PARS shows for it. */
    public ParsSimulator boardRejects(String creditId, BoardReason reason) {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(reason, "reason");
        synchronized (this.state.lock) {
            this.state.decisions.put(creditId, new BoardDecision(CreditStatus.State.REJECTED, Optional.of(reason)));
        }
        return this;
    }

    /**
     * The board rejects every MOC line reported for the diplomate with this ID, giving
     * {@code reason}, once its review time ({@link Builder#boardReviewTime}) has passed: as a
     * board does with an ID it cannot match.
     */
    public ParsSimulator boardRejects(Board board, String boardId, BoardReason reason) {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(boardId, "boardId");
        Objects.requireNonNull(reason, "reason");
        synchronized (this.state.lock) {
            this.state.boardRejections.put(board.code() + "|" + boardId, reason);
        }
        return this;
    }

    /** The activities held, by ACCME Activity ID. */
    public Map<String, Activity> activities() {
        synchronized (state.lock) {
            return Map.copyOf(state.activities);
        }
    }

    /** The credit lines held, in the order they were stored. */
    public List<StoredCredit> credits() {
        synchronized (state.lock) {
            return List.copyOf(state.credits.values());
        }
    }

    /** Every request received, in order (the most recent {@code retainAtMost} of them). */
    public List<SeenRequest> requests() {
        synchronized (state.requests) {
            return List.copyOf(state.requests);
        }
    }

    /** Requests received for {@code operation}. */
    public List<SeenRequest> requests(Operation operation) {
        synchronized (state.requests) {
            return state.requests.stream()
                    .filter(r -> r.operation().equals(operation.parsName()))
                    .toList();
        }
    }

    /** Forgets activities, credits, physicians, faults and requests. */
    public void reset() {
        state.reset();
    }

    @Override
    public void close() {
        server.close();
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
        private RulesCatalogue rules = RulesCatalogue.defaults();
        private Duration boardReviewTime = Duration.ZERO;
        /** Heap a remembered credit line takes, with its learner and identifiers (measured). */
        private static final int BYTES_PER_CREDIT_LINE = 1024;

        private static final int MIN_RETAINED = 1_000;

        private int retained = Integer.MAX_VALUE;
        private Duration latency = Duration.ZERO;
        private boolean restRefusalsPerRecord;

        private Builder() {}

        /**
         * Keeps memory bounded on any volume: the simulator remembers at most {@code creditLines}
         * credit lines (and as many requests), forgetting the oldest first. A forgotten credit
         * answers status lookups with 404 and is no longer refused as a duplicate, so set this
         * only where volume matters more than exact duplicate detection (the examples size it by the
         * heap with {@link #retainWithinHeap}). Default: no limit.
         */
        public Builder retainAtMost(int creditLines) {
            if (creditLines < 1) {
                throw new IllegalArgumentException("creditLines must be at least 1");
            }
            this.retained = creditLines;
            return this;
        }

        /**
         * {@link #retainAtMost(int)} sized for the heap this JVM runs in: as many credit lines as
         * fit in about {@code share} of its maximum heap (a remembered credit line with its
         * learner and identifiers takes about 1 KB, measured with a class histogram), at least
         * 1,000. The embedded simulator of the examples and the command line takes a quarter, so
         * the ledger and the job beside it keep the rest on any roster size.
         *
         * @param share a fraction of the maximum heap, above 0 and at most 1
         */
        public Builder retainWithinHeap(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("share must be above 0 and at most 1, was " + share);
            }
            long lines = (long) (Runtime.getRuntime().maxMemory() * share / BYTES_PER_CREDIT_LINE);
            return retainAtMost((int) Math.max(MIN_RETAINED, Math.min(Integer.MAX_VALUE, lines)));
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

        /**
         * The boards this PARS knows, their ID formats and rules (default: the shipped
         * {@link RulesCatalogue#defaults()}). A board added here is one PARS has added.
         */
        public Builder rules(RulesCatalogue rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * How long a board takes to decide on a MOC line (PARS: "within 24 hours",
         * docs/pars-reference.md 12): until then a status lookup shows it pending. Default zero.
         */
        public Builder boardReviewTime(Duration reviewTime) {
            if (Objects.requireNonNull(reviewTime, "reviewTime").isNegative()) {
                throw new IllegalArgumentException("boardReviewTime must not be negative");
            }
            this.boardReviewTime = reviewTime;
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

        /**
         * Deviates from the REST draft as the SDK reads it: a document with a refused report is
         * still refused whole (400, nothing kept), but the 400 carries a verdict per refused report
         * instead of one fault. For checking what a conformance run reports; default false.
         */
        public Builder restRefusalsPerRecord(boolean perRecord) {
            this.restRefusalsPerRecord = perRecord;
            return this;
        }

        /**
         * Operation paths, methods and success statuses served. A client given other endpoints
         * meets a PARS that deviates from what it assumes (another path, another success status).
         */
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
