/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.parsjava.client.internal.AuthInterceptor;
import org.parsjava.client.internal.NoDelaySocketFactory;
import org.parsjava.client.internal.Transport;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsXmlCodec;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.validation.ParsValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client for the PARS web services. Build one per provider credential, share it across
 * threads for the life of the application, and close it at shutdown.
 *
 * <pre>{@code
 * try (ParsClient pars = ParsClient.builder()
 *         .baseUrl("https://...")                          // the URL ACCME gave you
 *         .providerId("0001234")
 *         .providerName("Example Health Continuing Education")
 *         .credentials(ParsCredentials.of(user, password))
 *         .build()) {
 *     SubmissionResult result = pars.learners().submit(completions);
 * }
 * }</pre>
 *
 * <p>Every operation has a synchronous form and a {@code CompletableFuture} twin. Requests
 * carry the provider ID and credentials (see {@link CredentialPlacement}); logs go through
 * SLF4J with learner data and credentials redacted. Immutable and thread safe.
 */
public final class ParsClient implements AutoCloseable {

    /** The SDK version sent in the User-Agent, as this build of pars-client was versioned. */
    public static final String VERSION = buildVersion();

    private static String buildVersion() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = ParsClient.class.getResourceAsStream("pars-client.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }

    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final ExecutorService ownedExecutor;
    private final Activities activities;
    private final Learners learners;
    private final Transcripts transcripts;
    private final HttpUrl baseUrl;
    private final String providerId;
    private final Transport transport;
    private final RulesCatalogue rules;
    /** Runs a submission's chunks and lookups in parallel; never the caller's executor (no starvation). */
    private final ExecutorService workers;

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(120);

    private static Duration orDefault(Duration set, Duration fallback) {
        return set != null ? set : fallback;
    }

    private ParsClient(Builder b, HttpUrl baseUrl) {
        this.baseUrl = baseUrl;
        this.providerId = b.providerId;
        OkHttpClient base = b.okHttpClient != null ? b.okHttpClient : new OkHttpClient();
        this.ownsHttp = b.okHttpClient == null;
        String agent = "pars-java/" + VERSION + (b.userAgent == null ? "" : " " + b.userAgent);
        OkHttpClient.Builder derived = base.newBuilder();
        if (base.socketFactory() == javax.net.SocketFactory.getDefault()) {
            derived.socketFactory(new NoDelaySocketFactory()); // a caller's own socket factory is kept
        }
        derived.addInterceptor(new AuthInterceptor(b.providerId, b.credentials, b.credentialPlacement, agent))
                .retryOnConnectionFailure(false) // retries are ours: they know what is safe to resend
                .followRedirects(false);
        // A caller's OkHttpClient keeps its own timeouts unless they are set on this builder.
        if (ownsHttp || b.connectTimeout != null) {
            derived.connectTimeout(orDefault(b.connectTimeout, DEFAULT_CONNECT_TIMEOUT));
        }
        if (ownsHttp || b.readTimeout != null) {
            Duration read = orDefault(b.readTimeout, DEFAULT_READ_TIMEOUT);
            derived.readTimeout(read).writeTimeout(read);
        }
        if (ownsHttp || b.callTimeout != null || base.callTimeoutMillis() == 0) {
            // OkHttp's own default is no call timeout at all: a slow drip could hang a call.
            derived.callTimeout(orDefault(b.callTimeout, DEFAULT_CALL_TIMEOUT));
        }
        this.http = derived.build();
        Executor executor;
        if (b.executor != null) {
            executor = b.executor;
            this.ownedExecutor = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            this.ownedExecutor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "pars-client-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            executor = ownedExecutor;
        }
        AtomicInteger w = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pars-client-worker-" + w.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Logger log = b.logger != null ? b.logger : LoggerFactory.getLogger(ParsClient.class);
        ParsValidator validator = b.validator != null
                ? b.validator
                : ParsValidator.builder().clock(b.clock).rules(b.rules).build();
        this.rules = validator.rules();
        org.parsjava.core.codec.WireOptions wire =
                org.parsjava.core.codec.WireOptions.builder().rules(rules).build();
        ParsCodec codec = b.codec != null
                ? b.codec
                : b.endpoints.generation() == ParsEndpoints.Generation.REST
                        ? org.parsjava.core.codec.ParsJsonCodec.create(wire)
                        : ParsXmlCodec.create(wire);
        this.transport = new Transport(
                http,
                baseUrl,
                b.endpoints,
                codec,
                b.retryPolicy,
                b.clock,
                b.sleeper,
                log,
                b.maxConcurrentRequests,
                b.eventListener);
        this.activities = new Activities(transport, validator, executor);
        this.learners =
                new Learners(transport, validator, executor, workers, b.providerId, b.providerName, b.chunkSize, log);
        this.transcripts = new Transcripts(transport, executor);
    }

    /** A builder; see the class example. */
    public static Builder builder() {
        return new Builder();
    }

    /** Activity operations. */
    public Activities activities() {
        return activities;
    }

    /** Learner operations. */
    public Learners learners() {
        return learners;
    }

    /** Transcript reads (the draft transcript API). */
    public Transcripts transcripts() {
        return transcripts;
    }

    /** The base URL this client reports to, e.g. {@code https://parsii.accme.org/services/}. */
    public String baseUrl() {
        return baseUrl.toString();
    }

    /** Which PARS this client reports to: base URL, API generation and provider. */
    public ParsTarget target() {
        return new ParsTarget(baseUrl.toString(), generation(), providerId);
    }

    /** The accredited provider this client reports as (7 digits). */
    public String providerId() {
        return providerId;
    }

    /** The rules catalogue this client validates by and reads PARS's board names with. */
    public RulesCatalogue rules() {
        return rules;
    }

    /** The generation of the PARS API this client speaks. */
    public ParsEndpoints.Generation generation() {
        return transport.endpoints().generation();
    }

    /**
     * Releases the client's own threads and connections (an injected OkHttpClient is left alone).
     * Every later call, synchronous or asynchronous, fails at once with an
     * {@link IllegalStateException}; a call already running finishes.
     */
    @Override
    public void close() {
        transport.close();
        workers.shutdown();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "ParsClient[" + baseUrl + ", provider=" + providerId + ", credentials=***]";
    }

    /** Configures a {@link ParsClient}; not thread safe. */
    public static final class Builder {
        private String baseUrl;
        private ParsCredentials credentials;
        private String providerId;
        private String providerName;
        private CredentialPlacement credentialPlacement = CredentialPlacement.HEADERS;
        private ParsEndpoints endpoints = ParsEndpoints.defaults();
        private ParsCodec codec;
        private RulesCatalogue rules = RulesCatalogue.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private String userAgent;
        private OkHttpClient okHttpClient;
        private Logger logger;
        private ParsValidator validator;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private int chunkSize = 100;
        private int maxConcurrentRequests = 1;
        private Executor executor;
        private ParsEventListener eventListener = ParsEventListener.NONE;

        private Builder() {}

        /**
         * The PARS base URL, e.g. the sandbox URL ACCME gave you. Must be {@code https}, except
         * on a loopback address (a local PARS simulator).
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * A known PARS installation.
         *
         * @throws IllegalArgumentException when its URL is not published (the sandbox)
         */
        public Builder environment(ParsEnvironment environment) {
            Objects.requireNonNull(environment, "environment");
            this.baseUrl = environment
                    .baseUrl()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "The PARS " + environment.name().toLowerCase(java.util.Locale.ROOT)
                                    + " URL is not published; " + "pass the URL ACCME gave you to baseUrl(...)"));
            return this;
        }

        /** The web-services user and password (required). */
        public Builder credentials(ParsCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The seven-digit ACCME provider ID the credentials belong to (required). */
        public Builder providerId(String providerId) {
            this.providerId = Objects.requireNonNull(providerId, "providerId").strip();
            return this;
        }

        /** The accredited provider's name, sent as {@code ReportingOrganization} (required). */
        public Builder providerName(String providerName) {
            this.providerName =
                    Objects.requireNonNull(providerName, "providerName").strip();
            return this;
        }

        /** Where credentials travel; default {@link CredentialPlacement#HEADERS}. */
        public Builder credentialPlacement(CredentialPlacement placement) {
            this.credentialPlacement = Objects.requireNonNull(placement, "placement");
            return this;
        }

        /** Operation paths and methods; default {@link ParsEndpoints#defaults()}. */
        public Builder endpoints(ParsEndpoints endpoints) {
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
            return this;
        }

        /**
         * The endpoints in a file ({@link EndpointsFile}): corrections of a generation's preset,
         * written by hand or by a conformance run. Sets the generation the file names.
         *
         * @throws IllegalArgumentException when the file is not a valid endpoints file
         */
        public Builder endpoints(java.nio.file.Path file) {
            return endpoints(EndpointsFile.read(file));
        }

        /**
         * Which generation of the PARS API to speak, in one setting: {@link
         * ParsEndpoints.Generation#WCF} (the default: the WCF services, XML) or {@link
         * ParsEndpoints.Generation#REST} (the draft REST API, JSON). Sets the endpoints to that
         * generation's preset and, unless {@link #codec(ParsCodec)} is set, its format.
         */
        public Builder generation(ParsEndpoints.Generation generation) {
            this.endpoints = ParsEndpoints.of(generation);
            return this;
        }

        /**
         * The wire format; default {@link ParsXmlCodec} for the WCF generation and
         * {@link org.parsjava.core.codec.ParsJsonCodec} for the REST generation.
         */
        public Builder codec(ParsCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Observes requests, retries and record outcomes (for example
         * {@code new org.parsjava.client.metrics.ParsMetrics(meterRegistry)}); several with
         * {@link ParsEventListener#composite}. Default none.
         */
        public Builder eventListener(ParsEventListener listener) {
            this.eventListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The retry policy; default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Connect timeout; default 10 s (or, with {@link #okHttpClient}, that client's own). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Read (and write) timeout between bytes; default 60 s (or that of a given {@link #okHttpClient}). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Whole-call timeout of one attempt; default 120 s (or that of a given {@link #okHttpClient}).
         * A slow drip cannot hang a call.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        /** Text appended to the {@code pars-java/x.y} User-Agent, e.g. your LMS and version. */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent").strip();
            ParsCredentials.headerSafe(this.userAgent, "userAgent");
            return this;
        }

        /**
         * An OkHttpClient to derive from (proxies, TLS, pools); its connection pool is shared and
         * its timeouts are kept unless a timeout is also set on this builder, except that a call
         * timeout of none (OkHttp's default) becomes 120 s so a slow drip cannot hang a call.
         */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
            return this;
        }

        /** The SLF4J logger; default {@code org.parsjava.client.ParsClient}. */
        public Builder logger(Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * The rules catalogue: which boards and credit types exist and their rules (default:
         * {@link RulesCatalogue#defaults()}). Used by the default validator and to read board
         * and credit type names from PARS; a validator set with {@link #validator} brings its own.
         */
        public Builder rules(RulesCatalogue rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** The validator applied before sending; default one on this builder's clock and rules. */
        public Builder validator(ParsValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** The clock for deadlines, document timestamps and the default validator. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** What waits between retries; tests pass one that does not sleep. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Learner reports per request, 1-1000; default 100 (PARS publishes no limit). */
        public Builder chunkSize(int chunkSize) {
            if (chunkSize < 1 || chunkSize > 1000) {
                throw new IllegalArgumentException("chunkSize must be between 1 and 1000");
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /**
         * Requests in flight at once across all threads of this client, and the number of chunks
         * one {@code submit} or {@code delete} keeps in flight; default 1, as PARS publishes no
         * limit and is assumed to want one in-flight call per provider credential (docs/pars-reference.md
         * 2.8). Against a remote PARS each request costs a round trip, so throughput grows about
         * linearly with this value (about {@code value × chunkSize ÷ round trip} records per
         * second) until PARS answers 429 or slows down: raise it only as far as ACCME allows for
         * your credential, and watch for rate-limit answers (they are retried, but cost time).
         */
        public Builder maxConcurrentRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
            }
            this.maxConcurrentRequests = max;
            return this;
        }

        /** Where the {@code *Async} methods run; default a client-owned daemon pool. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException naming every missing or invalid setting
         */
        public ParsClient build() {
            StringBuilder problems = new StringBuilder();
            HttpUrl url = null;
            if (baseUrl == null) {
                problems.append("; baseUrl (or environment) is required");
            } else {
                url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
                if (url == null) {
                    problems.append("; baseUrl is not an http(s) URL");
                } else if (!url.isHttps() && !isLoopback(url.host())) {
                    problems.append("; baseUrl must use https (PARS requires TLS 1.2+); plain http is allowed "
                            + "only on a loopback address");
                }
            }
            if (credentials == null) {
                problems.append("; credentials are required");
            }
            if (providerId == null) {
                problems.append("; providerId is required");
            } else if (!SEVEN_DIGITS.matcher(providerId).matches()) {
                problems.append("; providerId must be the 7-digit ACCME provider ID (keep leading zeros)");
            }
            if (providerName == null || providerName.isEmpty()) {
                problems.append("; providerName (the accredited provider's name) is required");
            }
            if (problems.length() > 0) {
                throw new IllegalStateException("Invalid ParsClient configuration: " + problems.substring(2));
            }
            return new ParsClient(this, url);
        }

        private static final java.util.regex.Pattern SEVEN_DIGITS = java.util.regex.Pattern.compile("[0-9]{7}");
        private static final java.util.regex.Pattern IPV4_LITERAL =
                java.util.regex.Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

        private static boolean isLoopback(String host) {
            if (host.equals("localhost")) {
                return true;
            }
            try {
                // Only literal addresses are checked, so no DNS lookup happens here.
                if (IPV4_LITERAL.matcher(host).matches() || host.indexOf(':') >= 0) {
                    return InetAddress.getByName(host).isLoopbackAddress();
                }
            } catch (UnknownHostException e) {
                return false;
            }
            return false;
        }
    }
}
