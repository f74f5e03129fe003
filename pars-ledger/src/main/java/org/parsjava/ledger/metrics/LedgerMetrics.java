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
 */
public final class LedgerMetrics {

    private LedgerMetrics() {
    }

    /** The per-state counts, read at most once a second for all the state gauges. */
    private static final class Counts {
        private final ReportingLedger ledger;
        private java.util.Map<EntryState, Long> last = java.util.Map.of();
        private long readAt;

        Counts(ReportingLedger ledger) {
            this.ledger = ledger;
        }

        synchronized double of(EntryState state) {
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
        Counts counts = new Counts(ledger);
        for (EntryState state : EntryState.values()) {
            Gauge.builder("pars.ledger.entries", counts, c -> c.of(state))
                    .description("Ledger entries by state").tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("pars.ledger.at.risk", ledger, l -> l.countAtRisk(atRiskWithin))
                .description("Unsettled entries due within " + atRiskWithin.toDays() + " days").register(registry);
        Gauge.builder("pars.ledger.overdue", ledger, ReportingLedger::countOverdue)
                .description("Entries past their due date and not with PARS").register(registry);
    }
}
