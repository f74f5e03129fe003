/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import java.io.IOException;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.client.ParsEventListener;
import org.parsjava.client.RetryPolicy;
import org.parsjava.client.Sleeper;
import org.parsjava.client.internal.HttpResult;
import org.parsjava.client.internal.Transport;
import org.parsjava.core.codec.ParsCodec;
import org.slf4j.LoggerFactory;

/**
 * A conformance run's exchanges with PARS: one attempt each, no retries and no interpretation,
 * with the client's own transport (its credentials, headers and request shapes), so what is
 * observed is what the client would meet.
 */
final class Probe {

    /** An exchange: its evidence, and the answer (null when none came). */
    record Exchange(Observation observation, HttpResult result) {
        boolean answered() {
            return result != null;
        }

        int status() {
            return result == null ? 0 : result.status();
        }

        byte[] body() {
            return result == null ? new byte[0] : result.body();
        }
    }

    private static final int SHAPE_MAX = 400;

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final ParsCodec codec;
    private final Clock clock;
    private final Map<ParsEndpoints, Transport> transports = new IdentityHashMap<>();

    Probe(OkHttpClient http, HttpUrl baseUrl, ParsCodec codec, Clock clock) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.codec = codec;
        this.clock = clock;
    }

    /** One attempt of {@code op} as {@code endpoints} route it. */
    Exchange call(ParsEndpoints endpoints, Operation op, Map<Parameter, String> params, byte[] body) {
        Transport t = transports.computeIfAbsent(
                endpoints,
                e -> new Transport(
                        http,
                        baseUrl,
                        e,
                        codec,
                        RetryPolicy.builder().maxAttempts(1).build(),
                        clock,
                        Sleeper.SYSTEM,
                        LoggerFactory.getLogger(ConformanceRun.class),
                        1,
                        ParsEventListener.NONE));
        ParsEndpoints.Endpoint endpoint = endpoints.endpoint(op);
        try {
            HttpResult r = t.once(op, params, body, 1);
            String type = r.contentType() == null ? "" : r.contentType();
            return new Exchange(
                    new Observation(op, endpoint.method(), endpoint.pathTemplate(), r.status(), type, shape(r.body())),
                    r);
        } catch (IOException e) {
            return new Exchange(
                    new Observation(
                            op,
                            endpoint.method(),
                            endpoint.pathTemplate(),
                            0,
                            "",
                            "(" + e.getClass().getSimpleName() + ")"),
                    null);
        }
    }

    private String shape(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        String redacted = codec.redact(body).replaceAll("\\s+", " ").strip();
        return redacted.length() <= SHAPE_MAX ? redacted : redacted.substring(0, SHAPE_MAX) + "...";
    }
}
