/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on the embedded default: an H2 file database. */
class H2LedgerTest extends LedgerContractTest {

    @TempDir
    static Path dir;

    @Override
    DataSource dataSource() {
        return new UrlDataSource("jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath(), null, null);
    }

    @Test
    void aLedgerSetsItsFileToKeepFreedChunksTwoSecondsNotZero() throws Exception {
        // A file earlier versions of the ledger set to 0 (kept in the file): with 0, H2 may reuse a
        // chunk a running query still reads (Migrations.H2_RETENTION_MS).
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("SET RETENTION_TIME 0");
        }
        ledger("node-b", client).close();
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select setting_value from information_schema.settings "
                        + "where setting_name = 'RETENTION_TIME'")) {
            assertTrue(rs.next());
            assertEquals("2000", rs.getString(1));
        }
    }
}
