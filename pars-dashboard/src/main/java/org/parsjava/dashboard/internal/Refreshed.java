/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.ReportingLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries by state, counted in the background: counting a million entries takes H2 a third of a
 * second or more, longer than a page may take, so a page shows the last count (with when it was
 * made) and a count older than {@link #MAX_AGE} is redone behind it. The first count starts when
 * the dashboard is put in service ({@link #refresh}), its thread only then. Thread safe.
 */
final class StateCounts {

    private static final Logger LOG = LoggerFactory.getLogger(StateCounts.class);

    /** How old a count may be before a page asks for a new one. */
    static final Duration MAX_AGE = Duration.ofSeconds(15);

    /** A count and when it was made. */
    record Snapshot(Map<EntryState, Long> counts, Instant at) {}

    private final ReportingLedger ledger;
    private final Clock clock;
    private ExecutorService worker;
    private boolean running;
    private boolean again;
    private boolean closed;
    private volatile Snapshot last;

    StateCounts(ReportingLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The last count; when there is none yet, waits for one. A stale one starts a new count. */
    Snapshot get() {
        Snapshot s = last;
        if (s == null) {
            synchronized (this) {
                if (last == null) {
                    last = count();
                }
                return last;
            }
        }
        if (Duration.between(s.at(), clock.instant()).compareTo(MAX_AGE) > 0) {
            refresh();
        }
        return s;
    }

    /**
     * Counts again in the background: now, or, when a count is running (it may have read the
     * ledger before the change that asks for this one), once more after it. Never throws.
     */
    synchronized void refresh() {
        if (closed) {
            return;
        }
        if (running) {
            again = true;
            return;
        }
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "pars-dashboard-counts");
                t.setDaemon(true);
                return t;
            });
        }
        running = true;
        worker.execute(this::countUntilCurrent);
    }

    private void countUntilCurrent() {
        boolean more = true;
        while (more) {
            try {
                last = count();
            } catch (RuntimeException e) {
                LOG.warn(
                        "PARS dashboard: counting entries by state failed with {}",
                        e.getClass().getName());
            }
            synchronized (this) {
                more = again && !closed;
                again = false;
                running = more;
            }
        }
    }

    private Snapshot count() {
        Instant at = clock.instant();
        return new Snapshot(Map.copyOf(ledger.counts()), at);
    }

    /** Stops the background thread; later refreshes do nothing. */
    synchronized void close() {
        closed = true;
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
