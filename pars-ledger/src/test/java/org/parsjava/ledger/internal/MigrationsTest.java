/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void theLatestVersionIsTheHighestMigrationFlywayApplies() throws Exception {
        HikariDataSource pool = LedgerPool.open("jdbc:h2:file:" + dir.resolve("ledger"), null, null);
        try (pool;
                Connection c = pool.getConnection();
                Statement st = c.createStatement()) {
            Migrations.migrate(pool); // a new database: Flyway creates the tables
            // H2 writes a statement that failed to a trace file beside the database: none failed.
            assertFalse(java.nio.file.Files.exists(dir.resolve("ledger.trace.db")), "nothing traced by H2");
            try (ResultSet rs = st.executeQuery(Migrations.HISTORY_READ)) {
                assertTrue(rs.next());
                assertEquals(Migrations.LATEST_VERSION, rs.getInt(1), "raise LATEST_VERSION with each migration");
                assertEquals(1, rs.getInt(2), "no migration failed");
            }
            // Behind by one: Flyway runs the missing migration again and records it.
            st.execute("delete from \"pars_ledger_schema_history\" where \"version\" = '" + Migrations.LATEST_VERSION
                    + "'");
            Migrations.migrate(pool);
            try (ResultSet rs = st.executeQuery(Migrations.HISTORY_READ)) {
                assertTrue(rs.next());
                assertEquals(Migrations.LATEST_VERSION, rs.getInt(1));
            }
            // A failed migration in the history is Flyway's to report, not skipped as current.
            st.execute("update \"pars_ledger_schema_history\" set \"success\" = false where \"version\" = '1'");
            org.parsjava.ledger.LedgerException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.parsjava.ledger.LedgerException.class, () -> Migrations.migrate(pool));
            assertTrue(e.getMessage().startsWith("could not create or migrate the ledger's tables"), e.getMessage());
            assertFalse(e.getMessage().contains(dir.toString()), "no path in the message");
        }
    }
}
