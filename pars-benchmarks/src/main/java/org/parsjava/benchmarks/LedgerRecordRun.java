/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.parsjava.client.ParsClient;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;

/**
 * {@code ReportingLedger.record} throughput, one completion per call (its own transaction, as an
 * LMS records completion events), on an H2 file and on a real PostgreSQL server behind a
 * connection pool (HikariCP, as an application has one): entries/s after a warm-up. Prints {@code LEDGER_RECORD} lines: {@code LedgerRecordRun <out file> <work dir>}.
 */
public final class LedgerRecordRun {

    static final int WARM_UP = 5_000;
    static final int MEASURED = 20_000;

    private LedgerRecordRun() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[1]);
        Files.createDirectories(work);
        List<LearnerCompletion> all = BenchData.completions(WARM_UP + MEASURED, 11L);
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8);
                ParsClient client = ParsClient.builder()
                        .baseUrl("http://127.0.0.1:9/")
                        .providerId("0001234")
                        .providerName("Benchmark Provider")
                        .credentials(org.parsjava.client.ParsCredentials.of("u", "p"))
                        .build()) {
            Path h2 = work.resolve("record-h2-" + System.nanoTime());
            try (ReportingLedger ledger = ReportingLedger.builder()
                    .jdbcUrl("jdbc:h2:file:" + h2.toAbsolutePath(), null, null)
                    .client(client)
                    .key(LedgerKey.generate())
                    .clock(BenchData.AS_OF)
                    .build()) {
                print(out, "h2", measure(ledger, all));
            }
            try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
                com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
                config.setDataSource(pg.getPostgresDatabase());
                config.setMaximumPoolSize(4);
                try (com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(config);
                        ReportingLedger ledger = ReportingLedger.builder()
                                .dataSource(ds)
                                .client(client)
                                .key(LedgerKey.generate())
                                .clock(BenchData.AS_OF)
                                .build()) {
                    print(out, "postgresql", measure(ledger, all));
                }
            }
        }
    }

    private static long measure(ReportingLedger ledger, List<LearnerCompletion> all) {
        for (LearnerCompletion c : all.subList(0, WARM_UP)) {
            ledger.record(c);
        }
        long start = System.nanoTime();
        for (LearnerCompletion c : all.subList(WARM_UP, all.size())) {
            ledger.record(c);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void print(PrintStream out, String db, long ms) {
        String line = "LEDGER_RECORD DB=" + db + " ENTRIES=" + MEASURED + " MS=" + ms;
        System.out.println(line);
        out.println(line);
    }
}
