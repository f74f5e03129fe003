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
 * and {@code pars.ledger.overdue}. Each reading counts in the database, so registries that
 * scrape every few seconds cost a few small queries. Micrometer is an optional dependency of
 * pars-ledger: only this class needs it. Tags carry states only, never personal data.
 */
public final class LedgerMetrics {

    private LedgerMetrics() {
    }

    /** Registers the gauges of {@code ledger} in {@code registry}. */
    public static void bind(ReportingLedger ledger, MeterRegistry registry, Duration atRiskWithin) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(atRiskWithin, "atRiskWithin");
        for (EntryState state : EntryState.values()) {
            Gauge.builder("pars.ledger.entries", ledger, l -> l.counts().getOrDefault(state, 0L))
                    .description("Ledger entries by state").tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("pars.ledger.at.risk", ledger, l -> l.countAtRisk(atRiskWithin))
                .description("Unsettled entries due within " + atRiskWithin.toDays() + " days").register(registry);
        Gauge.builder("pars.ledger.overdue", ledger, ReportingLedger::countOverdue)
                .description("Entries past their due date and not with PARS").register(registry);
    }
}
