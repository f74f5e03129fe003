/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure of the whole ledger, made in the background: counting a million entries by state
 * takes H2 a third of a second or more, their transitions by day more than a second, longer than
 * a page may take, so a page shows the last one made (with when it was made) and one older than
 * {@link #MAX_AGE} is made again behind it. The first starts when the dashboard is put in service
 * ({@link #refresh}), its thread only then. Thread safe.
 *
 * @param <T> the figure
 */
final class Refreshed<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Refreshed.class);

    /** How old a figure may be before a page asks for a new one. */
    static final Duration MAX_AGE = Duration.ofSeconds(15);

    /** A figure and when it was made. */
    record Snapshot<T>(T value, Instant at) {}

    private final Supplier<T> make;
    private final Clock clock;
    private final String what;
    private ExecutorService worker;
    private boolean running;
    private boolean again;
    private boolean closed;
    private volatile Snapshot<T> last;

    /**
     * A figure {@code make} makes, timed by {@code clock}; {@code what} names it in a log line and
     * its thread (no ledger data).
     */
    Refreshed(Supplier<T> make, Clock clock, String what) {
        this.make = make;
        this.clock = clock;
        this.what = what;
    }

    /**
     * The last figure; when there is none yet, waits for the one being made (the first begins when
     * the dashboard is put in service), or makes one when that failed. A stale one starts a new
     * one.
     */
    Snapshot<T> get() {
        Snapshot<T> s = last;
        if (s == null) {
            synchronized (this) {
                if (last == null && !running) {
                    refresh();
                }
                while (last == null && running && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                s = last;
            }
            if (s == null) { // the background one failed: the page tries, and shows its failure
                s = make();
                last = s;
            }
            return s;
        }
        if (Duration.between(s.at(), clock.instant()).compareTo(MAX_AGE) > 0) {
            refresh();
        }
        return s;
    }

    /**
     * Makes the figure again in the background: now, or, when one is being made (it may have read
     * the ledger before the change that asks for this one), once more after it. Never throws.
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
                Thread t = new Thread(r, "pars-dashboard-" + what.replace(' ', '-'));
                t.setDaemon(true);
                return t;
            });
        }
        running = true;
        worker.execute(this::makeUntilCurrent);
    }

    private void makeUntilCurrent() {
        boolean more = true;
        try {
            while (more) {
                try {
                    last = make();
                } catch (RuntimeException e) {
                    LOG.warn(
                            "PARS dashboard: {} failed with {}",
                            what,
                            e.getClass().getName());
                }
                synchronized (this) {
                    more = again && !closed;
                    again = false;
                    running = more;
                    notifyAll();
                }
            }
        } finally {
            if (more) { // an error: later refreshes may begin again
                synchronized (this) {
                    running = false;
                    notifyAll();
                }
            }
        }
    }

    private Snapshot<T> make() {
        Instant at = clock.instant();
        return new Snapshot<>(make.get(), at);
    }

    /** Stops the background thread; later refreshes do nothing (a page then makes its own). */
    synchronized void close() {
        closed = true;
        notifyAll();
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
