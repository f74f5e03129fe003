/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerPoolTest {

    @TempDir
    Path dir;

    @Test
    void closingAnH2FileNoOneElseHasOpenCompactsIt() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ledger");
        HikariDataSource pool = LedgerPool.open(url, null, null);
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table t(id bigint primary key, payload varchar(2000))");
            // Rows written and rewritten leave copied pages behind in the file.
            for (int round = 0; round < 4; round++) {
                try (PreparedStatement ps = c.prepareStatement("merge into t key(id) values (?, ?)")) {
                    for (int i = 0; i < 5_000; i++) {
                        ps.setLong(1, i);
                        ps.setString(2, ("row " + i + " round " + round + " ").repeat(20));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                s.execute("CHECKPOINT");
            }
        }
        long before = Files.size(dir.resolve("ledger.mv.db"));
        assertTrue(LedgerPool.close(pool));
        long after = Files.size(dir.resolve("ledger.mv.db"));
        assertTrue(after < before, "compacted from " + before + " to " + after + " bytes");
        // H2 writes the errors it meets to a trace file beside the database: closing raised none.
        assertFalse(Files.exists(dir.resolve("ledger.trace.db")), "no error traced by H2 on closing");
        HikariDataSource again = LedgerPool.open(url, null, null);
        try (Connection c = again.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from t")) {
            rs.next();
            assertEquals(5_000, rs.getLong(1), "nothing lost");
        } finally {
            LedgerPool.close(again);
        }
    }

    @Test
    void closingAfterWritingLittleLeavesTheFileAsItIs() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("looked-at");
        HikariDataSource pool = LedgerPool.open(url, null, null);
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table t(id bigint primary key, payload varchar(2000))");
            s.execute("insert into t select x, repeat('p', 500) from system_range(1, 20000)");
        }
        assertTrue(LedgerPool.close(pool), "the opening that wrote the file compacts it");
        long before = Files.size(dir.resolve("looked-at.mv.db"));
        HikariDataSource again = LedgerPool.open(url, null, null);
        try (Connection c = again.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from t")) {
                rs.next();
                assertEquals(20_000, rs.getLong(1));
            }
            s.execute("update t set payload = 'changed' where id = 1");
        }
        assertFalse(LedgerPool.close(again), "an opening that read and changed one row does not rewrite the file");
        assertFalse(Files.exists(dir.resolve("looked-at.trace.db")), "no error traced by H2 on closing");
        HikariDataSource third = LedgerPool.open(url, null, null);
        try (Connection c = third.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select payload from t where id = 1")) {
            rs.next();
            assertEquals("changed", rs.getString(1), "the change was kept");
        } finally {
            LedgerPool.close(third);
        }
        long after = Files.size(dir.resolve("looked-at.mv.db"));
        assertTrue(after < before * 2, "the file stayed near its size: " + before + " then " + after + " bytes");
    }

    @Test
    void aFileAnotherPoolHasOpenIsLeftAsItIs() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("shared");
        HikariDataSource first = LedgerPool.open(url, null, null);
        HikariDataSource second = LedgerPool.open(url, null, null);
        assertFalse(LedgerPool.close(first));
        try (Connection c = second.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertTrue(rs.next(), "the other pool still works");
        } finally {
            LedgerPool.close(second);
        }
    }

    @Test
    void onH2ItsConnectionsWaitThirtySecondsForARowUnlessTheUrlSaysOtherwise() {
        // How long the wait is in practice: H2LedgerTest's recording that waits for another transaction.
        assertEquals("SET LOCK_TIMEOUT 30000", connectionInitSql("jdbc:h2:file:" + dir.resolve("waits")));
        assertEquals(null, connectionInitSql("jdbc:h2:file:" + dir.resolve("told") + ";LOCK_TIMEOUT=5000"));
    }

    /** What each connection of a pool the ledger opens on {@code url} runs first. */
    private static String connectionInitSql(String url) {
        HikariDataSource pool = LedgerPool.open(url, null, null);
        try {
            return pool.getConnectionInitSql();
        } finally {
            LedgerPool.close(pool);
        }
    }

    @Test
    void onH2ItsDatabaseKeepsAnEightMegabytePageCacheUnlessTheUrlSaysOtherwise() throws Exception {
        assertEquals(
                16, cacheMegabytes("jdbc:h2:file:" + dir.resolve("plain"), false), "H2's own default, for contrast");
        assertEquals(8, cacheMegabytes("jdbc:h2:file:" + dir.resolve("plain"), true));
        assertEquals(4, cacheMegabytes("jdbc:h2:file:" + dir.resolve("told") + ";CACHE_SIZE=4096", true));
    }

    @Test
    void aUserWithoutAdminRightsGetsAWorkingPoolWithTheDatabasesOwnCache() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("guarded");
        try (Connection admin = java.sql.DriverManager.getConnection(url, "sa", "");
                Statement s = admin.createStatement()) {
            s.execute("create user clerk password 'clerk-password'");
            s.execute("create table t(id bigint primary key)");
            s.execute("grant select on t to clerk");
            // Opened while the admin's session keeps the database open: the clerk joins it.
            HikariDataSource pool;
            java.io.PrintStream err = System.err;
            java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
            System.setErr(new java.io.PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8));
            try { // slf4j-simple writes to System.err as it is at each line
                pool = LedgerPool.open(url, "clerk", "clerk-password");
            } finally {
                System.setErr(err);
            }
            assertTrue(
                    logged.toString(java.nio.charset.StandardCharsets.UTF_8)
                            .contains("WARN org.parsjava.ledger.internal.Migrations - PARS ledger: H2 refused SET "
                                    + "CACHE_SIZE 8192 (SQL state 90040; the ledger's user needs admin rights): the "
                                    + "database keeps its own page cache"),
                    "a warning says so");
            try (Connection c = pool.getConnection();
                    ResultSet rs = c.createStatement().executeQuery("select count(*) from t")) {
                assertTrue(rs.next(), "the pool works");
                assertEquals(16, cacheMegabytes(admin), "the cache as it was: H2 refused the setting");
            } finally {
                LedgerPool.close(pool);
            }
        }
    }

    /** The page cache of the database at {@code url}, opened through the ledger's pool or plainly. */
    private static long cacheMegabytes(String url, boolean throughTheLedgersPool) throws Exception {
        if (!throughTheLedgersPool) {
            try (Connection c = java.sql.DriverManager.getConnection(url)) {
                return cacheMegabytes(c);
            }
        }
        HikariDataSource pool = LedgerPool.open(url, null, null);
        try (Connection c = pool.getConnection()) {
            return cacheMegabytes(c);
        } finally {
            LedgerPool.close(pool);
        }
    }

    private static long cacheMegabytes(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement()
                .executeQuery("select setting_value from information_schema.settings "
                        + "where setting_name = 'info.CACHE_MAX_SIZE'")) {
            assertTrue(rs.next(), "H2 reports its cache");
            return Long.parseLong(rs.getString(1));
        }
    }

    @Test
    void onlyEmbeddedH2FilesAreCompacted() {
        assertTrue(LedgerPool.embeddedH2File("jdbc:h2:file:./ledger"));
        assertTrue(LedgerPool.embeddedH2File("jdbc:h2:./ledger;CACHE_SIZE=8192"));
        assertFalse(LedgerPool.embeddedH2File("jdbc:h2:mem:ledger"));
        assertFalse(LedgerPool.embeddedH2File("jdbc:h2:tcp://localhost/ledger"));
        assertFalse(LedgerPool.embeddedH2File("jdbc:postgresql://localhost/ledger"));
    }
}
