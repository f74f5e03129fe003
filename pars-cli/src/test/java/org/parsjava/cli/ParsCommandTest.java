/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.examples.ReportCompletions;

class ParsCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private static Run pars(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ParsCommand.execute(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    /** The summary block of a run's output. */
    private static String summary(String out) {
        return out.substring(out.indexOf("PARS reporting summary"), out.indexOf("every row accounted for"));
    }

    @Test
    void reportPrintsTheSameSummaryAsTheMainJob() {
        Run cli = pars(
                "report", "--ledger", "none", "--report", dir.resolve("a.csv").toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ReportCompletions.run(
                new String[] {
                    "--ledger", "none", "--report", dir.resolve("b.csv").toString()
                },
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(exit, cli.exit());
        assertEquals(summary(bytes.toString(StandardCharsets.UTF_8)), summary(cli.out()));
    }

    @Test
    void validateChecksEveryRowAndSendsNothing() throws Exception {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(
                roster,
                String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
                        + "k1,201234567,Priya,Iyer,3/14,1245319599,NY,N12345,,2026-11-02,1,,yes\n"
                        + "k2,201234567,Kenji,Tanaka,02/30,1003000126,CA,C12345,,2026-11-02,1,,yes\n"
                        // Readable, but more credits than the activity's 1.5: refused by the rules the
                        // client applies before sending, so validate refuses it too.
                        + "k3,201234567,Ana,Silva,5/6,1245319599,NY,N12345,,2026-11-03,2,,yes\n");
        Run run = pars(
                "validate",
                roster.toString(),
                "--report",
                dir.resolve("fix.csv").toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("valid, not sent (check)           1"), run.out());
        assertTrue(run.out().contains("invalid, not sent                 2"), run.out());
        String fix = Files.readString(dir.resolve("fix.csv"));
        assertTrue(fix.contains("BIRTH_DATE_INVALID") && fix.contains("CREDITS_ABOVE_MAXIMUM"), fix);
    }

    @Test
    void asOfJudgesDatesOnTheDayGiven() throws Exception {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(
                roster,
                String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
                        + "k1,201234567,Priya,Iyer,3/14,1245319599,NY,N12345,,2026-11-02,1,,yes\n");
        Run run = pars(
                "validate",
                roster.toString(),
                "--as-of",
                "2026-11-01",
                "--report",
                dir.resolve("fix.csv").toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("dates judged as of 2026-11-01"), run.out());
        assertTrue(Files.readString(dir.resolve("fix.csv")).contains("COMPLETION_DATE_IN_FUTURE"));
    }

    @Test
    void statusSaysWhenNothingIsHeld() {
        Run run = pars("status", "ccid:0001234:nobody-cme");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("PARS holds nothing under ccid:0001234:nobody-cme"), run.out());
    }

    @Test
    void everyCommandHasHelpAndBadUsageExitsTwo() {
        for (String command : new String[] {"validate", "report", "status", "simulator"}) {
            Run help = pars(command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().contains("Usage: pars " + command), help.out());
        }
        Run top = pars("--help");
        assertTrue(top.out().contains("validate") && top.out().contains("simulator"), top.out());
        assertEquals(2, pars("report", "--no-such-option").exit());
        assertEquals(2, pars("status").exit(), "CREDIT_ID is required");
        assertEquals(2, pars("simulator", "--api", "soap").exit(), "refused before anything starts");
        assertEquals(2, pars("simulator", "--port", "70000").exit());
        assertTrue(pars("--version").out().contains("pars " + org.parsjava.client.ParsClient.VERSION));
    }
}
