/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import org.parsjava.client.ParsEventListener;

/**
 * Micrometer metrics of a {@code ParsClient}: pass it as the client's event listener
 * ({@code ParsClient.builder().eventListener(new ParsMetrics(registry))}). Micrometer is an
 * optional dependency of pars-client: this class needs {@code micrometer-core} on the class
 * path; nothing else does. Tag values are operation names, statuses, reasons and outcomes only,
 * never personal data.
 *
 * <ul>
 *   <li>{@code pars.requests} (timer): every HTTP exchange, tagged {@code operation} (PARS's
 *       name, e.g. {@code SaveLearnerActivity}; status lookups are
 *       {@code GetLearnerStatusByCreditId}), {@code status} ({@code 200}, or {@code none}
 *       without an answer) and {@code outcome} ({@code success}, {@code client_error},
 *       {@code server_error}, {@code no_answer});
 *   <li>{@code pars.retries} (counter): tagged {@code operation} and {@code reason}
 *       ({@code no_answer}, {@code rate_limited}, {@code unavailable}, {@code server_error},
 *       {@code not_held});
 *   <li>{@code pars.records} (counter): records settled, tagged {@code operation},
 *       {@code action} ({@code add}, {@code delete}) and {@code outcome} ({@code accepted},
 *       {@code rejected}, {@code invalid}, {@code failed}).
 * </ul>
 */
public final class ParsMetrics implements ParsEventListener {

    private final MeterRegistry registry;

    /** Metrics registered in {@code registry}. */
    public ParsMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void requestFinished(RequestEvent e) {
        String outcome = e.status() == 0
                ? "no_answer"
                : e.status() < 400 ? "success" : e.status() < 500 ? "client_error" : "server_error";
        Timer.builder("pars.requests")
                .description("HTTP exchanges with PARS")
                .tag("operation", e.operation().parsName())
                .tag("status", e.status() == 0 ? "none" : Integer.toString(e.status()))
                .tag("outcome", outcome)
                .register(registry)
                .record(e.duration());
    }

    @Override
    public void retryScheduled(RetryEvent e) {
        Counter.builder("pars.retries")
                .description("Retries the client waited for")
                .tag("operation", e.operation().parsName())
                .tag("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    @Override
    public void recordsSettled(RecordsEvent e) {
        Counter.builder("pars.records")
                .description("Learner records settled, by outcome")
                .tag("operation", e.operation().parsName())
                .tag("action", e.action().name().toLowerCase(java.util.Locale.ROOT))
                .tag("outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment(e.count());
    }
}
