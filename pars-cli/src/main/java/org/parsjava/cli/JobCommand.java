/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parsjava.job.Destination;
import org.parsjava.job.JobSummary;
import org.parsjava.job.ProgressLine;
import org.parsjava.job.ReportingJob;
import org.parsjava.job.Roster;
import org.parsjava.job.RowsToFixFile;
import org.parsjava.job.SummaryText;
import org.parsjava.ledger.LedgerException;
import org.parsjava.ledger.ReportingLedger;

/**
 * What {@code pars report} and {@code pars validate} share: every setting checked before anything
 * is created (a bad one is one line and exit 2), then the reporting job run with the rows-to-fix
 * file and the progress line as listeners, and its summary printed, as text or JSON.
 */
final class JobCommand {

    private final ParsCommand top;
    private final RosterOptions roster;
    private final ConnectionOptions connection;

    JobCommand(ParsCommand top, RosterOptions roster, ConnectionOptions connection) {
        this.top = top;
        this.roster = roster;
        this.connection = connection;
    }

    /**
     * Runs the job to {@code destination}'s kind.
     *
     * @param ledgerOptions the ledger options (null: no ledger, e.g. a check)
     * @param excel the upload file to write instead of sending, or null
     * @param slice rows per slice, or null for the default
     * @param check whether to check only
     */
    int run(LedgerOptions ledgerOptions, Path excel, Integer slice, boolean check) {
        Environment env = top.environment();
        Roster rows = roster.open();
        ParsSettings settings = connection.settings(env);
        LedgerOptions.Plan ledgerPlan =
                check || excel != null || ledgerOptions == null ? null : ledgerOptions.plan(env, settings.demo());
        if (slice != null && (slice < 1 || slice > ReportingJob.MAX_SLICE)) {
            throw new UsageException("--slice must be a whole number of rows from 1 to " + ReportingJob.MAX_SLICE);
        }
        if (excel != null && Files.isDirectory(excel)) {
            throw new UsageException("--excel " + excel + " is a folder; name the file to write");
        }
        DataDirectory data = DataDirectory.resolve(roster.dataDir, env);
        PrintStream info = roster.json ? top.err() : top.out();
        try (ParsConnection pars = settings.open()) {
            boolean usesData = roster.report == null || (ledgerPlan != null && ledgerPlan.url() == null);
            if (usesData) {
                info.println("Data directory: " + data.path());
            }
            info.println("Roster: " + rows.name());
            info.println("Reporting to "
                    + (check
                            ? "nowhere (a check; activities are looked up in " + pars.description() + ")"
                            : excel != null
                                    ? "the upload file " + excel
                                            + " (nothing is sent to PARS; activities are looked up in "
                                            + pars.description() + ")"
                                    : pars.description()));
            try (ReportingLedger ledger = ledgerPlan == null ? null : openLedger(ledgerPlan, pars, data, info)) {
                if (ledgerPlan == null && !check && excel == null) {
                    info.println("Ledger: none (reporting straight to PARS; nothing is kept between runs)");
                }
                Destination destination = check
                        ? Destination.checkOnly()
                        : excel != null
                                ? Destination.uploadFile(excel)
                                : ledger != null ? Destination.ledger(ledger) : Destination.pars();
                Path fixes = roster.report != null ? roster.report : data.file("rows-to-fix.csv");
                ProgressLine progress = new ProgressLine(info, System.console() != null && !roster.json);
                JobSummary summary;
                try (RowsToFixFile rowsToFix = new RowsToFixFile(fixes)) {
                    ReportingJob.Builder job = ReportingJob.builder()
                            .client(pars.client())
                            .destination(destination)
                            .clock(pars.clock())
                            .simulated(pars.simulated())
                            .listener(rowsToFix)
                            .listener(progress);
                    if (slice != null) {
                        job.sliceSize(slice);
                    }
                    summary = job.build().run(rows);
                }
                progress.finish();
                if (roster.json) {
                    top.out().println(SummaryJson.of(summary, fixes.toAbsolutePath()));
                } else {
                    SummaryText.print(summary, info);
                    if (summary.rowsToFix() + summary.count(org.parsjava.job.RowStatus.FAILED) > 0) {
                        info.println("Rows to fix (line, completion_key, outcome, field, code, message): "
                                + fixes.toAbsolutePath());
                    }
                }
                return summary.exitStatus().code();
            }
        }
    }

    private static ReportingLedger openLedger(
            LedgerOptions.Plan plan, ParsConnection pars, DataDirectory data, PrintStream info) {
        try {
            return plan.open(pars, data, info);
        } catch (LedgerException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
