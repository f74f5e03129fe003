/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import java.time.Duration;
import org.parsjava.ledger.LedgerWorker;
import org.parsjava.ledger.ReportingLedger;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the ledger's worker while the application context runs: started after every bean is
 * ready, stopped (waiting for a running pass) before the ledger and the client close.
 */
public final class ParsLedgerWorkerLifecycle implements SmartLifecycle {

    private final ReportingLedger ledger;
    private final Duration interval;
    private volatile LedgerWorker worker;

    /** A lifecycle for {@code ledger}'s worker, running every {@code interval}. */
    public ParsLedgerWorkerLifecycle(ReportingLedger ledger, Duration interval) {
        this.ledger = java.util.Objects.requireNonNull(ledger, "ledger");
        this.interval = java.util.Objects.requireNonNull(interval, "interval");
    }

    @Override
    public synchronized void start() {
        if (worker == null) {
            worker = ledger.startWorker(interval);
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
