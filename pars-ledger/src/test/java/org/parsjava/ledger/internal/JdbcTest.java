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
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parsjava.ledger.LedgerException;

/**
 * The ledger's transactions when the database stops one to break a deadlock. A real deadlock on
 * PostgreSQL is in {@code PostgresLedgerTest}; here the work itself fails with PostgreSQL's
 * deadlock state, on an in-memory H2 database whose rows show what each attempt left behind.
 */
class JdbcTest {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void table() throws SQLException {
        h2.setURL("jdbc:h2:mem:jdbc-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
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
    void otherFailuresAndH2sAreNotRunAgain() throws SQLException {
        LedgerException unique = assertThrows(
                LedgerException.class,
                () -> new Jdbc(h2, true).inTransaction(work(1, new SQLException("duplicate", "23505")), "write"));
        assertTrue(unique.getMessage().endsWith("(SQL state 23505)"), unique.getMessage());
        assertEquals(1, attempts.get());
        // H2 has no such state; a failure carrying it there is not PostgreSQL's deadlock.
        assertThrows(LedgerException.class, () -> new Jdbc(h2, false).inTransaction(work(2, deadlock()), "write"));
        assertEquals(2, attempts.get());
        assertEquals(0, rows());
    }
}
