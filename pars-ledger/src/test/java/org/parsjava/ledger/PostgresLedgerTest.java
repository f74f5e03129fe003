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
    LedgerDatabase database() {
        return LedgerDatabase.POSTGRESQL;
    }

    @Override
    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Test
    void theBoardStatusChecksAreAnsweredFromAnIndexThatNewEntriesAreNotAddedTo() throws Exception {
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery(
                    "select indexdef from pg_indexes where indexname = 'pars_ledger_entry_board_check'")) {
                org.junit.jupiter.api.Assertions.assertTrue(rs.next());
                org.junit.jupiter.api.Assertions.assertTrue(
                        rs.getString(1).endsWith("WHERE (next_status_check_at IS NOT NULL)"), rs.getString(1));
            }
            // The status checks' query (its condition implies the index's), with a scan ruled out:
            // a plan without the index would mean the checks read the whole table.
            c.setAutoCommit(false);
            st.execute("set local enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (java.sql.PreparedStatement ps =
                    c.prepareStatement("explain " + org.parsjava.ledger.internal.Claims.statusCheckQuery(true))) {
                ps.setString(1, EntryState.AWAITING_BOARD.name());
                ps.setObject(2, java.time.OffsetDateTime.now());
                ps.setObject(3, java.time.OffsetDateTime.now());
                ps.setInt(4, 50);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
            org.junit.jupiter.api.Assertions.assertTrue(
                    plan.toString().contains("pars_ledger_entry_board_check"), plan.toString());
        }
    }

    @Test
    void aLeaseRewritesEntriesInTheirOwnPageWithoutNewIndexEntries() throws Exception {
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("set lock_timeout = '10s'");
            st.execute("vacuum full pars_ledger_entry"); // pages as new, whatever earlier tests left
        }
        ledger.recordAll(completions(600, false), c -> null);
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            // The columns a claim's lease sets (Claims.lease), for every entry in one transaction.
            c.setAutoCommit(false);
            st.executeUpdate("update pars_ledger_entry set claimed_by = 'node-a', "
                    + "claimed_until = now() + interval '5 minutes', sending_since = now()");
            long heapOnly;
            try (java.sql.ResultSet rs = st.executeQuery(
                    "select n_tup_hot_upd from pg_stat_xact_user_tables where relname = 'pars_ledger_entry'")) {
                org.junit.jupiter.api.Assertions.assertTrue(rs.next());
                heapOnly = rs.getLong(1);
            }
            c.commit();
            // With full pages (PostgreSQL's default) none is; with the room left, about a third.
            org.junit.jupiter.api.Assertions.assertTrue(
                    heapOnly >= 120, heapOnly + " of 600 leases rewrote the entry in its page, no index entry");
        }
    }

    @Test
    void aLedgerOpenedByARoleThatDoesNotOwnTheTablesLeavesTheirPagesFull() throws Exception {
        String fill; // as migration 7 left it, restored for the other tests
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            fill = reloptions(st);
            org.junit.jupiter.api.Assertions.assertNotNull(fill, "migration 7 set the pages' fill");
            // As a ledger of the version before: its entries' pages full, migration 7 not run.
            st.execute("alter table pars_ledger_entry reset (fillfactor)");
            st.execute("delete from pars_ledger_schema_history where version = '7'");
        }
        try (ReportingLedger app = appLedger()) {
            org.junit.jupiter.api.Assertions.assertEquals(
                    0,
                    app.recordAll(completions(5, false), c -> null).stream()
                            .filter(r -> r.state() != EntryState.PENDING)
                            .count());
        } finally {
            try (java.sql.Connection c = dataSource().getConnection();
                    java.sql.Statement st = c.createStatement()) {
                org.junit.jupiter.api.Assertions.assertNull(reloptions(st), "the pages' fill is left as it was");
                st.execute("alter table pars_ledger_entry set (" + fill + ")");
            }
        }
    }

    /** The entries table's storage options as one {@code name=value} list, or null when it has none. */
    private static String reloptions(java.sql.Statement st) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = st.executeQuery(
                "select array_to_string(reloptions, ', ') from pg_class where oid = 'pars_ledger_entry'::regclass")) {
            org.junit.jupiter.api.Assertions.assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /** A ledger opened by a login role with rights on the ledger's tables and nothing else. */
    private ReportingLedger appLedger() throws Exception {
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'pars_app') then "
                    + "create role pars_app login; end if; end $$");
            st.execute("grant select, insert, update, delete on all tables in schema public to pars_app");
        }
        return ReportingLedger.builder()
                .dataSource(postgres.getDatabase("pars_app", "postgres"))
                .client(client)
                .key(KEY)
                .clock(clock)
                .nodeName("app")
                .build();
    }

    @Test
    void anApplicationRoleGrantedOnlyTheTablesRecordsAndDrains() throws Exception {
        try (ReportingLedger app = appLedger()) {
            List<org.parsjava.core.model.LearnerCompletion> cs = completions(30, false);
            // New entries take their IDs from the column's default: the role may not call nextval.
            org.junit.jupiter.api.Assertions.assertTrue(app.recordAll(cs, c -> null).stream()
                    .allMatch(r -> r.change() == Recording.Change.NEW && r.state() == EntryState.PENDING));
            org.junit.jupiter.api.Assertions.assertEquals(30, app.drain().accepted());
            org.junit.jupiter.api.Assertions.assertEquals(
                    List.of(EntryState.PENDING, EntryState.ACCEPTED),
                    app.history("0001234", cs.get(29).completionKey()).stream()
                            .map(Transition::to)
                            .toList());
        }
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

    @Test
    void aRecordingPostgresStopsToBreakADeadlockIsRunAgain() throws Exception {
        List<org.parsjava.core.model.LearnerCompletion> two = completions(2, false);
        ledger.recordAll(two, c -> null);
        long deadlocksBefore = deadlocks();
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        // PostgreSQL looks for a deadlock once, a session's deadlock_timeout after it began to wait:
        // the ledger's sessions (new ones) look after 3 s, time for this one to close the circle,
        // and find it first (this one would look after 30 s).
        execute("alter database postgres set deadlock_timeout = '3s'");
        try (java.sql.Connection holder = dataSource().getConnection();
                java.sql.Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("set deadlock_timeout = '30s'");
            st.executeQuery("select id from pars_ledger_entry where completion_key = 'k-1' for update");
            // The recording locks k-0, then waits for k-1 ...
            java.util.concurrent.Future<List<Recording>> recording =
                    other.submit(() -> ledger.recordAll(two, c -> null));
            long until = System.nanoTime() + 10_000_000_000L;
            while (waitingForALock() == 0) {
                org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() < until, "the recording never waited");
                Thread.sleep(20);
            }
            // ... and this session asks for k-0: each waits for the other, and PostgreSQL stops the ledger's.
            st.executeQuery("select id from pars_ledger_entry where completion_key = 'k-0' for update");
            holder.commit();
            List<Recording> again = recording.get(30, java.util.concurrent.TimeUnit.SECONDS);
            org.junit.jupiter.api.Assertions.assertEquals(
                    List.of(Recording.Change.UNCHANGED, Recording.Change.UNCHANGED),
                    again.stream().map(Recording::change).toList());
        } finally {
            other.shutdownNow();
            execute("alter database postgres reset deadlock_timeout");
        }
        long until = System.nanoTime() + 10_000_000_000L;
        while (deadlocks() == deadlocksBefore && System.nanoTime() < until) {
            Thread.sleep(100); // PostgreSQL counts deadlocks when the session's statistics are next sent
        }
        org.junit.jupiter.api.Assertions.assertEquals(deadlocksBefore + 1, deadlocks(), "one deadlock broken");
        org.junit.jupiter.api.Assertions.assertEquals(2L, ledger.counts().get(EntryState.PENDING));
    }

    private long waitingForALock() throws java.sql.SQLException {
        return single("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                + "and query like '%pars_ledger_entry%' and pid <> pg_backend_pid()");
    }

    private void execute(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long deadlocks() throws java.sql.SQLException {
        return single("select deadlocks from pg_stat_database where datname = current_database()");
    }

    private long single(String query) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(query)) {
            org.junit.jupiter.api.Assertions.assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
