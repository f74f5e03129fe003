/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.ReportingLedger;

/**
 * Micrometer gauges of a {@link ReportingLedger}: {@code pars.ledger.entries} (tagged
 * {@code state}), {@code pars.ledger.at.risk} (unsettled entries due within the window given)
 * and {@code pars.ledger.overdue}. A scrape costs three counting queries: the per-state counts
 * are read once (one {@code group by}) and shared by every state's gauge for a second. Micrometer is an optional dependency of
 * pars-ledger: only this class needs it. Tags carry states only, never personal data.
 *
 * <p>As with any Micrometer gauge, the registry holds the ledger weakly: the gauges read
 * {@code NaN} once the application has let go of the ledger, and never keep it alive.
 */
public final class LedgerMetrics {

    private LedgerMetrics() {}

    /**
     * The per-state counts, read at most once a second for all the state gauges. It holds no
     * reference to the ledger: each gauge's state object is the ledger itself, so that nothing
     * the gauges need can be collected while the application still holds the ledger.
     */
    private static final class Counts {
        private java.util.Map<EntryState, Long> last = java.util.Map.of();
        private long readAt;

        synchronized double of(ReportingLedger ledger, EntryState state) {
            long now = System.nanoTime();
            if (readAt == 0 || now - readAt > 1_000_000_000L) {
                last = ledger.counts();
                readAt = now;
            }
            return last.getOrDefault(state, 0L);
        }
    }

    /** Registers the gauges of {@code ledger} in {@code registry}. */
    public static void bind(ReportingLedger ledger, MeterRegistry registry, Duration atRiskWithin) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(atRiskWithin, "atRiskWithin");
        Counts counts = new Counts();
        for (EntryState state : EntryState.values()) {
            Gauge.builder("pars.ledger.entries", ledger, l -> counts.of(l, state))
                    .description("Ledger entries by state")
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("pars.ledger.at.risk", ledger, l -> l.countAtRisk(atRiskWithin))
                .description("Unsettled entries due within " + atRiskWithin.toDays() + " days")
                .register(registry);
        Gauge.builder("pars.ledger.overdue", ledger, ReportingLedger::countOverdue)
                .description("Entries past their due date and not with PARS")
                .register(registry);
    }
}
