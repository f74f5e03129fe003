/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.core.model.LearnerCompletion;

/** The ledger contract on the embedded default: an H2 file database. */
class H2LedgerTest extends LedgerContractTest {

    @TempDir
    static Path dir;

    @Override
    LedgerDatabase database() {
        return LedgerDatabase.H2;
    }

    @Override
    DataSource dataSource() {
        // A session time zone other than UTC: nothing the ledger counts or dates may follow it.
        return new UrlDataSource(
                "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath() + ";TIME ZONE=America/Los_Angeles",
                null,
                null);
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

    @Test
    void eachClaimIsWrittenToTheFileBeforeItsBatchIsSentAndOutcomesWithTheNextCheckpoint() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger l = counted(counting, 100);
        l.recordAll(completions(300, false), c -> null);
        counting.reset();
        assertEquals(300, l.drain().accepted());
        List<String> direct = counting.direct();
        // A lost outcome is recovered (its entry stays leased and marked as being sent, so it is
        // looked up in PARS first); a lost claim would not be, so each is on disk before its send.
        assertEquals(
                0,
                direct.stream()
                        .filter(sql -> sql.equals("pars-ledger-settle: CHECKPOINT"))
                        .count(),
                "checkpoints for the outcomes: " + direct);
        long claims = direct.stream()
                .filter(sql -> sql.equals(Thread.currentThread().getName() + ": CHECKPOINT"))
                .count();
        assertTrue(claims >= 3, "checkpoints on the draining thread, one for each of the 3 claims at least: " + claims);
    }

    @Test
    void recordingsAndWithdrawalsAreWrittenToTheFileAsTheyCommit() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger l = counted(counting, 100);
        List<LearnerCompletion> cs = completions(3, false);
        String checkpoint = Thread.currentThread().getName() + ": CHECKPOINT";
        counting.reset();
        l.recordAll(cs.subList(0, 2), c -> null);
        assertEquals(1, counting.direct().stream().filter(checkpoint::equals).count(), "a slice: " + counting.direct());
        counting.reset();
        l.record(cs.get(2));
        assertEquals(1, counting.direct().stream().filter(checkpoint::equals).count(), "one: " + counting.direct());
        counting.reset();
        l.withdraw("0001234", cs.get(2).completionKey());
        assertEquals(
                1, counting.direct().stream().filter(checkpoint::equals).count(), "withdrawn: " + counting.direct());
    }

    @Test
    void throughItsOwnPoolARecordingWaitsForAnotherTransactionStoringTheSameNewActivity() throws Exception {
        // H2 gives up on a row another transaction holds after one second by default: a recording
        // of the same new activity as a slower one (the application's, or the job's slice before)
        // failed with SQL state HYT00 instead of waiting for it.
        String url = "jdbc:h2:file:" + dir.resolve("own-pool").toAbsolutePath();
        try (ReportingLedger pooled = ReportingLedger.builder()
                .jdbcUrl(url, null, null)
                .client(client)
                .key(KEY)
                .clock(clock)
                .build()) {
            List<LearnerCompletion> cs = completions(2, false);
            try (Connection open = DriverManager.getConnection(url)) {
                open.setAutoCommit(false);
                pooled.record(open, cs.get(0), null); // its activity is new to this ledger, not yet committed
                CompletableFuture<Recording> other = CompletableFuture.supplyAsync(() -> pooled.record(cs.get(1)));
                Thread.sleep(2_500);
                assertFalse(other.isDone(), "waits for the open transaction: " + other);
                open.commit();
                assertEquals(new Recording(Recording.Change.NEW, EntryState.PENDING), other.get(30, TimeUnit.SECONDS));
            }
            assertEquals(2L, pooled.counts().get(EntryState.PENDING));
        }
    }
}
