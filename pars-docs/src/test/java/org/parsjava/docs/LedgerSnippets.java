/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import java.time.Duration;
import javax.sql.DataSource;
import org.parsjava.client.ParsClient;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.LedgerWorker;
import org.parsjava.ledger.ReportingLedger;

/** docs/ledger.md. */
final class LedgerSnippets {

    private LedgerSnippets() {}

    static LedgerWorker start(DataSource dataSource, ParsClient parsClient, String key, LearnerCompletion completion) {
        // tag::ledger[]
        ReportingLedger ledger = ReportingLedger.builder()
                .dataSource(dataSource) // your pool; or .jdbcUrl("jdbc:h2:file:./pars-ledger", null, null)
                .client(parsClient)
                .key(LedgerKey.fromBase64(key)) // e.g. System.getenv("PARS_LEDGER_KEY")
                .build(); // creates or migrates its tables (Flyway)
        ledger.record(completion); // when the learner completes; idempotent
        LedgerWorker worker = ledger.startWorker(Duration.ofMinutes(1)); // sends what is due; close() at shutdown
        // end::ledger[]
        return worker;
    }
}
