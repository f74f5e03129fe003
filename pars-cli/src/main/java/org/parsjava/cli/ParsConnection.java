/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.time.Clock;
import org.parsjava.client.ParsClient;
import org.parsjava.testkit.ParsSimulator;

/**
 * A started connection: the client, the embedded simulator for a demo (else null), "today", and
 * where it reports in words. Closing it stops both.
 */
record ParsConnection(ParsClient client, ParsSimulator simulator, Clock clock, String description)
        implements AutoCloseable {

    boolean simulated() {
        return simulator != null;
    }

    @Override
    public void close() {
        client.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
