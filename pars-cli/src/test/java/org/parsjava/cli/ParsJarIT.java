/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.batch.RosterColumns;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.SeenRequest;
import org.parsjava.testkit.demo.DemoActivities;
import org.parsjava.testkit.demo.DemoRoster;

/** The runnable jar {@code mvn package} builds, run as users run it: {@code java -jar pars.jar}. */
class ParsJarIT {

    private static final Path JAR = Path.of("target", "pars.jar");
    private static final LedgerKey KEY = LedgerKey.generate();

    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private ProcessBuilder jar(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PARS_DATA_DIR", dir.resolve("data").toString());
        pb.environment().putAll(env);
        return pb;
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = jar(env, args).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the jar finished");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private Path sample(int rows, long seed) throws IOException {
        Path roster = dir.resolve("roster-" + rows + ".csv");
        try (Writer w = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            DemoRoster.write(w, rows, seed);
        }
        return roster;
    }

    private static Map<String, String> parsOf(ParsSimulator sim) {
        Map<String, String> env = new HashMap<>();
        env.put("PARS_URL", sim.baseUrl());
        env.put("PARS_PROVIDER_ID", ParsSimulator.DEFAULT_PROVIDER_ID);
        env.put("PARS_PROVIDER_NAME", "Example Health Continuing Education");
        env.put("PARS_USER", ParsSimulator.DEFAULT_USER);
        env.put("PARS_PASSWORD", ParsSimulator.DEFAULT_PASSWORD);
        env.put("PARS_LEDGER_KEY", KEY.toBase64());
        return env;
    }

    @Test
    void theJarRunsTheDemoAsTheCommandLineDoesInProcess() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package built " + JAR);
        Path roster = sample(1000, 20261120L);
        Run jar = run(Map.of(), "report", roster.toString(), "--demo", "--json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ParsCommand.execute(
                new String[] {"report", roster.toString(), "--demo", "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("PARS_DATA_DIR", dir.resolve("in-process").toString()));
        assertEquals(exit, jar.exit(), jar.out());
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(out.toString(StandardCharsets.UTF_8));
        String printed = jar.out().substring(jar.out().indexOf('{'));
        assertEquals(expected.get("counts"), json.readTree(printed).get("counts"));
        assertTrue(Files.exists(dir.resolve("data/demo/ledger.mv.db")), "Flyway and H2 work inside the jar");
    }

    @Test
    void theJarRunsASimulatorThatAnotherRunReportsTo() throws Exception {
        Process sim = jar(Map.of(), "simulator", "--api", "rest").start();
        try {
            String first =
                    new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(first != null && first.startsWith("PARS simulator listening at "), first);
            String url =
                    first.substring("PARS simulator listening at ".length()).split(" ")[0];
            Path roster = Files.writeString(
                    dir.resolve("one.csv"),
                    String.join(",", RosterColumns.ALL).replace(",profession", "") + "\n"
                            + "k1,201234567,Omar,Haddad,7/4,1245319599,TX,T12345,,"
                            + LocalDate.now().minusDays(2) + ",1,,yes\n");
            Map<String, String> env = new HashMap<>(Map.of(
                    "PARS_URL", url,
                    "PARS_PROVIDER_ID", "0001234",
                    "PARS_PROVIDER_NAME", "Demo",
                    "PARS_USER", "simulator",
                    "PARS_PASSWORD", "simulator-password",
                    "PARS_API", "rest"));
            Run report = run(env, "report", roster.toString(), "--ledger", "none");
            assertEquals(0, report.exit(), report.out());
            assertTrue(report.out().matches("(?s).*accepted by PARS in this run\\s+1\\n.*"), report.out());
            Run status = run(env, "status", "ccid:0001234:k1-cme");
            assertEquals(0, status.exit(), status.out());
            assertTrue(status.out().contains("ccid:0001234:k1-cme: ACCEPTED"), status.out());
        } finally {
            sim.destroy();
            sim.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void conformanceAgainstTheJarsSimulatorConfirmsEveryAssumptionInBothGenerations() throws Exception {
        for (String api : List.of("wcf", "rest")) {
            Process sim = jar(Map.of(), "simulator", "--api", api).start();
            try {
                String first = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                String url =
                        first.substring("PARS simulator listening at ".length()).split(" ")[0];
                Map<String, String> env = new HashMap<>(Map.of(
                        "PARS_URL", url,
                        "PARS_PROVIDER_ID", "0001234",
                        "PARS_PROVIDER_NAME", "Demo",
                        "PARS_USER", "simulator",
                        "PARS_PASSWORD", "simulator-password",
                        "PARS_API", api));
                Path reports = dir.resolve("conformance-" + api);
                Run run = run(env, "conformance", "--yes", "--report-dir", reports.toString());
                assertEquals(0, run.exit(), run.out());
                assertTrue(run.out().contains("refuted 0"), run.out());
                assertTrue(Files.readString(reports.resolve("conformance-report.md"))
                        .contains("(" + api.toUpperCase(java.util.Locale.ROOT) + " API, provider 0001234)"));
            } finally {
                sim.destroy();
                sim.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aSecondRunOnALedgerInUseIsToldSo() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("busy").toAbsolutePath();
        try (ParsSimulator sim = ParsSimulator.builder().build().start();
                ParsClient client = sim.clientBuilder().build();
                ReportingLedger held = ReportingLedger.builder()
                        .jdbcUrl(url, null, null)
                        .client(client)
                        .key(KEY)
                        .build()) {
            Run second = run(parsOf(sim), "report", sample(2, 1L).toString(), "--ledger", url);
            assertEquals(2, second.exit(), second.out());
            assertTrue(second.out().contains("the ledger is in use by another run"), second.out());
            assertTrue(held.counts().isEmpty());
        }
    }

    @Test
    void aRunKilledWhileSendingResumesWithEveryRowAccountedAndNothingSentTwice() throws Exception {
        Path roster = sample(2000, 42L);
        String ledger = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        try (ParsSimulator sim = ParsSimulator.builder()
                .clock(DemoActivities.clock())
                .latency(Duration.ofMillis(25))
                .build()
                .start()) {
            DemoActivities.ALL.forEach(sim::addActivity);
            String[] args = {
                "report",
                roster.toString(),
                "--as-of",
                DemoActivities.AS_OF.toString(),
                "--ledger",
                ledger,
                "--slice",
                "400",
                "--report",
                dir.resolve("fix.csv").toString()
            };
            Path firstLog = dir.resolve("first.log");
            Process first =
                    jar(parsOf(sim), args).redirectOutput(firstLog.toFile()).start();
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sim.credits().size() < 300 && first.isAlive() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(
                    first.isAlive(),
                    "the first run must still be sending when it is killed:\n" + Files.readString(firstLog));
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            first.waitFor();
            int storedAtKill = sim.credits().size();
            assertTrue(storedAtKill > 0 && storedAtKill < 1500, "killed midway: " + storedAtKill);
            int resentBefore = sim.resentHeldRecords();

            Run second = run(parsOf(sim), args);
            assertEquals(1, second.exit(), second.out()); // the generated roster has rows to fix
            assertTrue(second.out().contains("every row accounted for: yes"), second.out());
            int accepted = number(second.out(), "accepted by PARS in this run")
                    + number(second.out(), "already held by PARS (earlier runs)");
            // Every accepted row is in PARS once: one stored completion per accepted row.
            Set<String> storedCompletions = sim.credits().stream()
                    .map(c -> c.accmeActivityId() + "|" + c.learnerKey() + "|" + c.completionDate())
                    .collect(Collectors.toSet());
            assertEquals(accepted, storedCompletions.size(), second.out());
            // Records PARS held at the kill were looked up by CreditID, never sent again: the
            // ledger's claims were on disk when the process died (H2 writes each claim before its send).
            assertEquals(0, sim.resentHeldRecords() - resentBefore, second.out());
            // Nothing sent twice, beyond what was in flight at the kill (one slice at most).
            int posted = sim.requests(Operation.SAVE_LEARNER_ACTIVITY).stream()
                    .mapToInt(SeenRequest::records)
                    .sum();
            int sendable = accepted + number(second.out(), "rejected by PARS or the board");
            assertTrue(
                    posted <= sendable + 400,
                    "posted " + posted + " for " + sendable + " sendable rows\n" + second.out());
        }
    }

    @Test
    void theJarAnswersHelpAndVersion() throws Exception {
        Run help = run(Map.of(), "status", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Usage: pars status"), help.out());
        assertTrue(run(Map.of(), "--version").out().contains("pars " + ParsClient.VERSION));
    }

    private static int number(String out, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label) + "\\s+(\\d+)")
                .matcher(out);
        assertTrue(m.find(), label + " missing in:\n" + out);
        return Integer.parseInt(m.group(1));
    }
}
