/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.batch.RosterColumns;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.demo.DemoActivities;
import org.parsjava.testkit.demo.DemoRoster;

/** The command line, run in process: its options, settings, exit codes and output. */
class ParsCommandTest {

    private static final String HEADER = String.join(",", RosterColumns.ALL).replace(",profession", "") + "\n";
    private static final String GOOD_ROWS = HEADER
            + "k1,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-01,1,,yes\n"
            + "k2,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-02,1,,yes\n";

    @TempDir
    Path dir;

    private Path data;
    private final Map<String, String> env = new HashMap<>();
    private ParsSimulator pars;

    private record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void setUp() {
        data = dir.resolve("data");
        env.put("PARS_DATA_DIR", data.toString());
        pars = ParsSimulator.builder().clock(DemoActivities.clock()).build().start();
        DemoActivities.ALL.forEach(pars::addActivity);
    }

    @AfterEach
    void tearDown() {
        pars.close();
    }

    private Run pars(String... args) {
        return parsAnswering("", args);
    }

    private Run parsAnswering(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ParsCommand.execute(
                args,
                new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The settings of a real PARS (the test's simulator stands in for it) and a ledger key. */
    private void realPars() {
        env.put("PARS_URL", pars.baseUrl());
        env.put("PARS_PROVIDER_ID", ParsSimulator.DEFAULT_PROVIDER_ID);
        env.put("PARS_PROVIDER_NAME", "Example Health Continuing Education");
        env.put("PARS_USER", ParsSimulator.DEFAULT_USER);
        env.put("PARS_PASSWORD", ParsSimulator.DEFAULT_PASSWORD);
        env.put("PARS_LEDGER_KEY", LedgerKey.generate().toBase64());
    }

    private Path roster(String content) throws IOException {
        return Files.writeString(dir.resolve("roster.csv"), content);
    }

    private Path sample() throws IOException {
        StringWriter w = new StringWriter();
        DemoRoster.write(w, 1000, 20261120L);
        return Files.writeString(dir.resolve("sample.csv"), w.toString());
    }

    private static int number(String out, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label) + "\\s+(\\d+)")
                .matcher(out);
        assertTrue(m.find(), label + " missing in:\n" + out);
        return Integer.parseInt(m.group(1));
    }

    private void assertNothingCreated(Run run) {
        assertEquals(2, run.exit(), run.all());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertEquals("", run.out(), "nothing started");
        assertFalse(Files.exists(data), "nothing created in the data directory");
    }

    @Test
    void aRosterThatCannotBeReadExitsTwoWithOneLineBeforeAnythingIsCreated() {
        Run run = pars("report", dir.resolve("nosuch.csv").toString(), "--demo");
        assertNothingCreated(run);
        assertTrue(run.err().contains("nosuch.csv cannot be read: there is no such file"), run.err());
    }

    @Test
    void aWrongHeaderListsTheColumnsInWordsForOfficeStaff() throws IOException {
        Run run = pars("report", roster("name,date\nx,y\n").toString(), "--demo");
        assertNothingCreated(run);
        assertTrue(run.err().contains("lacks required column(s) completion_key"), run.err());
        assertTrue(run.err().contains("pars columns"), run.err());
        assertFalse(run.err().contains("RosterColumns"), "no Java class names for office staff");
        Run columns = pars("columns");
        assertEquals(0, columns.exit());
        for (String c : RosterColumns.ALL) {
            assertTrue(columns.out().contains(c), c);
        }
    }

    @Test
    void theLedgerKeyMayComeFromAFile() throws IOException {
        realPars();
        String key = env.remove("PARS_LEDGER_KEY");
        String r = roster(GOOD_ROWS).toString();
        Run without = pars("report", r, "--as-of", "2026-11-20");
        assertNothingCreated(without);
        assertTrue(without.err().contains("--ledger-key-file is required"), without.err());
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "not a key");
        Run refused = pars("report", r, "--as-of", "2026-11-20", "--ledger-key-file", garbage.toString());
        assertNothingCreated(refused);
        assertTrue(refused.err().contains("does not hold a key"), refused.err());
        Path file = Files.writeString(dir.resolve("ledger.key"), key + "\n");
        Run run = pars("report", r, "--as-of", "2026-11-20", "--ledger-key-file", file.toString());
        assertEquals(0, run.exit(), run.all());
        assertEquals(2, number(run.out(), "accepted by PARS in this run"), run.out());
        assertTrue(Files.exists(data.resolve("ledger/ledger.mv.db")), "the default ledger, in the data directory");
    }

    @Test
    void withoutAParsUrlNothingFallsBackToTheSimulatorSilently() throws IOException {
        Run run = pars("report", roster(GOOD_ROWS).toString());
        assertNothingCreated(run);
        assertTrue(run.err().contains("no PARS URL") && run.err().contains("--demo"), run.err());
    }

    @Test
    void badOptionValuesExitTwoBeforeAnythingIsCreated() throws IOException {
        String r = roster(GOOD_ROWS).toString();
        assertTrue(pars("report", r, "--demo", "--concurrency", "0").err().contains("--concurrency must be"));
        assertNothingCreated(pars("report", r, "--demo", "--concurrency", "0"));
        assertNothingCreated(pars("report", r, "--demo", "--slice", "0"));
        assertNothingCreated(pars("report", r, "--demo", "--slice", "100001"));
        assertNothingCreated(pars("report", r, "--demo", "--concurrency", "65"));
        assertNothingCreated(pars("report", r, "--demo", "--as-of", "1 October"));
        assertNothingCreated(pars("report", r, "--demo", "--encoding", "klingon"));
        assertNothingCreated(pars("report", r, "--demo", "--api", "soap"));
        assertNothingCreated(pars("report", r, "--demo", "--ledger", "mysql://x"));
        assertNothingCreated(pars("report", r, "--demo", "--pars-url", "https://example.org/"));
        realPars();
        env.remove("PARS_LEDGER_KEY");
        Run noKey = pars("report", r);
        assertNothingCreated(noKey);
        assertTrue(noKey.err().contains("PARS_LEDGER_KEY"), noKey.err());
        env.remove("PARS_USER");
        assertTrue(pars("report", r, "--ledger", "none").err().contains("--user (or PARS_USER) is required"));
        assertEquals(2, pars("report", r, "--no-such-option").exit());
    }

    @Test
    void theDemoKeepsItsLedgerAndReportsInTheDataDirectoryAndSaysNothingReachedPars() throws IOException {
        Run run = pars("report", sample().toString(), "--demo");
        assertEquals(1, run.exit(), run.all()); // the sample has rows to fix on purpose
        assertTrue(run.out().contains("Data directory: " + data), run.out());
        assertTrue(run.out().contains("the embedded PARS simulator"), run.out());
        assertTrue(run.out().contains("accepted by the simulator in this run"), run.out());
        assertTrue(run.out().contains("nothing reached PARS"), run.out());
        assertFalse(run.out().contains("accepted by PARS"), run.out());
        assertTrue(run.out().contains("every row accounted for: yes"), run.out());
        assertTrue(Files.exists(data.resolve("demo/ledger.mv.db")), "the demo ledger lives apart from PARS's");
        assertTrue(Files.exists(data.resolve("demo/demo-ledger.key")));
        assertTrue(Files.readString(data.resolve("rows-to-fix.csv")).contains(",INVALID,npi,NPI_CHECK_DIGIT,"));
        assertFalse(Files.exists(dir.resolve("target")), "nothing under target/ of the working directory");
    }

    @Test
    void jsonPrintsTheTypedSummaryAloneOnStandardOutput() throws Exception {
        realPars();
        Run run = pars("report", roster(GOOD_ROWS).toString(), "--ledger", "none", "--as-of", "2026-11-20", "--json");
        assertEquals(0, run.exit(), run.all());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(2, json.get("rowsRead").asInt());
        assertEquals(2, json.get("counts").get("ACCEPTED").asInt());
        assertEquals("OK", json.get("exitStatus").asText());
        assertTrue(json.get("allAccountedFor").asBoolean());
        assertTrue(json.get("reportedTo").asText().contains(pars.baseUrl()));
        assertTrue(run.err().contains("Reporting to PARS at " + pars.baseUrl()), run.err());
    }

    @Test
    void aRerunAgainstTheSameParsCountsTheRowsAsAlreadyHeldAndSendsNothing() throws IOException {
        realPars();
        String r = roster(GOOD_ROWS).toString();
        Run first = pars("report", r, "--as-of", "2026-11-20");
        assertEquals(0, first.exit(), first.all());
        assertEquals(2, number(first.out(), "accepted by PARS in this run"));
        assertTrue(Files.exists(data.resolve("ledger/ledger.mv.db")), "PARS's ledger, in the data directory");
        int posted = pars.requests(Operation.SAVE_LEARNER_ACTIVITY).size();
        Run again = pars("report", r, "--as-of", "2026-11-20");
        assertEquals(0, again.exit(), again.all());
        assertEquals(0, number(again.out(), "accepted by PARS in this run"));
        assertEquals(2, number(again.out(), "already held by PARS (earlier runs)"));
        assertEquals(posted, pars.requests(Operation.SAVE_LEARNER_ACTIVITY).size(), "nothing sent again");
    }

    @Test
    void aLedgerNeverCountsRowsAsAcceptedByAParsThatDidNotReceiveThem() throws IOException {
        realPars();
        String r = roster(GOOD_ROWS).toString();
        Run first = pars("report", r, "--as-of", "2026-11-20");
        assertEquals(2, number(first.out(), "accepted by PARS in this run"), first.all());
        try (ParsSimulator second =
                ParsSimulator.builder().clock(DemoActivities.clock()).build().start()) {
            DemoActivities.ALL.forEach(second::addActivity);
            env.put("PARS_URL", second.baseUrl());
            Run refused = pars("report", r, "--as-of", "2026-11-20");
            assertEquals(2, refused.exit(), refused.all());
            String hostA = "localhost:" + pars.port();
            String hostB = "localhost:" + second.port();
            assertTrue(refused.err().contains("reports to " + hostA + " (WCF API"), refused.err());
            assertTrue(refused.err().contains("not to " + hostB + " (WCF API"), refused.err());
            assertTrue(refused.err().contains("--adopt-pars"), refused.err());
            assertTrue(second.requests(Operation.SAVE_LEARNER_ACTIVITY).isEmpty(), "nothing reported to B");
            Run shown = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(60), () -> pars("dashboard", "--read-only"));
            assertEquals(2, shown.exit(), shown.all());
            assertTrue(shown.err().contains("reports to " + hostA + " (WCF API"), shown.err());
            assertEquals(1, shown.err().strip().lines().count(), shown.err());
            assertEquals(1, pars("status", "ccid:0001234:k1-cme").exit(), "B holds nothing");

            Run adopted = pars("report", r, "--as-of", "2026-11-20", "--adopt-pars");
            assertEquals(0, adopted.exit(), adopted.all());
            assertTrue(
                    adopted.out().contains("adopted " + hostB + " (WCF API, provider 0001234); the 2 entries " + hostA),
                    adopted.out());
            assertEquals(2, number(adopted.out(), "accepted by PARS in this run"), adopted.out());
            assertEquals(0, number(adopted.out(), "already held by PARS (earlier runs)"));
            assertTrue(adopted.out().contains("Reporting summary: PARS at " + second.baseUrl()), adopted.out());
            assertEquals(2, second.credits().size(), "B received both rows");
            assertEquals(0, pars("status", "ccid:0001234:k1-cme").exit(), "B holds it now");
            Run again = pars("report", r, "--as-of", "2026-11-20");
            assertEquals(2, number(again.out(), "already held by PARS (earlier runs)"), again.out());
        }
    }

    @Test
    void theDemoLedgerTakesOnEachNewEmbeddedSimulatorAndSendsTheRowsAgain() throws IOException {
        String r = roster(GOOD_ROWS).toString();
        Run first = pars("report", r, "--demo");
        assertEquals(2, number(first.out(), "accepted by the simulator in this run"), first.all());
        Run second = pars("report", r, "--demo");
        assertEquals(0, second.exit(), second.all());
        assertTrue(
                second.out().contains("the embedded simulator starts empty on every run, so the 2 entries"),
                second.out());
        assertEquals(2, number(second.out(), "accepted by the simulator in this run"), "the new simulator got them");
    }

    @Test
    void theLedgersDatabaseCredentialsAreOptionsAndEnvironment() throws IOException {
        realPars();
        String url = "jdbc:h2:file:" + dir.resolve("secured").toAbsolutePath();
        String r = roster(GOOD_ROWS).toString();
        Run run = pars(
                "report",
                r,
                "--as-of",
                "2026-11-20",
                "--ledger",
                url,
                "--ledger-user",
                "office",
                "--ledger-password",
                "s3cret",
                "--report",
                dir.resolve("fix.csv").toString());
        assertEquals(0, run.exit(), run.all());
        assertFalse(run.all().contains("s3cret"));
        env.put("PARS_LEDGER_USER", "office");
        env.put("PARS_LEDGER_PASSWORD", "wrong");
        Run refused = pars(
                "report",
                r,
                "--as-of",
                "2026-11-20",
                "--ledger",
                url,
                "--report",
                dir.resolve("fix2.csv").toString());
        assertEquals(2, refused.exit(), refused.all());
        assertTrue(refused.err().contains("could not connect to the ledger's database"), refused.err());
        assertFalse(refused.all().contains("wrong"));
    }

    @Test
    void aBoardIsAddedByConfigurationAloneAndAbpmrCreditReportsEndToEnd() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.json"), """
                {"extends": "defaults", "version": "with-abfm",
                 "boards": [{"code": "ABFM", "acronym": "ABFM", "name": "American Board of Family Medicine",
                   "idFormat": "[0-9]{8}", "sources": ["the provider's agreement with ABFM"],
                   "creditTypes": [{"code": "ABFM_KNOWLEDGE", "name": "Knowledge Self-Assessment"}]}]}
                """);
        org.parsjava.core.rules.RulesCatalogue catalogue = org.parsjava.core.rules.RulesCatalogue.load(rules);
        pars.close();
        // The PARS of this test knows ABFM too (as PARS would once ACCME adds a board).
        pars = ParsSimulator.builder()
                .clock(DemoActivities.clock())
                .rules(catalogue)
                .build()
                .start();
        org.parsjava.core.model.Board abfm = catalogue.board("ABFM").orElseThrow();
        pars.addActivity(DemoActivities.GRAND_ROUNDS.toBuilder()
                .accmeActivityId("201234571")
                .providerActivityId("FM-REVIEW-2026")
                .mocRegistration(new org.parsjava.core.model.MocRegistration(
                        abfm,
                        new java.math.BigDecimal("1"),
                        java.util.Set.of(catalogue.creditType("ABFM_KNOWLEDGE").orElseThrow()),
                        java.util.Optional.empty()))
                .mocRegistration(org.parsjava.core.model.MocRegistration.of(
                        org.parsjava.core.model.Board.ABPMR,
                        "1",
                        org.parsjava.core.model.MocCreditType.ABPMR_LIFELONG_LEARNING))
                .build());
        realPars();
        String roster = roster(HEADER
                        + "fm-1,201234571,Omar,Haddad,7/4,1245319599,TX,T12345,ABFM=12345678,2026-10-06,1,"
                        + "ABFM Knowledge Self-Assessment=1,yes\n"
                        + "pmr-1,201234571,Ana,Ruiz,3/14,1234567893,CA,A99999,ABPMR=445566,2026-10-13,1,"
                        + "ABPMR_LIFELONG_LEARNING=1,yes\n")
                .toString();
        // Without the file, ABFM is not a board the SDK knows: the row is refused, nothing sent for it.
        Run without = pars("report", roster, "--ledger", "none", "--as-of", "2026-11-20");
        assertEquals(1, without.exit(), without.all());
        assertEquals(1, number(without.out(), "invalid, not sent"));
        assertTrue(without.out().contains("BOARD_UNKNOWN"), without.out());
        assertEquals(1, number(without.out(), "accepted by PARS in this run"), "ABPMR is in the shipped catalogue");
        Run with = pars("report", roster, "--ledger", "none", "--as-of", "2026-11-20", "--rules", rules.toString());
        assertEquals(0, with.exit(), with.all());
        assertEquals(1, number(with.out(), "accepted by PARS in this run"));
        assertEquals(1, number(with.out(), "already held by PARS (earlier runs)"));
        assertTrue(pars.credits().stream()
                .anyMatch(c ->
                        c.mocType().map(t -> t.code().equals("ABFM_KNOWLEDGE")).orElse(false)));
        assertTrue(pars.credits().stream()
                .anyMatch(c -> c.mocType()
                        .map(t -> t.board().equals(org.parsjava.core.model.Board.ABPMR))
                        .orElse(false)));
        env.put("PARS_RULES_FILE", rules.toString());
        Run fromEnvironment = pars("report", roster, "--ledger", "none", "--as-of", "2026-11-20");
        assertEquals(0, fromEnvironment.exit(), fromEnvironment.all());
        assertEquals(2, number(fromEnvironment.out(), "already held by PARS (earlier runs)"));
        env.remove("PARS_RULES_FILE");
        // A broken rules file is one line and exit 2, before anything is created.
        Files.writeString(rules, "{\"extends\": \"defaults\", \"bords\": []}");
        env.remove("PARS_LEDGER_KEY");
        Run bad = pars("report", roster, "--ledger", "none", "--rules", rules.toString());
        assertEquals(2, bad.exit(), bad.all());
        assertTrue(bad.err().contains("bords is not a known field"), bad.err());
    }

    @Test
    void validateChecksEveryRowAndSendsNothing() throws IOException {
        Path r = roster(HEADER
                + "k1,201234567,Priya,Iyer,3/14,1245319599,NY,N12345,,2026-11-02,1,,yes\n"
                + "k2,201234567,Kenji,Tanaka,02/30,1003000126,CA,C12345,,2026-11-02,1,,yes\n"
                // Readable, but more credits than the activity's 1.5: refused by the rules the
                // client applies before sending, so validate refuses it too.
                + "k3,201234567,Ana,Silva,5/6,1245319599,NY,N12345,,2026-11-03,2,,yes\n");
        Run run = pars(
                "validate",
                r.toString(),
                "--demo",
                "--report",
                dir.resolve("fix.csv").toString());
        assertEquals(1, run.exit(), run.all());
        assertEquals(1, number(run.out(), "valid, would be sent"));
        assertEquals(2, number(run.out(), "invalid, not sent"));
        String fix = Files.readString(dir.resolve("fix.csv"));
        assertTrue(fix.contains("BIRTH_DATE_INVALID") && fix.contains("CREDITS_ABOVE_MAXIMUM"), fix);
        Run early = pars(
                "validate",
                r.toString(),
                "--demo",
                "--as-of",
                "2026-11-01",
                "--report",
                dir.resolve("fix.csv").toString());
        assertTrue(early.out().contains("dates judged as of 2026-11-01"), early.out());
        assertTrue(Files.readString(dir.resolve("fix.csv")).contains("COMPLETION_DATE_IN_FUTURE"));
    }

    @Test
    void theExcelUploadFileIsWrittenInsteadOfSending() throws IOException {
        Path upload = dir.resolve("upload.xlsx");
        Run run = pars("report", sample().toString(), "--demo", "--excel", upload.toString());
        assertEquals(1, run.exit(), run.all());
        assertEquals(1000, number(run.out(), "written to the upload file") + number(run.out(), "invalid, not sent"));
        assertTrue(Files.size(upload) > 0);
        assertFalse(Files.exists(data.resolve("demo/ledger.mv.db")), "no ledger for an upload file");
    }

    @Test
    void theDashboardShowsTheLedgerBehindAOneTimeLinkUntilStopped() throws Exception {
        Run report = pars("report", sample().toString(), "--demo");
        assertEquals(0, report.exit() & ~1);
        int accepted = number(report.out(), "accepted by the simulator in this run");
        java.io.PipedInputStream lines = new java.io.PipedInputStream();
        PrintStream out = new PrintStream(new java.io.PipedOutputStream(lines), true, StandardCharsets.UTF_8);
        int[] exit = {-1};
        Thread served = new Thread(() -> exit[0] =
                ParsCommand.execute(new String[] {"dashboard", "--demo", "--read-only"}, out, System.err, env));
        served.start();
        java.io.BufferedReader reader =
                new java.io.BufferedReader(new java.io.InputStreamReader(lines, StandardCharsets.UTF_8));
        String url = null;
        for (String l = reader.readLine(); l != null && url == null; l = reader.readLine()) {
            if (l.startsWith("Dashboard: open ")) {
                url = l.substring("Dashboard: open ".length());
            }
        }
        assertTrue(url != null && url.startsWith("http://127.0.0.1:") && url.contains("?token="), url);
        java.net.HttpURLConnection first =
                (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
        first.setInstanceFollowRedirects(false);
        assertEquals(303, first.getResponseCode());
        String cookie = first.getHeaderField("Set-Cookie").split(";")[0];
        java.net.HttpURLConnection page = (java.net.HttpURLConnection) java.net
                .URI
                .create(url.substring(0, url.indexOf("/?")) + "/overview")
                .toURL()
                .openConnection();
        page.setRequestProperty("Cookie", cookie);
        assertEquals(200, page.getResponseCode());
        String html = new String(page.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher entries = java.util.regex.Pattern.compile("<caption>(\\d+) entries, counted at ")
                .matcher(html);
        assertTrue(entries.find() && Integer.parseInt(entries.group(1)) >= 900, "the demo ledger's entries");
        // As the demo run left them: the dashboard's own simulator (another port) is not adopted,
        // which would have put every settled entry back to pending.
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile(
                        "entries\\?state=(ACCEPTED|AWAITING_BOARD|BOARD_ACCEPTED)\">\\w+</a></th><td>(\\d+)</td>")
                .matcher(html);
        int held = 0;
        while (shown.find()) {
            held += Integer.parseInt(shown.group(2));
        }
        assertEquals(accepted, held, "entries accepted (CME only, awaiting the boards, accepted by them)");
        served.interrupt();
        served.join(10_000);
        assertFalse(served.isAlive());
        assertEquals(0, exit[0]);
    }

    @Test
    void aLedgerNamedWithTheDemoIsTakenFromItsParsOnlyWhenAsked() throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("mine").toAbsolutePath();
        String r = roster(GOOD_ROWS).toString();
        Run first = pars("report", r, "--demo", "--ledger", url);
        assertEquals(0, first.exit(), first.all());
        // Each demo run's simulator is another PARS (another port): a ledger of one's own is not
        // reset to it unasked, and the dashboard does not show it as the demo's.
        Run again = pars("report", r, "--demo", "--ledger", url);
        assertEquals(2, again.exit(), again.all());
        assertTrue(again.err().contains("--adopt-pars"), again.err());
        Run shown = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> pars("dashboard", "--demo", "--ledger", url));
        assertEquals(2, shown.exit(), shown.all());
        Run adopted = pars("report", r, "--demo", "--ledger", url, "--adopt-pars");
        assertEquals(0, adopted.exit(), adopted.all());
        assertEquals(2, number(adopted.out(), "accepted by the simulator in this run"), adopted.out());
    }

    @Test
    void theDashboardNeedsALedger() {
        Run run = pars("dashboard", "--demo", "--ledger", "none");
        assertNothingCreated(run);
        assertTrue(run.err().contains("--ledger none has nothing to show"), run.err());
    }

    @Test
    void statusSaysWhenNothingIsHeld() {
        realPars();
        Run run = pars("status", "ccid:0001234:nobody-cme");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("PARS holds nothing under ccid:0001234:nobody-cme"), run.out());
    }

    @Test
    void assumptionsListsTheCatalogueWithItsSources() {
        Run run = pars("assumptions");
        assertEquals(0, run.exit(), run.all());
        for (var a : org.parsjava.client.conformance.WireAssumptions.catalogue().all()) {
            assertTrue(run.out().contains(a.id() + "  [" + a.source()), a.id());
        }
        assertFalse(pars("assumptions", "--generation", "wcf").out().contains("REST-400-WHOLE-DOCUMENT"));
    }

    @Test
    void conformanceAsksFirstThenChecksEveryAssumptionAndWritesItsReports() throws IOException {
        realPars();
        Path reports = dir.resolve("reports");
        Run declined = parsAnswering("n\n", "conformance", "--report-dir", reports.toString(), "--as-of", "2026-11-20");
        assertEquals(2, declined.exit(), declined.all());
        assertTrue(declined.out().contains("Nothing was created."), declined.out());
        assertTrue(pars.requests(Operation.SAVE_ACTIVITY).isEmpty(), "nothing created before the answer");
        Run run = parsAnswering("y\n", "conformance", "--report-dir", reports.toString(), "--as-of", "2026-11-20");
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("refuted 0"), run.out());
        String md = Files.readString(reports.resolve("conformance-report.md"));
        JsonNode json = new ObjectMapper()
                .readTree(reports.resolve("conformance-report.json").toFile());
        for (var a : org.parsjava.client.conformance.WireAssumptions.catalogue().all()) {
            assertTrue(md.contains("| " + a.id() + " |"), a.id());
        }
        assertEquals(
                org.parsjava.client.conformance.WireAssumptions.catalogue()
                        .all()
                        .size(),
                json.get("findings").size());
        assertFalse(Files.exists(reports.resolve("conformance-endpoints.json")), "nothing to correct");
        assertEquals(DemoActivities.ALL.size(), pars.activities().size(), "the test activity was deleted again");
    }

    @Test
    void aDeviationIsRefutedAndTheCorrectedEndpointsFileMakesReportingWork() throws IOException {
        org.parsjava.client.ParsEndpoints rest = org.parsjava.client.ParsEndpoints.rest();
        org.parsjava.client.ParsEndpoints deviating = rest.toBuilder()
                .endpoint(
                        Operation.SAVE_LEARNER_ACTIVITY,
                        org.parsjava.client.ParsEndpoints.Endpoint.of(
                                "POST", "LearnerActivities", Map.of(), Set.of(200, 201)))
                .build();
        try (ParsSimulator other = ParsSimulator.builder()
                .clock(DemoActivities.clock())
                .endpoints(deviating)
                .build()
                .start()) {
            DemoActivities.ALL.forEach(other::addActivity);
            realPars();
            env.put("PARS_URL", other.baseUrl());
            env.put("PARS_API", "rest");
            Path reports = dir.resolve("reports");
            Run run = pars("conformance", "--yes", "--report-dir", reports.toString(), "--as-of", "2026-11-20");
            assertEquals(1, run.exit(), run.all());
            assertTrue(run.out().contains("REFUTED REST-LEARNER-ACTIVITIES"), run.out());
            Path corrected = reports.resolve("conformance-endpoints.json");
            assertTrue(Files.exists(corrected), run.out());
            String r = roster(GOOD_ROWS).toString();
            Run assumed = pars("report", r, "--as-of", "2026-11-20", "--ledger", "none");
            assertEquals(3, assumed.exit(), "the assumed path is not there: " + assumed.all());
            Run fixed =
                    pars("report", r, "--as-of", "2026-11-20", "--ledger", "none", "--endpoints", corrected.toString());
            assertEquals(0, fixed.exit(), fixed.all());
            assertEquals(2, number(fixed.out(), "accepted by PARS in this run"));
        }
    }

    @Test
    void everyCommandHasHelpAndBadUsageExitsTwo() {
        for (String command :
                List.of("validate", "report", "status", "simulator", "columns", "assumptions", "conformance")) {
            Run help = pars(command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().contains("Usage: pars " + command), help.out());
        }
        Run top = pars("--help");
        assertTrue(Stream.of("report", "validate", "status", "columns", "simulator")
                .allMatch(top.out()::contains));
        assertEquals(2, pars("status").exit(), "CREDIT_ID is required");
        assertEquals(2, pars("report").exit(), "ROSTER is required");
        assertEquals(2, pars("simulator", "--api", "soap").exit(), "refused before anything starts");
        assertEquals(2, pars("simulator", "--port", "70000").exit());
        Run rules =
                pars("simulator", "--rules", dir.resolve("no-such-rules.json").toString());
        assertEquals(2, rules.exit(), "the simulator's rules file is read before it starts");
        assertTrue(rules.err().contains("no-such-rules.json"), rules.err());
        assertTrue(pars("--version").out().contains("pars " + org.parsjava.client.ParsClient.VERSION));
    }
}
