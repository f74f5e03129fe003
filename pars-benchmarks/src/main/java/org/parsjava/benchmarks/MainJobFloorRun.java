/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Properties;
import java.util.Random;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;

/**
 * The main job's floor through a ledger database: the job without a ledger, and in the same JVM
 * the rows a ledger would write for it written with plain JDBC, so the database's work and the
 * job's share the host as they do in a run through the ledger. The rows go into the ledger's own
 * tables with their indexes (created by opening a ledger on the database): per slice of 5,000, the
 * entries inserted as held for sending with a transition each in one transaction (on H2 followed
 * by a checkpoint, as a ledger makes what it is about to send survive a killed process), then the
 * slice's settled share updated in steps of 1,000 (a third of them to wait for their boards, with a
 * status check due) with a transition each, a transaction per step.
 * No payload is sealed and nothing is read back: what is left is the database's own cost.
 * {@code MainJobFloorRun <ledger JDBC URL> <simulator base URL> <entries> <settled> <command line
 * arguments...>}; prints {@link PeakHeapRun}'s line, its time until both have ended, and a
 * {@code FLOOR_ROWS} line.
 */
public final class MainJobFloorRun {

    static final int SLICE = 5_000;
    static final int STEP = 1_000;
    static final int BATCH = 500;
    /** A sealed payload's size: the ledger's entries after the 100,000-row roster hold 186 bytes on average. */
    static final int PAYLOAD_BYTES = 186;

    private MainJobFloorRun() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int entries = Integer.parseInt(args[2]);
        int settled = Integer.parseInt(args[3]);
        createTables(url, args[1]);
        int[] written = new int[2];
        int exit =
                PeakHeapRun.run(Arrays.copyOfRange(args, 4, args.length), () -> write(url, entries, settled, written));
        System.out.printf("FLOOR_ROWS ENTRIES=%d SETTLED=%d%n", written[0], written[1]);
        System.exit(exit == 1 ? 0 : exit); // rows to fix are expected in the synthetic roster
    }

    /** The ledger's tables, as a ledger opened on {@code url} creates them. */
    private static void createTables(String url, String simulator) {
        try (ParsClient client = ParsClient.builder()
                        .baseUrl(simulator)
                        .providerId("0001234")
                        .providerName("Benchmark Provider")
                        .credentials(ParsCredentials.of("simulator", "simulator-password"))
                        .build();
                ReportingLedger ledger = ReportingLedger.builder()
                        .jdbcUrl(url, null, null)
                        .client(client)
                        .key(LedgerKey.generate())
                        .build()) {
            ledger.countOverdue(); // a query: the tables are there
        }
    }

    private static void write(String url, int entries, int settled, int[] written) throws SQLException {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        Properties props = new Properties();
        if (postgres) {
            props.setProperty("reWriteBatchedInserts", "true"); // as a ledger's own pool asks
        }
        Random random = new Random(5);
        byte[] payload = new byte[PAYLOAD_BYTES];
        try (Connection c = DriverManager.getConnection(url, props);
                PreparedStatement insert = c.prepareStatement("insert into pars_ledger_entry (provider_id, "
                        + "completion_key, state, content_mac, payload, activity_id, activity_ref, credit_ids, "
                        + "completion_date, has_moc, due_date, due_rule, claimed_by, claimed_until, sending_since, "
                        + "created_at, updated_at, recording_run) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement firstTransitions = c.prepareStatement("insert into pars_ledger_transition "
                        + "(entry_id, at, from_state, to_state) select id, ?, null, state from pars_ledger_entry "
                        + "where id > ?");
                PreparedStatement settle = c.prepareStatement("update pars_ledger_entry set state=?, pars_code=?, "
                        + "attempts=attempts+1, next_status_check_at=?, claimed_by=null, claimed_until=null, "
                        + "sending_since=null, updated_at=? where id=?");
                PreparedStatement transition = c.prepareStatement(
                        "insert into pars_ledger_transition (entry_id, at, from_state, to_state) values (?,?,?,?)");
                Statement checkpoint = c.createStatement()) {
            c.setAutoCommit(false);
            long last = 0; // the highest ID written: a single writer on a new database numbers from 1
            for (int from = 0; from < entries; from += SLICE) {
                int size = Math.min(SLICE, entries - from);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (int i = from; i < from + size; i++) {
                    random.nextBytes(payload);
                    insert.setString(1, "0001234");
                    insert.setString(2, "floor-" + i);
                    insert.setString(3, "PENDING");
                    insert.setString(4, Long.toHexString(random.nextLong()) + "0".repeat(48));
                    insert.setBytes(5, payload);
                    insert.setString(6, "201234567");
                    insert.setString(7, "6f".repeat(32));
                    insert.setString(8, "ccid:0001234:floor-" + i + "-cme");
                    insert.setObject(9, java.time.LocalDate.of(2026, 2, 1));
                    insert.setBoolean(10, false);
                    insert.setObject(11, java.time.LocalDate.of(2026, 12, 31));
                    insert.setString(12, "ACCME_REPORTING_YEAR");
                    insert.setString(13, "floor");
                    insert.setObject(14, now.plusMinutes(5));
                    insert.setObject(15, now);
                    insert.setObject(16, now);
                    insert.setObject(17, now);
                    insert.setLong(18, 42L);
                    insert.addBatch();
                    if ((i - from + 1) % BATCH == 0 || i == from + size - 1) {
                        insert.executeBatch();
                    }
                }
                firstTransitions.setObject(1, now);
                firstTransitions.setLong(2, last);
                firstTransitions.executeUpdate();
                c.commit();
                if (!postgres) {
                    checkpoint.execute("CHECKPOINT");
                }
                long sliceFirst = last + 1;
                last += size;
                long settleCount = (long) size * settled / entries;
                for (long step = 0; step < settleCount; step += STEP) {
                    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
                    for (long id = sliceFirst + step; id < sliceFirst + Math.min(settleCount, step + STEP); id++) {
                        // A third of them wait for their boards, a status check due (as in the roster's run).
                        boolean board = id % 3 == 0;
                        String to = board ? "AWAITING_BOARD" : "ACCEPTED";
                        settle.setString(1, to);
                        settle.setString(2, "OK");
                        settle.setObject(3, board ? at.plusDays(1) : null);
                        settle.setObject(4, at);
                        settle.setLong(5, id);
                        settle.addBatch();
                        transition.setLong(1, id);
                        transition.setObject(2, at);
                        transition.setString(3, "PENDING");
                        transition.setString(4, to);
                        transition.addBatch();
                        written[1]++;
                    }
                    settle.executeBatch();
                    transition.executeBatch();
                    c.commit();
                }
                written[0] += size;
            }
        }
    }
}
