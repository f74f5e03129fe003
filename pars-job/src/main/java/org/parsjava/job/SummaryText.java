/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.io.PrintStream;
import java.util.Map;

/**
 * A {@link JobSummary} in words, as the command line and the examples print it: where the rows
 * went, each status with its count and codes, and whether every row is accounted for. Says
 * "the simulator" where a simulator answered, so a demo run never reads as reported to PARS.
 */
public final class SummaryText {

    private SummaryText() {}

    /** How {@code status} is named in {@code s}'s summary. */
    public static String label(JobSummary s, RowStatus status) {
        String pars = s.simulated() ? "the simulator" : "PARS";
        return switch (status) {
            case ACCEPTED -> "accepted by " + pars + " in this run";
            case ALREADY_HELD -> "already held by " + pars + " (earlier runs)";
            case WRITTEN -> "written to the upload file";
            case VALID -> "valid, would be sent";
            case REJECTED -> "rejected by " + pars + " or the board";
            case INVALID -> "invalid, not sent";
            case FAILED -> "failed, report again later";
            case WITHDRAWN -> "withdrawn by the learner";
        };
    }

    /** Prints the summary, and why the run stopped if it did. */
    public static void print(JobSummary s, PrintStream out) {
        out.println();
        out.println("Reporting summary: " + s.reportedTo());
        line(out, "rows read", s.rowsRead(), "");
        for (RowStatus status : RowStatus.values()) {
            long n = s.count(status);
            if (n > 0 || shownWhenZero(s, status)) {
                line(out, label(s, status), n, codes(s.codes(status)));
            }
        }
        if (s.destination() == Destination.Kind.LEDGER) {
            out.println("  (resumed from an interrupted run " + s.resumed() + "; entries of earlier runs settled "
                    + s.earlierSettled() + ")");
            BoardVerdicts b = s.boardVerdicts();
            out.println("  boards' decisions on earlier rows: " + b.accepted() + " accepted, " + b.rejected()
                    + " rejected" + (b.rejected() == 0 ? "" : " (rows to fix)") + codes(b.rejectionCodes()));
        }
        if (s.warnings() > 0) {
            out.println("  (warnings on reported rows " + s.warnings() + ")");
        }
        out.println("  every row accounted for: " + (s.allAccountedFor() ? "yes" : "NO"));
        s.stop().ifPresent(stop -> {
            out.println("Stopped after line " + stop.lastLine() + ": " + stop.reason());
            out.println("Rows after that line were not read; run the file again once this is fixed (rows PARS "
                    + "already holds are recognised by their CreditID, never stored twice).");
        });
    }

    /** The statuses a destination can give are shown even at 0, so a reader sees nothing was hidden. */
    private static boolean shownWhenZero(JobSummary s, RowStatus status) {
        return switch (s.destination()) {
            case LEDGER, PARS ->
                status == RowStatus.ACCEPTED
                        || status == RowStatus.ALREADY_HELD
                        || status == RowStatus.REJECTED
                        || status == RowStatus.INVALID
                        || status == RowStatus.FAILED;
            case UPLOAD_FILE -> status == RowStatus.WRITTEN || status == RowStatus.INVALID;
            case CHECK_ONLY -> status == RowStatus.VALID || status == RowStatus.INVALID;
        };
    }

    private static void line(PrintStream out, String label, long n, String codes) {
        out.printf("  %-46s %8d%s%n", label, n, codes);
    }

    private static String codes(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("   ");
        counts.forEach((code, n) -> b.append(code).append(' ').append(n).append("  "));
        return b.toString().stripTrailing();
    }
}
