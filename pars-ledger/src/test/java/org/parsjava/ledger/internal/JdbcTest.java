/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parsjava.ledger.LedgerException;

/**
 * The ledger's transactions when the database stops one to break a deadlock. A real deadlock on
 * PostgreSQL is in {@code PostgresLedgerTest}, one on H2 here; otherwise the work itself fails with
 * PostgreSQL's deadlock state, on an in-memory H2 database whose rows show what each attempt left
 * behind. And the condition that matches a list of entry IDs, on H2 (PostgreSQL's runs in every
 * claim of the ledger's tests there).
 */
class JdbcTest {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void table() throws SQLException {
        h2.setURL("jdbc:h2:mem:jdbc-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        try (Connection c = h2.getConnection();
                Statement st = c.createStatement()) {
            st.execute("create table written (n int)");
        }
    }

    /** Writes a row, then fails with {@code failure} on the first {@code failing} attempts. */
    private Jdbc.Work<String> work(int failing, Exception failure) {
        return c -> {
            int attempt = attempts.incrementAndGet();
            try (Statement st = c.createStatement()) {
                st.execute("insert into written values (" + attempt + ")");
            }
            if (attempt <= failing) {
                if (failure instanceof SQLException sql) {
                    throw sql;
                }
                throw (RuntimeException) failure;
            }
            return "done";
        };
    }

    private static SQLException deadlock() {
        return new SQLException("deadlock detected", Jdbc.DEADLOCK_DETECTED);
    }

    private int rows() throws SQLException {
        try (Connection c = h2.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from written")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void idsMatchFindsExactlyTheBoundIdsThroughThePrimaryKeyOnH2() throws SQLException {
        Jdbc jdbc = new Jdbc(h2, false);
        try (Connection c = h2.getConnection();
                Statement st = c.createStatement()) {
            st.execute("create table pars_ledger_entry (id bigint primary key, note varchar(10))");
            st.execute("insert into pars_ledger_entry select x, 'n' || x from system_range(1, 2000)");
            java.util.List<Long> wanted = java.util.List.of(1_500L, 7L, 2_001L, 1_000L, 7L);
            java.util.List<Long> found = new java.util.ArrayList<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "select id from pars_ledger_entry where " + jdbc.idsMatch() + " and note <> ?")) {
                assertEquals(2, jdbc.bindIds(c, ps, 1, wanted), "one parameter for the IDs, the next one after it");
                ps.setString(2, "none");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
            }
            found.sort(null);
            assertEquals(java.util.List.of(7L, 1_000L, 1_500L), found, "each held ID once; 2,001 is not held");
            try (java.sql.PreparedStatement ps =
                    c.prepareStatement("explain select id from pars_ledger_entry where " + jdbc.idsMatch())) {
                jdbc.bindIds(c, ps, 1, wanted);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertTrue(
                            rs.getString(1).contains("PRIMARY_KEY"),
                            "looked up by key, not read whole: " + rs.getString(1));
                }
            }
        }
    }

    @Test
    void workPostgresStoppedForADeadlockRunsAgainFromARolledBackStart() throws SQLException {
        assertEquals("done", new Jdbc(h2, true).inTransaction(work(1, deadlock()), "write"));
        assertEquals(2, attempts.get());
        assertEquals(1, rows(), "the stopped attempt's write was rolled back");
    }

    @Test
    void aDeadlockAStatementsFailureWrapsIsSeenToo() throws SQLException {
        LedgerException wrapped = Jdbc.failure("record a completion", deadlock());
        assertEquals("done", new Jdbc(h2, true).inTransactionWrittenLater(work(2, wrapped), "write"));
        assertEquals(3, attempts.get());
        assertEquals(1, rows());
    }

    @Test
    void aDeadlockABatchsFailureCarriesAsItsNextExceptionIsSeenToo() throws SQLException {
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("batch entry 0 failed", null, 0, null);
        batch.setNextException(deadlock());
        assertEquals("done", new Jdbc(h2, true).inTransaction(work(1, batch), "write"));
        assertEquals(2, attempts.get());
        assertEquals(1, rows());
    }

    @Test
    void aThirdDeadlockInARowIsReportedWithItsState() throws SQLException {
        LedgerException e = assertThrows(
                LedgerException.class, () -> new Jdbc(h2, true).inTransaction(work(3, deadlock()), "write"));
        assertEquals("the ledger could not write (SQL state 40P01)", e.getMessage());
        assertEquals(Jdbc.DEADLOCK_ATTEMPTS, attempts.get());
        assertEquals(0, rows());
    }

    @Test
    void onH2ATransactionStoppedForARealDeadlockRunsAgain() throws Exception {
        try (Connection c = h2.getConnection();
                Statement st = c.createStatement()) {
            st.execute("create table locked (id int primary key, v int)");
            st.execute("insert into locked values (1, 0), (2, 0)");
        }
        Jdbc jdbc = new Jdbc(h2, false);
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        CountDownLatch firstRunsOver = new CountDownLatch(2);
        // Each takes one row, then (once the other holds its own) the other's: H2 stops one, or
        // both. A run again waits until both first runs have ended, then takes the rows in one
        // order, so it cannot cross the other transaction once more.
        java.util.function.IntFunction<Jdbc.Work<String>> crossing = first -> {
            java.util.concurrent.atomic.AtomicBoolean ranBefore = new java.util.concurrent.atomic.AtomicBoolean();
            return c -> {
                attempts.incrementAndGet();
                boolean again = ranBefore.getAndSet(true);
                int one = again ? 1 : first;
                try (Statement st = c.createStatement()) {
                    if (again && !firstRunsOver.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the other transaction's first run never ended");
                    }
                    st.executeUpdate("update locked set v = v + 1 where id = " + one);
                    if (!again) {
                        bothHoldOne.countDown();
                        if (!bothHoldOne.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the other transaction never took its row");
                        }
                    }
                    st.executeUpdate("update locked set v = v + 1 where id = " + (3 - one));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } finally {
                    if (!again) {
                        firstRunsOver.countDown();
                    }
                }
                return "done";
            };
        };
        // A thread each (the common pool may have one thread only: the second would never start).
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<String> a =
                    CompletableFuture.supplyAsync(() -> jdbc.inTransaction(crossing.apply(1), "a"), two);
            CompletableFuture<String> b =
                    CompletableFuture.supplyAsync(() -> jdbc.inTransaction(crossing.apply(2), "b"), two);
            assertEquals("done", a.get(30, TimeUnit.SECONDS));
            assertEquals("done", b.get(30, TimeUnit.SECONDS));
        } finally {
            two.shutdownNow();
        }
        // H2 may stop either or both: each stopped one ran again.
        assertTrue(attempts.get() >= 3, "stopped by H2, then run again: " + attempts.get() + " runs");
        try (Connection c = h2.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select sum(v) from locked")) {
            rs.next();
            assertEquals(4, rs.getInt(1), "each row changed once by each committed transaction");
        }
    }

    @Test
    void otherFailuresAndH2sAreNotRunAgain() throws SQLException {
        LedgerException unique = assertThrows(
                LedgerException.class,
                () -> new Jdbc(h2, true).inTransaction(work(1, new SQLException("duplicate", "23505")), "write"));
        assertTrue(unique.getMessage().endsWith("(SQL state 23505)"), unique.getMessage());
        assertEquals(1, attempts.get());
        // PostgreSQL's deadlock state on H2 is not H2's deadlock.
        assertThrows(LedgerException.class, () -> new Jdbc(h2, false).inTransaction(work(2, deadlock()), "write"));
        assertEquals(2, attempts.get());
        assertEquals(0, rows());
    }
}
