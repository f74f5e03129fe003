/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.client.ParsEventListener;
import org.parsjava.client.RetryPolicy;
import org.parsjava.client.Sleeper;
import org.parsjava.client.exception.ParsApiException;
import org.parsjava.client.exception.ParsException;
import org.parsjava.client.exception.ParsTransportException;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.model.Learner;
import org.slf4j.Logger;

/**
 * Sends requests to PARS: one attempt at a time ({@link #once}), or with the retry policy
 * ({@link #call}). Logs one DEBUG line per attempt and redacted bodies at TRACE. Thread safe.
 */
public final class Transport {

    /** Largest response body read; PARS answers are small, a larger one is refused. */
    static final long MAX_BODY = 16L * 1024 * 1024;

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final ParsEndpoints endpoints;
    private final ParsCodec codec;
    private final MediaType mediaType;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Logger log;
    private final Semaphore permits;
    private final int maxConcurrentRequests;
    private volatile boolean closed;
    private final ParsEventListener listener;

    /** Creates the transport; {@code http} already carries authentication and user agent. */
    public Transport(
            OkHttpClient http,
            HttpUrl baseUrl,
            ParsEndpoints endpoints,
            ParsCodec codec,
            RetryPolicy policy,
            Clock clock,
            Sleeper sleeper,
            Logger log,
            int maxConcurrentRequests,
            ParsEventListener listener) {
        this.listener = listener;
        this.http = http;
        this.baseUrl = baseUrl;
        this.endpoints = endpoints;
        this.codec = codec;
        this.mediaType = MediaType.get(codec.mediaType());
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.log = log;
        this.permits = new Semaphore(maxConcurrentRequests, true);
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    /** Tells the listener; a listener's failure is logged and otherwise ignored. */
    public void emit(java.util.function.Consumer<ParsEventListener> event) {
        if (listener == ParsEventListener.NONE) {
            return;
        }
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            log.warn("PARS event listener failed: {}", e.getClass().getName());
        }
    }

    private void requestFinished(Operation op, int status, IOException failure, long startNanos, int attempt) {
        Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
        emit(l -> l.requestFinished(new ParsEventListener.RequestEvent(
                op, status, Optional.ofNullable(failure).map(f -> f.getClass().getSimpleName()), d, attempt)));
    }

    /** Requests allowed in flight at once across the client. */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** Refuses every later request: the client was closed. */
    public void close() {
        closed = true;
    }

    /**
     * Fails fast once the client is closed.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this ParsClient is closed; build a new one");
        }
    }

    /**
     * Runs {@code work} on {@code executor}, failing fast (not with a raw
     * {@code RejectedExecutionException}) once the client is closed.
     */
    public <T> java.util.concurrent.CompletableFuture<T> async(
            java.util.function.Supplier<T> work, java.util.concurrent.Executor executor) {
        ensureOpen();
        try {
            return java.util.concurrent.CompletableFuture.supplyAsync(work, executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("this ParsClient is closed or its executor refused the call", e);
        }
    }

    /** The codec bodies are written with. */
    public ParsCodec codec() {
        return codec;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** A retry budget for one logical request of {@code op}. */
    public Budget budget(Operation op) {
        return new Budget(op);
    }

    /**
     * One attempt.
     *
     * @throws IOException when the exchange failed; see {@link #maybeApplied(IOException)}
     */
    public HttpResult once(Operation op, Map<Parameter, String> params, byte[] body, int attempt) throws IOException {
        ParsEndpoints.Endpoint endpoint = endpoints.endpoint(op);
        String method = endpoint.method();
        Request.Builder request = request(op, endpoint, params, body);
        if (log.isTraceEnabled() && body != null && body.length > 0) {
            log.trace("PARS {} request body (redacted): {}", op.parsName(), codec.redact(body));
        }
        long start = System.nanoTime();
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a free PARS connection slot");
        }
        try {
            Call call = http.newCall(request.build());
            try (Response response = call.execute()) {
                byte[] bytes = read(response.body());
                long ms = (System.nanoTime() - start) / 1_000_000;
                log.debug(
                        "PARS {} {} /{} -> {} in {} ms (attempt {})",
                        op.parsName(),
                        method,
                        endpoint.pathTemplate(),
                        response.code(),
                        ms,
                        attempt);
                requestFinished(op, response.code(), null, start, attempt);
                if (log.isTraceEnabled() && bytes.length > 0) {
                    log.trace("PARS {} response body (redacted): {}", op.parsName(), codec.redact(bytes));
                }
                return new HttpResult(
                        response.code(),
                        response.header("Retry-After"),
                        bytes,
                        attempt,
                        response.header("Content-Type"));
            }
        } catch (IOException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            log.debug(
                    "PARS {} {} /{} -> {} in {} ms (attempt {})",
                    op.parsName(),
                    method,
                    endpoint.pathTemplate(),
                    e.getClass().getSimpleName(),
                    ms,
                    attempt);
            requestFinished(op, 0, e, start, attempt);
            throw e;
        } catch (IllegalArgumentException e) {
            // OkHttp refused the request (a header value) before sending a byte. Its message may
            // quote the value (a credential), so neither the message nor the exception is passed on.
            throw new ParsTransportException(
                    op,
                    "PARS " + op.parsName() + " request was not sent: "
                            + "OkHttp refused it (" + e.getClass().getSimpleName() + "; check header values such as "
                            + "the user agent and credentials)",
                    false,
                    null,
                    0);
        } finally {
            permits.release();
        }
    }

    /**
     * The request of one attempt. The URL carries the parameters (personal data in transcript
     * and status-by-learner queries): it is never logged; logs name the path template only.
     */
    private Request.Builder request(
            Operation op, ParsEndpoints.Endpoint endpoint, Map<Parameter, String> params, byte[] body) {
        ParsEndpoints.Resolved resolved = endpoint.resolve(params);
        HttpUrl.Builder url = baseUrl.newBuilder().addEncodedPathSegments(resolved.path());
        resolved.query().forEach(url::addQueryParameter);
        Request.Builder request = new Request.Builder().url(url.build()).header("Accept", accept(op));
        switch (endpoint.method()) {
            case "POST" -> request.post(RequestBody.create(body == null ? new byte[0] : body, mediaType));
            case "DELETE" -> request.delete();
            default -> request.get();
        }
        return request;
    }

    private String accept(Operation op) {
        return switch (op) {
            case GET_LEARNER_TRANSCRIPT_PDF -> "application/pdf";
            // Only the draft describes transcripts, and only in JSON.
            case GET_LEARNER_TRANSCRIPT, GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE -> "application/json";
            default -> codec.mediaType();
        };
    }

    /** The endpoints in use. */
    public ParsEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Streams a successful answer's body to {@code out}, retrying (within the policy) only
     * while nothing has been written: a failure after the first byte ends the call with a
     * transport exception, since {@code out} then holds part of a document.
     *
     * @param personal values the query carries, kept out of exception messages
     * @return the bytes written
     * @throws ParsException for a non-success answer (404 included) or when retries run out
     * @throws java.io.UncheckedIOException when writing to {@code out} fails (not retried)
     */
    public long download(
            Operation op, Map<Parameter, String> params, java.io.OutputStream out, java.util.List<String> personal) {
        Budget budget = budget(op);
        ParsEndpoints.Endpoint endpoint = endpoints.endpoint(op);
        while (true) {
            int attempt = budget.next();
            HttpResult failed;
            IOException noAnswer = null;
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Failures.transport(op, new InterruptedIOException("interrupted"), false, attempt);
            }
            long start = System.nanoTime();
            boolean writing = false;
            try (Response response =
                    http.newCall(request(op, endpoint, params, null).build()).execute()) {
                log.debug(
                        "PARS {} {} /{} -> {} (attempt {})",
                        op.parsName(),
                        endpoint.method(),
                        endpoint.pathTemplate(),
                        response.code(),
                        attempt);
                requestFinished(op, response.code(), null, start, attempt);
                if (endpoint.isSuccess(response.code())) {
                    BufferedSource source = response.body().source();
                    Buffer buffer = new Buffer();
                    long written = 0;
                    while (source.read(buffer, 8192) != -1) {
                        writing = true; // from here on, out may hold part of the document
                        try {
                            written += buffer.size();
                            buffer.copyTo(out, 0, buffer.size());
                            buffer.clear();
                        } catch (IOException e) {
                            // The caller's stream failed, not PARS: never retried, never blamed on PARS.
                            throw new java.io.UncheckedIOException(
                                    "writing the " + op.parsName() + " answer failed", e);
                        }
                    }
                    try {
                        out.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("writing the " + op.parsName() + " answer failed", e);
                    }
                    return written;
                }
                failed = new HttpResult(
                        response.code(),
                        response.header("Retry-After"),
                        read(response.body()),
                        attempt,
                        response.header("Content-Type"));
            } catch (IOException e) {
                requestFinished(op, 0, e, start, attempt);
                if (writing) {
                    throw Failures.transport(op, e, false, attempt);
                }
                noAnswer = e;
                failed = null;
            } catch (IllegalArgumentException e) {
                // OkHttp refused the request before sending; its message may quote a header value.
                throw new ParsTransportException(
                        op,
                        "PARS " + op.parsName() + " request was not sent: OkHttp refused it ("
                                + e.getClass().getSimpleName() + ")",
                        false,
                        null,
                        0);
            } finally {
                permits.release(); // before any wait: a retry's sleep holds no request slot
            }
            if (noAnswer != null) {
                if (!budget.waitBeforeRetry(ParsEventListener.RetryReason.NO_ANSWER, null)) {
                    throw Failures.transport(op, noAnswer, false, attempt);
                }
                continue;
            }
            boolean retryable = retryableNotApplied(failed.status()) || retryableUnknown(failed.status());
            if (failed.status() == 404 || !retryable || !budget.waitBeforeRetry(failed)) {
                throw Failures.of(codec, clock, op, failed, attempt, null, false, personal);
            }
        }
    }

    private static byte[] read(ResponseBody body) throws IOException {
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (!source.exhausted()) {
            source.read(buffer, 8192);
            if (buffer.size() > MAX_BODY) {
                throw new IOException("PARS answered with a body larger than " + MAX_BODY + " bytes");
            }
        }
        return buffer.readByteArray();
    }

    /**
     * Whether a failed exchange may have reached PARS: false only when the connection was never
     * made (refused, unknown host, no route, TLS handshake failed). Any other TLS failure may
     * happen after the request was written, so its outcome is unknown.
     */
    public static boolean maybeApplied(IOException e) {
        return !(e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || e instanceof SSLHandshakeException);
    }

    /** True for statuses that mean PARS did not apply the request and asks to try again. */
    public static boolean retryableNotApplied(int status) {
        return status == 408 || status == 429 || status == 503;
    }

    /** True for statuses after which the request may or may not have been applied. */
    public static boolean retryableUnknown(int status) {
        return status >= 500 && status != 503 && status != 501 && status != 505;
    }

    /**
     * Calls {@code op} with retries. With {@code idempotent}, every retryable failure is retried;
     * without, only failures where PARS cannot have applied the request are (connection never
     * made, 408, 429, 503), and an unknown outcome is thrown at once.
     *
     * @return a 2xx or 404 answer
     * @throws ParsException for any other answer or when retries run out
     */
    public HttpResult call(Operation op, Map<Parameter, String> query, byte[] body, boolean idempotent) {
        return call(op, query, body, idempotent, java.util.List.of());
    }

    /**
     * {@link #call(Operation, Map, byte[], boolean)} about one learner: that learner's own values
     * are removed from PARS's text before it goes into an exception.
     */
    public HttpResult call(
            Operation op, Map<Parameter, String> query, byte[] body, boolean idempotent, Learner subject) {
        return call(op, query, body, idempotent, subject == null ? java.util.List.of() : personalValues(subject));
    }

    private static java.util.List<String> personalValues(Learner l) {
        java.util.List<String> values = new java.util.ArrayList<>(java.util.List.of(l.firstName(), l.lastName()));
        l.license().ifPresent(x -> values.add(x.number()));
        values.addAll(l.boardIds().values());
        return values;
    }

    /**
     * {@link #call(Operation, Map, byte[], boolean)} whose query or path carries personal values
     * (names, license numbers, identifiers): they are removed from PARS's text before it goes
     * into an exception. A 2xx the endpoint does not list as success is an error too (for a
     * write, with an unknown outcome).
     */
    public HttpResult call(
            Operation op,
            Map<Parameter, String> query,
            byte[] body,
            boolean idempotent,
            java.util.List<String> personal) {
        Budget budget = budget(op);
        ParsEndpoints.Endpoint endpoint = endpoints.endpoint(op);
        while (true) {
            int attempt = budget.next();
            HttpResult r;
            try {
                r = once(op, query, body, attempt);
            } catch (IOException e) {
                boolean unknown = maybeApplied(e);
                if ((unknown && !idempotent)
                        || !budget.waitBeforeRetry(ParsEventListener.RetryReason.NO_ANSWER, null)) {
                    throw Failures.transport(op, e, unknown, attempt);
                }
                continue;
            }
            if (endpoint.isSuccess(r.status()) || r.status() == 404) {
                return r;
            }
            boolean retryable = retryableNotApplied(r.status()) || (idempotent && retryableUnknown(r.status()));
            if (!retryable || !budget.waitBeforeRetry(r)) {
                boolean unlisted = r.isSuccess();
                throw Failures.of(
                        codec,
                        clock,
                        op,
                        r,
                        attempt,
                        null,
                        !idempotent && (unlisted || retryableUnknown(r.status())),
                        personal);
            }
        }
    }

    /** The exception for a non-success answer. */
    public ParsApiException toException(Operation op, HttpResult r, int attempts) {
        return toException(op, r, attempts, null);
    }

    /** The exception for a non-success answer, carrying a partial submission result on 401/403. */
    public ParsApiException toException(
            Operation op, HttpResult r, int attempts, org.parsjava.client.SubmissionResult partial) {
        return Failures.of(codec, clock, op, r, attempts, partial, false, java.util.List.of());
    }

    /**
     * Attempts and time left for one logical request. Not thread safe: one per request.
     */
    public final class Budget {
        private final Instant start = clock.instant();
        private final Operation op;
        private int attempts;

        private Budget(Operation op) {
            this.op = op;
        }

        /** {@link #waitBeforeRetry(ParsEventListener.RetryReason, String)} after an answer with a failure status. */
        public boolean waitBeforeRetry(HttpResult r) {
            int status = r.status();
            ParsEventListener.RetryReason reason = status == 429
                    ? ParsEventListener.RetryReason.RATE_LIMITED
                    : status == 408 || status == 503
                            ? ParsEventListener.RetryReason.UNAVAILABLE
                            : ParsEventListener.RetryReason.SERVER_ERROR;
            return waitBeforeRetry(reason, r.retryAfter());
        }

        /** Counts and returns the number of the attempt about to be made. */
        public int next() {
            return ++attempts;
        }

        /** Attempts made so far. */
        public int attempts() {
            return attempts;
        }

        /**
         * Waits before the next attempt: {@code Retry-After} when given, otherwise full-jitter
         * exponential backoff.
         *
         * @return false, without waiting, when no attempt or time is left
         */
        public boolean waitBeforeRetry(ParsEventListener.RetryReason reason, String retryAfterHeader) {
            if (attempts >= policy.maxAttempts()) {
                return false;
            }
            Instant now = clock.instant();
            Optional<Duration> asked = RetryAfter.parse(retryAfterHeader, now);
            Duration wait = asked.orElseGet(() -> Duration.ofMillis(ThreadLocalRandom.current()
                    .nextLong(policy.backoffCap(attempts).toMillis() + 1)));
            // Compared as durations: a Retry-After of years must end the retries, not overflow an Instant.
            Duration left = policy.totalDeadline().minus(Duration.between(start, now));
            if (wait.compareTo(left) > 0) {
                return false;
            }
            int failed = attempts;
            emit(l -> l.retryScheduled(new ParsEventListener.RetryEvent(op, reason, failed, wait)));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        }
    }
}
