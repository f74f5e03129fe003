/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import org.parsjava.client.ParsClient;
import org.parsjava.ledger.ReportingLedger;

/**
 * A ledger opened to be shown (the dashboard), with the clock it was opened with (the pages'
 * too) and the client it was opened through when that is not the connection's own (the demo
 * ledger's earlier simulator). Closing it closes the ledger and that client.
 *
 * @param ledger the ledger
 * @param clock the ledger's clock
 * @param ownClient the client opened for it, or null when it is the connection's
 */
record ShownLedger(ReportingLedger ledger, java.time.Clock clock, ParsClient ownClient) implements AutoCloseable {

    @Override
    public void close() {
        try {
            ledger.close();
        } finally {
            if (ownClient != null) {
                ownClient.close();
            }
        }
    }
}
