/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.DrainSummary;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;

/**
 * The ledger's bulk paths on one database, each beside its floor measured in the same run:
 * {@code recordAll} against the same rows inserted with plain JDBC batches (an entry row and a
 * transition row each, one transaction per slice); a drain against the same completions sent
 * without a ledger, and against the rows updated with plain JDBC batches; two nodes draining
 * together against one; the storage each entry takes; with a second simulator that answers each
 * request late (a remote PARS), one node against two draining a fifth of the entries through it, one
 * request in flight per node. A fresh database for every phase.
 * {@code LedgerBulkRun <out> <h2|postgresql> <work dir or admin JDBC URL> <simulator base URL> <entries>
 * [<remote simulator base URL> <its latency in ms>]}. Prints {@code LEDGER_BULK} lines.
 */
public final class LedgerBulkRun {

    static final int SLICE = 5_000;
    static final int BATCH = 500;

    private final String db;
    private final String where;
    private final String simulator;
    private final String remote; // null: no remote phase
    private final String latencyMs;
    private final int n;
    private final PrintStream out;
    private int databases;

    private LedgerBulkRun(
            String db, String where, String simulator, String remote, String latencyMs, int n, PrintStream out) {
        this.db = db;
        this.where = where;
        this.simulator = simulator;
        this.remote = remote;
        this.latencyMs = latencyMs;
        this.n = n;
        this.out = out;
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8)) {
            String remote = args.length > 6 ? args[5] : null;
            String latency = args.length > 6 ? args[6] : null;
            new LedgerBulkRun(args[1], args[2], args[3], remote, latency, Integer.parseInt(args[4]), out).run();
        }
    }

    private void run() throws Exception {
        // Warm-up: a tenth of the work on a throwaway database, so the JIT has compiled the paths;
        // then recording and its floor once more at full size, unmeasured: the JIT is still
        // compiling the recording path during the first hundred thousand entries (measured: the
        // first 100,000 recorded in a JVM took 7.4 s on PostgreSQL, the next 4.2 s), and an
        // application records for longer than that.
        LedgerBulkRun warm = new LedgerBulkRun(
                db,
                where,
                simulator,
                remote,
                latencyMs,
                n / 10,
                new PrintStream(java.io.OutputStream.nullOutputStream()));
        warm.databases = 100;
        warm.phases(90L);
        LedgerBulkRun full = new LedgerBulkRun(
                db, where, simulator, remote, latencyMs, n, new PrintStream(java.io.OutputStream.nullOutputStream()));
        full.databases = 200;
        full.warmRecording(91L);
        phases(1L);
    }

    /** {@code recordAll} and the floor's inserts at full size on throwaway databases, unmeasured. */
    private void warmRecording(long seed) throws Exception {
        List<LearnerCompletion> completions = keyed(BenchData.completions(n, seed), "w" + seed);
        floorInsert(freshDatabase());
        try (ParsClient client = client(simulator);
                ReportingLedger ledger = ledger(freshDatabase(), client, "node-w")) {
            recordInSlices(ledger, completions);
        }
    }

    private void phases(long seed) throws Exception {
        List<LearnerCompletion> completions = keyed(BenchData.completions(n, seed), "a" + seed);
        // recordAll and its floor
        String floorUrl = freshDatabase();
        long floorInsert = floorInsert(floorUrl);
        long floorUpdate = floorUpdate(floorUrl);
        String url = freshDatabase();
        long record;
        long drain;
        DrainSummary drained;
        try (ParsClient client = client(simulator);
                ReportingLedger ledger = ledger(url, client, "node-a")) {
            long t = System.nanoTime();
            recordInSlices(ledger, completions);
            record = ms(t);
            t = System.nanoTime();
            drained = ledger.drain();
            drain = ms(t);
        }
        long bytes = storage(url);
        print("RECORD", record, "FLOOR_MS=" + floorInsert);
        print(
                "DRAIN",
                drain,
                "FLOOR_UPDATE_MS=" + floorUpdate + " SENT=" + drained.taken() + " ACCEPTED=" + drained.accepted()
                        + " NOFLOOR_MS=" + noLedger(BenchData.completions(n, seed + 7)));
        print("STORAGE", 0, "BYTES=" + bytes + " ENTRIES=" + n);
        twoNodes("DRAIN_TWO_NODES", simulator, keyed(BenchData.completions(n, seed + 13), "c" + seed), "");
        if (remote != null) {
            // Through a PARS whose every answer comes late, a node's drain waits on round trips
            // rather than on the CPU: one node, then two, a fifth of the entries each time.
            int m = Math.max(1, n / 5);
            List<LearnerCompletion> far = keyed(BenchData.completions(m, seed + 17), "r" + seed);
            String one = freshDatabase();
            try (ParsClient a = client(remote);
                    ReportingLedger la = ledger(one, a, "node-a")) {
                recordInSlices(la, far);
                long t = System.nanoTime();
                DrainSummary s = la.drain();
                print("DRAIN_REMOTE", ms(t), "SENT=" + s.taken() + " LATENCY_MS=" + latencyMs);
            }
            twoNodes(
                    "DRAIN_TWO_NODES_REMOTE",
                    remote,
                    keyed(BenchData.completions(m, seed + 19), "s" + seed),
                    " LATENCY_MS=" + latencyMs);
        }
    }

    /** Two nodes (two ledgers, each with its own client) draining one ledger of {@code completions} together. */
    private void twoNodes(String what, String pars, List<LearnerCompletion> completions, String more) throws Exception {
        String shared = freshDatabase();
        try (ParsClient a = client(pars);
                ParsClient b = client(pars);
                ReportingLedger la = ledger(shared, a, "node-a");
                ReportingLedger lb = ledger(shared, b, "node-b")) {
            recordInSlices(la, completions);
            ExecutorService two = Executors.newFixedThreadPool(2);
            long t = System.nanoTime();
            Future<DrainSummary> fa = two.submit(() -> la.drain());
            Future<DrainSummary> fb = two.submit(() -> lb.drain());
            DrainSummary sa = fa.get();
            DrainSummary sb = fb.get();
            long both = ms(t);
            two.shutdown();
            print(what, both, "SENT=" + (sa.taken() + sb.taken()) + " NODE_A=" + sa.taken() + more);
        }
    }

    private static void recordInSlices(ReportingLedger ledger, List<LearnerCompletion> completions) {
        for (int i = 0; i < completions.size(); i += SLICE) {
            ledger.recordAll(completions.subList(i, Math.min(completions.size(), i + SLICE)), c -> null);
        }
    }

    /** The completions under keys of their own: each phase's CreditIDs are new to the simulator. */
    private static List<LearnerCompletion> keyed(List<LearnerCompletion> completions, String prefix) {
        List<LearnerCompletion> out = new ArrayList<>(completions.size());
        for (LearnerCompletion c : completions) {
            out.add(c.toBuilder()
                    .completionKey(prefix + "-" + c.completionKey())
                    .build());
        }
        return out;
    }

    private ParsClient client(String pars) {
        return ParsClient.builder()
                .baseUrl(pars)
                .providerId("0001234")
                .providerName("Benchmark Provider")
                .credentials(ParsCredentials.of("simulator", "simulator-password"))
                .clock(BenchData.AS_OF)
                .build();
    }

    private ReportingLedger ledger(String url, ParsClient client, String node) {
        return ReportingLedger.builder()
                .jdbcUrl(url, null, null)
                .client(client)
                .key(KEY)
                .clock(BenchData.AS_OF)
                .nodeName(node)
                .batchSize(BATCH)
                .build();
    }

    private static final LedgerKey KEY = LedgerKey.generate();

    /** The same completions sent without a ledger, in the drain's batch size. */
    private long noLedger(List<LearnerCompletion> completions) {
        try (ParsClient client = client(simulator)) {
            long t = System.nanoTime();
            for (int i = 0; i < completions.size(); i += BATCH) {
                client.learners().submit(completions.subList(i, Math.min(completions.size(), i + BATCH)));
            }
            return ms(t);
        }
    }

    /** A new, empty database: an H2 file in the work directory, or a PostgreSQL database. */
    private String freshDatabase() throws SQLException {
        String name = "bulk" + (databases++) + "_" + System.nanoTime();
        if (db.equals("h2")) {
            return "jdbc:h2:file:" + Path.of(where).resolve(name).toAbsolutePath();
        }
        try (Connection c = DriverManager.getConnection(where);
                Statement st = c.createStatement()) {
            st.execute("create database " + name);
        }
        return where.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    /** The floor's table: the ledger entry's columns and its unique key, and a transitions table. */
    private static void floorTables(Connection c, boolean postgres) throws SQLException {
        String bytes = postgres ? "bytea" : "varbinary";
        try (Statement st = c.createStatement()) {
            st.execute(
                    "create table floor_entry (id bigint generated by default as identity primary key, "
                            + "provider_id varchar(7) not null, completion_key varchar(200) not null, state varchar(20) not null, "
                            + "content_mac varchar(64) not null, payload " + bytes + ", activity_id varchar(9), "
                            + "activity_ref varchar(64) not null, credit_ids varchar(2000) not null, completion_date date not null, "
                            + "due_date date not null, created_at timestamp with time zone not null, "
                            + "updated_at timestamp with time zone not null, constraint floor_key unique (provider_id, completion_key))");
            st.execute("create table floor_transition (id bigint generated by default as identity primary key, "
                    + "entry_id bigint not null, at timestamp with time zone not null, to_state varchar(20) not null)");
        }
    }

    /** Inserts n entry rows and their transitions in batches, one transaction per slice. */
    private long floorInsert(String url) throws SQLException {
        Random r = new Random(5);
        byte[] payload = new byte[460];
        // The floor batches as well as plain JDBC can: multi-row inserts on PostgreSQL, as the ledger's pool asks.
        java.util.Properties rewrite = new java.util.Properties();
        if (db.equals("postgresql")) {
            rewrite.setProperty("reWriteBatchedInserts", "true");
        }
        try (Connection c = DriverManager.getConnection(url, rewrite)) {
            floorTables(c, db.equals("postgresql"));
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long t = System.nanoTime();
            try (PreparedStatement ps =
                            c.prepareStatement("insert into floor_entry (provider_id, completion_key, state, "
                                    + "content_mac, payload, activity_id, activity_ref, credit_ids, completion_date, due_date, "
                                    + "created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement tr = c.prepareStatement("insert into floor_transition (entry_id, at, to_state) "
                            + "select id, ?, state from floor_entry where id > ?")) {
                long last = 0;
                for (int i = 0; i < n; i++) {
                    r.nextBytes(payload);
                    ps.setString(1, "0001234");
                    ps.setString(2, "enr-" + i);
                    ps.setString(3, "PENDING");
                    ps.setString(
                            4,
                            Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong())
                                    + "00000000000000000000000000000000");
                    ps.setBytes(5, payload);
                    ps.setString(6, "201234567");
                    ps.setString(7, "6f".repeat(32));
                    ps.setString(8, "ccid:0001234:enr-" + i + "-cme");
                    ps.setObject(9, java.time.LocalDate.of(2026, 2, 1));
                    ps.setObject(10, java.time.LocalDate.of(2026, 12, 31));
                    ps.setObject(11, now);
                    ps.setObject(12, now);
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0 || i == n - 1) {
                        ps.executeBatch();
                    }
                    if ((i + 1) % SLICE == 0 || i == n - 1) {
                        tr.setObject(1, now);
                        tr.setLong(2, last);
                        tr.executeUpdate();
                        last = i + 1;
                        c.commit();
                    }
                }
            }
            return ms(t);
        }
    }

    /** Moves every floor entry to another state in batches, with a transition each: a drain's writes. */
    private long floorUpdate(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("update floor_entry set state=?, updated_at=? where id=?");
                    PreparedStatement tr = c.prepareStatement(
                            "insert into floor_transition (entry_id, at, to_state) values (?,?,?)")) {
                for (int i = 1; i <= n; i++) {
                    ps.setString(1, "ACCEPTED");
                    ps.setObject(2, now);
                    ps.setLong(3, i);
                    ps.addBatch();
                    tr.setLong(1, i);
                    tr.setObject(2, now);
                    tr.setString(3, "ACCEPTED");
                    tr.addBatch();
                    if (i % BATCH == 0 || i == n) {
                        ps.executeBatch();
                        tr.executeBatch();
                        c.commit();
                    }
                }
            }
            return ms(t);
        }
    }

    /** The database's size: the H2 file, or the ledger's tables with their indexes. */
    private long storage(String url) throws Exception {
        if (db.equals("h2")) {
            return Files.size(Path.of(url.substring("jdbc:h2:file:".length()) + ".mv.db"));
        }
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select sum(pg_total_relation_size(c.oid)) from pg_class c join "
                        + "pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' "
                        + "and c.relname like 'pars_ledger%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void print(String what, long ms, String more) {
        String line = "LEDGER_BULK DB=" + db + " WHAT=" + what + " ENTRIES=" + n + " MS=" + ms + " " + more;
        System.out.println(line);
        out.println(line);
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
