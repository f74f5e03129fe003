/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parsjava.job.Destination;
import org.parsjava.job.JobSummary;
import org.parsjava.job.ProgressLine;
import org.parsjava.job.ReportingJob;
import org.parsjava.job.Roster;
import org.parsjava.job.RowsToFixFile;
import org.parsjava.job.SummaryText;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;

/**
 * The main job: reports a roster (the bundled 1,000-row sample unless a file is named) through a
 * reporting ledger in {@code target/pars-ledger/}, and prints the summary; the rows to fix go to
 * {@code target/pars-rows-to-fix.csv}. Without {@code PARS_URL} it reports to the embedded
 * simulator, with a ledger of its own. For every option, use the {@code pars report} command.
 *
 * <p>Exit code: the summary's (0 done, 1 rows to fix, 3 failed or stopped), but 0 for the bundled
 * sample, which has bad rows on purpose; 2 when the roster cannot be read.
 */
public final class ReportCompletions {

    private ReportCompletions() {}

    /** Entry point: {@code ReportCompletions [roster.csv|roster.xlsx]}. */
    public static void main(String[] args) throws IOException {
        Roster roster = args.length == 0
                ? Roster.csv(
                        "bundled sample-roster.csv (1,000 synthetic rows)",
                        () -> ReportCompletions.class.getResourceAsStream("/sample-roster.csv"),
                        StandardCharsets.UTF_8)
                : Roster.file(Path.of(args[0]));
        System.exit(run(roster, args.length == 0));
    }

    static int run(Roster roster, boolean sample) throws IOException {
        try (ExampleConnection pars = ExampleConnection.open();
                ReportingLedger ledger = ledger(pars);
                RowsToFixFile rowsToFix = new RowsToFixFile(Path.of("target", "pars-rows-to-fix.csv"))) {
            System.out.println(pars.description());
            System.out.println("Roster: " + roster.name());
            ProgressLine progress = new ProgressLine(System.out, System.console() != null);
            JobSummary summary = ReportingJob.builder()
                    .client(pars.client())
                    .destination(Destination.ledger(ledger))
                    .simulated(pars.simulator() != null)
                    .listener(rowsToFix)
                    .listener(progress)
                    .build()
                    .run(roster);
            progress.finish();
            SummaryText.print(summary, System.out);
            System.out.println("Rows to fix: " + rowsToFix.file().toAbsolutePath());
            int exit = summary.exitStatus().code();
            if (sample) {
                System.out.println("Exit status 0: the bundled sample has bad rows on purpose; with your own roster "
                        + "this run would exit " + exit + ".");
                return 0;
            }
            return exit;
        }
    }

    /**
     * The ledger: an H2 file under {@code target/pars-ledger/}, one for PARS and one for the
     * simulator (they never share one). Its key is {@code PARS_LEDGER_KEY}; only the simulator's
     * may use a demo key kept beside it.
     */
    private static ReportingLedger ledger(ExampleConnection pars) throws IOException {
        Path folder = Path.of("target", "pars-ledger", pars.simulator() != null ? "demo" : "pars");
        Files.createDirectories(folder);
        String key = System.getenv("PARS_LEDGER_KEY");
        if (key == null && pars.simulator() != null) {
            Path demoKey = folder.resolve("demo-ledger.key");
            if (!Files.exists(demoKey)) {
                Files.writeString(demoKey, LedgerKey.generate().toBase64());
            }
            key = Files.readString(demoKey);
        }
        if (key == null) {
            throw new IllegalStateException(
                    "set PARS_LEDGER_KEY (Base64 of 32 random bytes) to keep real learner data");
        }
        String url = "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath();
        System.out.println("Ledger: " + url);
        return ReportingLedger.builder()
                .jdbcUrl(url, null, null)
                .client(pars.client())
                .clock(pars.clock())
                .key(LedgerKey.fromBase64(key))
                // The embedded simulator is a new, empty PARS on every run: its ledger takes each one
                // on, so entries an earlier run settled are confirmed against it and sent again.
                .adoptPars(pars.simulator() != null)
                .build();
    }
}
