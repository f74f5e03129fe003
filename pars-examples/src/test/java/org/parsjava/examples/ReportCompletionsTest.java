/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCompletionsTest {

    @TempDir
    Path dir;

    private int ledgers;

    private Path keyFile() {
        Path f = dir.resolve("ledger.key");
        try {
            if (!Files.exists(f)) {
                Files.writeString(f, org.parsjava.ledger.LedgerKey.generate().toBase64());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return f;
    }

    private static int number(String out, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(\\d+)").matcher(out);
        assertTrue(m.find(), label + " missing in:\n" + out);
        return Integer.parseInt(m.group(1));
    }

    /** Runs the main job; with a ledger of this test's own unless the arguments name one. */
    private String run(int expectedExit, String... args) {
        if (!List.of(args).contains("--ledger")) {
            List<String> withLedger = new java.util.ArrayList<>(List.of(args));
            withLedger.add("--ledger");
            withLedger.add("jdbc:h2:file:" + dir.resolve("ledger-" + ledgers++).toAbsolutePath());
            args = withLedger.toArray(String[]::new);
        }
        if (!List.of(args).contains("--ledger-key-file")) {
            args = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(args),
                            java.util.stream.Stream.of(
                                    "--ledger-key-file", keyFile().toString()))
                    .toArray(String[]::new);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ReportCompletions.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, out);
        return out;
    }

    @Test
    void sampleRosterRunAgainstTheSimulatorAccountsForEveryRow() throws IOException {
        Path report = dir.resolve("fix.csv");
        String out = run(0, "--report", report.toString());
        assertTrue(out.contains("embedded PARS simulator"), out);
        int rows = number(out, "rows read");
        int accepted = number(out, "accepted by PARS");
        int rejected = number(out, "rejected by PARS");
        int invalid = number(out, "invalid, not sent");
        int failed = number(out, "failed, resubmit later");
        assertEquals(1000, rows);
        assertEquals(rows, accepted + rejected + invalid + failed);
        assertTrue(invalid >= 50 && invalid <= 150, "about 10% bad rows: " + invalid);
        assertTrue(rejected > 0, "the duplicates are refused by PARS");
        assertTrue(out.contains("every row accounted for:     yes"), out);
        assertTrue(out.contains("with your own roster this run would exit 1"), out);
        List<String> lines = Files.readAllLines(report);
        assertEquals("line,completion_key,outcome,field,code,message", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",REJECTED,,DUPLICATE_RECORD,")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",INVALID,npi,NPI_CHECK_DIGIT,")), lines.toString());
    }

    @Test
    void theRestGenerationGivesTheSameAccountingAsWcf() throws IOException {
        String wcf = run(0, "--report", dir.resolve("wcf.csv").toString(), "--ledger", "none");
        String rest = run(0, "--report", dir.resolve("rest.csv").toString(), "--ledger", "none", "--api", "rest");
        assertTrue(rest.contains("REST API"), rest);
        for (String line : new String[] {
            "rows read", "accepted by PARS", "rejected by PARS", "invalid, not sent", "failed, resubmit later"
        }) {
            assertEquals(number(wcf, line), number(rest, line), line);
        }
        assertEquals(Files.readString(dir.resolve("wcf.csv")), Files.readString(dir.resolve("rest.csv")));
        run(2, "--api", "soap");
    }

    @Test
    void ownRosterWithBadRowsExitsOneAndNamesLineAndColumnWithoutPersonalData() throws IOException {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(
                roster,
                String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
                        + "k1,201234567,Priya,Iyer,3/14,1245319599,NY,N12345,,2026-11-02,1,,yes\n"
                        + "k2,201234567,Kenji,Tanaka,02/30,1003000126,CA,C12345,,2026-11-02,1,,yes\n"
                        + "k3,201234567,Grace,Novak,4/1,1234567890,CA,C54321,,2026-11-02,1,,yes\n");
        Path report = dir.resolve("fix.csv");
        String out = run(1, roster.toString(), "--report", report.toString());
        assertEquals(1, number(out, "accepted by PARS"));
        assertEquals(2, number(out, "invalid, not sent"));
        String fix = Files.readString(report);
        assertTrue(fix.contains("3,k2,INVALID,birth_date,BIRTH_DATE_INVALID,"), fix);
        assertTrue(fix.contains("4,k3,INVALID,npi,NPI_CHECK_DIGIT,"), fix);
        for (String pii : new String[] {"Kenji", "Tanaka", "1234567890", "02/30", "Novak"}) {
            assertFalse(fix.contains(pii) || out.contains(pii), pii);
        }
    }

    @Test
    void allGoodRosterExitsZeroAndMissingHeaderExitsTwo() throws IOException {
        Path good = dir.resolve("good.csv");
        Files.writeString(
                good,
                String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
                        + "k1,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-01,1,,yes\n");
        run(0, good.toString(), "--report", dir.resolve("a.csv").toString());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "name,date\nx,y\n");
        String out = run(2, bad.toString(), "--report", dir.resolve("b.csv").toString());
        assertTrue(out.contains("lacks required column"), out);
    }

    @Test
    void refusedCredentialsStopTheRunWithEveryReadRowAccountedAndExitThree() throws IOException {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(
                roster,
                String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
                        + "k1,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-01,1,,yes\n"
                        + "k2,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-02,1,,yes\n");
        try (org.parsjava.testkit.ParsSimulator sim = demoSimulator()) {
            String out = run(
                    3,
                    roster.toString(),
                    "--as-of",
                    DemoActivities.AS_OF.toString(),
                    "--pars-url",
                    sim.baseUrl(),
                    "--provider-id",
                    org.parsjava.testkit.ParsSimulator.DEFAULT_PROVIDER_ID,
                    "--provider-name",
                    "Test Provider",
                    "--user",
                    org.parsjava.testkit.ParsSimulator.DEFAULT_USER,
                    "--password",
                    "not-the-password",
                    "--report",
                    dir.resolve("fix.csv").toString());
            assertEquals(1, number(out, "rows read"));
            assertEquals(1, number(out, "failed, resubmit later"));
            assertTrue(out.contains("every row accounted for:     yes"), out);
            assertTrue(out.contains("Stopped after line 2") && out.contains("refused the credentials"), out);
            assertFalse(out.contains("not-the-password"), out);
            assertTrue(sim.credits().isEmpty());
        }
    }

    private static final String GOOD_ROWS = String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
            + "k1,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-01,1,,yes\n"
            + "k2,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-02,1,,yes\n";

    /**
     * A started simulator holding the demo activities, its clock on the demo day (the rows above
     * are dated for it; the job is run {@code --as-of} that day too); close it.
     */
    private static org.parsjava.testkit.ParsSimulator demoSimulator() {
        org.parsjava.testkit.ParsSimulator sim = org.parsjava.testkit.ParsSimulator.builder()
                .clock(DemoActivities.clock())
                .build()
                .start();
        DemoActivities.ALL.forEach(sim::addActivity);
        return sim;
    }

    private Path goodRoster() throws IOException {
        return Files.writeString(dir.resolve("roster.csv"), GOOD_ROWS);
    }

    private String[] against(org.parsjava.testkit.ParsSimulator sim, Path roster) {
        return new String[] {
            roster.toString(),
            "--as-of",
            DemoActivities.AS_OF.toString(),
            "--pars-url",
            sim.baseUrl(),
            "--provider-id",
            org.parsjava.testkit.ParsSimulator.DEFAULT_PROVIDER_ID,
            "--provider-name",
            "Test Provider",
            "--user",
            org.parsjava.testkit.ParsSimulator.DEFAULT_USER,
            "--password",
            org.parsjava.testkit.ParsSimulator.DEFAULT_PASSWORD,
            "--report",
            dir.resolve("fix.csv").toString()
        };
    }

    @Test
    void datesAreJudgedAsOfTheDayGiven() throws IOException {
        Path roster = goodRoster(); // completed 2026-10-01 and 2026-10-02
        try (org.parsjava.testkit.ParsSimulator sim = demoSimulator()) {
            String[] args = against(sim, roster);
            args[2] = "2026-10-01"; // the second row is then a day in the future
            String out = run(1, args);
            assertEquals(1, number(out, "accepted by PARS"), out);
            assertTrue(out.contains("COMPLETION_DATE_IN_FUTURE 1"), out);
            assertTrue(out.contains("dates judged as of 2026-10-01"), out);
            args[2] = "2028-02-01"; // 2026 is then a closed reporting year
            String later = run(1, args);
            assertTrue(later.contains("COMPLETION_DATE_OUTSIDE_REPORTING_WINDOW 2"), later);
            args[2] = "1 October";
            assertTrue(run(2, args).contains("--as-of must be a date as YYYY-MM-DD"));
        }
    }

    @Test
    void runningTheSameRosterAgainStoresNothingTwiceAndReportsTheRowsAccepted() throws IOException {
        Path roster = goodRoster();
        try (org.parsjava.testkit.ParsSimulator sim = demoSimulator()) {
            assertEquals(2, number(run(0, against(sim, roster)), "accepted by PARS"));
            String again = run(0, against(sim, roster));
            assertEquals(2, number(again, "accepted by PARS"));
            assertEquals(0, number(again, "rejected by PARS"));
            assertEquals(2, sim.credits().size());
        }
    }

    @Test
    void aRerunWithTheSameLedgerSendsNothingAndCountsEveryRowAsBefore() throws IOException {
        Path roster = goodRoster();
        String ledger = "jdbc:h2:file:" + dir.resolve("shared-ledger").toAbsolutePath();
        try (org.parsjava.testkit.ParsSimulator sim = demoSimulator()) {
            String[] args = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(against(sim, roster)),
                            java.util.stream.Stream.of("--ledger", ledger))
                    .toArray(String[]::new);
            String first = run(0, args);
            int posted = sim.requests(org.parsjava.client.ParsEndpoints.Operation.SAVE_LEARNER_ACTIVITY)
                    .size();
            String again = run(0, args);
            assertEquals(number(first, "accepted by PARS"), number(again, "accepted by PARS"));
            assertEquals(
                    posted,
                    sim.requests(org.parsjava.client.ParsEndpoints.Operation.SAVE_LEARNER_ACTIVITY)
                            .size(),
                    "the ledger knew every row was settled: nothing sent again");
            assertTrue(again.contains("every row accounted for:     yes"), again);
        }
    }

    @Test
    void realLearnerDataNeedsALedgerKey() throws IOException {
        try (org.parsjava.testkit.ParsSimulator sim = demoSimulator()) {
            String[] args = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(against(sim, goodRoster())),
                            java.util.stream.Stream.of(
                                    "--ledger-key-file",
                                    dir.resolve("missing.key").toString()))
                    .toArray(String[]::new);
            assertTrue(run(2, args).contains("--ledger-key-file"));
            String none = run(
                    0,
                    java.util.stream.Stream.concat(
                                    java.util.Arrays.stream(against(sim, goodRoster())),
                                    java.util.stream.Stream.of("--ledger", "none"))
                            .toArray(String[]::new));
            assertTrue(none.contains("Ledger: none"), none);
        }
    }

    @Test
    void anActivityWhoseLookupFailedIsNotAskedAgainForEachRow() throws IOException {
        Path roster = goodRoster();
        try (org.parsjava.testkit.ParsSimulator sim = demoSimulator()) {
            int attempts = org.parsjava.client.RetryPolicy.defaults().maxAttempts();
            for (int i = 0; i < attempts; i++) { // exactly one lookup's worth of refusals
                sim.inject(
                        org.parsjava.client.ParsEndpoints.Operation.GET_ACTIVITY,
                        org.parsjava.testkit.Fault.rateLimited(java.time.Duration.ZERO));
            }
            String out = run(3, against(sim, roster));
            assertEquals(2, number(out, "failed, resubmit later"), out);
            assertEquals(
                    attempts,
                    sim.requests(org.parsjava.client.ParsEndpoints.Operation.GET_ACTIVITY)
                            .size());
        }
    }

    @Test
    void aWindows1252RowEndsAsAnInvalidRowAndTheRunStillEndsWithItsSummary() throws IOException {
        Path roster = dir.resolve("mixed.csv");
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes((String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
                        + "k1,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-01,1,,yes\n")
                .getBytes(StandardCharsets.UTF_8));
        file.writeBytes("k2,201234569,Jos\u00e9,Haddad,7/5,1003000126,TX,T12346,,2026-10-01,1,,yes\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        file.writeBytes("k3,201234569,Lena,Berg,7/6,1003000134,TX,T12347,,2026-10-01,1,,yes\n"
                .getBytes(StandardCharsets.UTF_8));
        Files.write(roster, file.toByteArray());
        Path report = dir.resolve("fix.csv");
        String out = run(1, roster.toString(), "--report", report.toString());
        assertEquals(3, number(out, "rows read"));
        assertEquals(2, number(out, "accepted by PARS"));
        assertEquals(1, number(out, "invalid, not sent"));
        assertTrue(out.contains("ROW_ENCODING 1"), out);
        assertTrue(out.contains("every row accounted for:     yes"), out);
        assertTrue(Files.readString(report).contains("3,k2,INVALID,first_name,ROW_ENCODING,"));
        // The same file read as Windows-1252 would mangle the UTF-8 rows' non-ASCII letters, but
        // an all-Windows-1252 file named so is read whole.
        Path ansi = dir.resolve("ansi.csv");
        Files.write(
                ansi,
                (String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
                                + "k1,201234569,Jos\u00e9,Mu\u00f1oz,7/4,1245319599,TX,T12345,,2026-10-01,1,,yes\n")
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        out = run(
                0,
                ansi.toString(),
                "--encoding",
                "windows-1252",
                "--report",
                dir.resolve("b.csv").toString());
        assertEquals(1, number(out, "accepted by PARS"));
        assertTrue(run(2, ansi.toString(), "--encoding", "klingon").contains("--encoding names no"));
    }

    @Test
    void concurrencyIsTakenFromTheCommandLineAndGivesTheSameAccounting() {
        String one = run(0, "--report", dir.resolve("a.csv").toString());
        String eight = run(
                0,
                "--concurrency",
                "8",
                "--slice",
                "300",
                "--report",
                dir.resolve("b.csv").toString());
        for (String label : new String[] {
            "rows read", "accepted by PARS", "rejected by PARS", "invalid, not sent", "failed, resubmit later"
        }) {
            assertEquals(number(one, label), number(eight, label), label);
        }
        assertTrue(run(2, "--concurrency", "0").contains("--concurrency must be"));
        assertTrue(run(2, "--concurrency", "x").contains("--concurrency must be"));
    }

    @Test
    void excelWritesTheUploadFileWithTheSamplesValidRowsInsteadOfCallingPARS() throws IOException {
        Path upload = dir.resolve("upload.xlsx");
        String out = run(
                0,
                "--excel",
                upload.toString(),
                "--report",
                dir.resolve("fix.csv").toString());
        assertTrue(out.contains("nothing is sent to PARS"), out);
        int written = number(out, "written to the upload file");
        assertEquals(1000, written + number(out, "invalid, not sent"), out);
        assertTrue(out.contains("every row accounted for:     yes"), out);
        java.util.Map<String, org.parsjava.core.model.Activity> byId = new java.util.HashMap<>();
        DemoActivities.ALL.forEach(a -> byId.put(a.accmeActivityId().orElseThrow(), a));
        // The sample's valid rows, in order, as the validator judges them on the demo day.
        org.parsjava.core.validation.ParsValidator validator = org.parsjava.core.validation.ParsValidator.builder()
                .clock(DemoActivities.clock())
                .build();
        org.parsjava.core.validation.Batch batch = validator.newBatch();
        List<org.parsjava.core.model.LearnerCompletion> valid = new java.util.ArrayList<>();
        try (org.parsjava.core.batch.RosterReader r = org.parsjava.core.batch.RosterReader.open(
                ReportCompletionsTest.class.getResourceAsStream("/sample-roster.csv"),
                StandardCharsets.UTF_8,
                id -> java.util.Optional.ofNullable(byId.get(id)))) {
            r.forEachRemaining(row -> row.completion()
                    .filter(c -> batch.add(c).stream().noneMatch(org.parsjava.core.validation.Violation::isError))
                    .ifPresent(valid::add));
        }
        List<org.parsjava.core.model.LearnerCompletion> back = new java.util.ArrayList<>();
        try (org.parsjava.excel.LearnerUploadReader r = org.parsjava.excel.LearnerUploadReader.open(
                upload, id -> java.util.Optional.ofNullable(byId.get(id)))) {
            r.forEachRemaining(t -> back.add(t.row().completion().orElseThrow()));
        }
        assertEquals(written, back.size());
        assertEquals(valid.size(), back.size());
        for (int i = 0; i < valid.size(); i++) {
            org.parsjava.core.model.LearnerCompletion a = valid.get(i);
            org.parsjava.core.model.LearnerCompletion b = back.get(i);
            assertEquals(a.learner().lastName(), b.learner().lastName(), "row " + i);
            assertEquals(a.completionDate(), b.completionDate(), "row " + i);
            assertEquals(a.activity().accmeActivityId(), b.activity().accmeActivityId(), "row " + i);
        }
    }

    @Test
    void unknownOptionsAndABadSliceExitTwo() {
        assertTrue(run(2, "--parsurl", "https://example.org").contains("unknown option --parsurl"));
        assertTrue(run(2, "--slice", "abc").contains("--slice must be"));
        assertTrue(run(2, "--slice", "0").contains("--slice must be"));
        assertTrue(run(2, "--slice", "2000000000").contains("--slice must be"));
    }

    @Test
    void generatorIsDeterministicAndMatchesTheBundledSample() throws IOException {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        RosterGenerator.write(a, 1000, 20261120L);
        RosterGenerator.write(b, 1000, 20261120L);
        assertEquals(a.toString(), b.toString());
        String bundled = new String(
                ReportCompletionsTest.class
                        .getResourceAsStream("/sample-roster.csv")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(
                bundled,
                a.toString(),
                "regenerate with RosterGenerator src/main/resources/sample-roster.csv 1000 20261120");
    }
}
