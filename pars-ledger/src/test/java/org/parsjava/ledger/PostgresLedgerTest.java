/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger contract on PostgreSQL: a real server, started from Maven Central binaries. */
class PostgresLedgerTest extends LedgerContractTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Test
    void aLedgerOpenedByUrlHasTheDriverBatchInsertsAsMultiRowStatements() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (com.zaxxer.hikari.HikariDataSource pool = org.parsjava.ledger.internal.LedgerPool.open(url, null, null)) {
            org.junit.jupiter.api.Assertions.assertEquals(
                    "true", pool.getDataSourceProperties().getProperty("reWriteBatchedInserts"));
        }
        try (ReportingLedger byUrl = ReportingLedger.builder()
                .jdbcUrl(url, null, null)
                .client(client)
                .key(KEY)
                .clock(clock)
                .build()) {
            java.util.List<org.parsjava.core.model.LearnerCompletion> cs = completions(1_200, false);
            byUrl.recordAll(cs, c -> null);
            org.junit.jupiter.api.Assertions.assertEquals(1_200L, byUrl.counts().get(EntryState.PENDING));
            org.junit.jupiter.api.Assertions.assertEquals(1_200, byUrl.drain().accepted());
            for (org.parsjava.core.model.LearnerCompletion c : List.of(cs.get(0), cs.get(599), cs.get(1_199))) {
                org.junit.jupiter.api.Assertions.assertEquals(
                        List.of(EntryState.PENDING, EntryState.ACCEPTED),
                        byUrl.history(c.activity().providerId(), c.completionKey()).stream()
                                .map(Transition::to)
                                .toList(),
                        "every transition row written");
            }
        }
    }
}
