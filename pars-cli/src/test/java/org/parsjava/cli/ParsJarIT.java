/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.examples.ReportCompletions;

/** The runnable jar {@code mvn package} builds, run as users run it: {@code java -jar pars.jar}. */
class ParsJarIT {

    private static final Path JAR = Path.of("target", "pars.jar");
    private static final Path SAMPLE = Path.of("..", "pars-examples", "src", "main", "resources", "sample-roster.csv");

    @TempDir
    Path dir;

    private record Run(int exit, String out) {}

    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar finished");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String summary(String out) {
        return out.substring(out.indexOf("PARS reporting summary"), out.indexOf("every row accounted for"));
    }

    @Test
    void theJarReportsTheSampleWithTheMainJobsSummary() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "mvn package built " + JAR);
        Run jar = java(
                "report",
                SAMPLE.toAbsolutePath().toString(),
                "--ledger",
                "none",
                "--report",
                dir.resolve("jar.csv").toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ReportCompletions.run(
                new String[] {
                    SAMPLE.toString(),
                    "--ledger",
                    "none",
                    "--report",
                    dir.resolve("job.csv").toString()
                },
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(exit, jar.exit(), jar.out());
        assertEquals(summary(bytes.toString(StandardCharsets.UTF_8)), summary(jar.out()));
        assertEquals(Files.readString(dir.resolve("job.csv")), Files.readString(dir.resolve("jar.csv")));
    }

    @Test
    void theJarRunsASimulatorThatAnotherRunReportsTo() throws Exception {
        Process sim = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "simulator",
                        "--api",
                        "rest")
                .redirectErrorStream(true)
                .start();
        try {
            String first = new java.io.BufferedReader(
                            new java.io.InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(first != null && first.startsWith("PARS simulator listening at "), first);
            String url =
                    first.substring("PARS simulator listening at ".length()).split(" ")[0];
            Path roster = dir.resolve("one.csv");
            Files.writeString(
                    roster,
                    String.join(",", org.parsjava.core.batch.RosterColumns.ALL) + "\n"
                            + "k1,200000001,Omar,Haddad,7/4,1245319599,TX,T12345,,"
                            + java.time.LocalDate.now().minusDays(2) + ",1,,yes\n");
            Run report = java(
                    "report",
                    roster.toString(),
                    "--ledger",
                    "none",
                    "--api",
                    "rest",
                    "--pars-url",
                    url,
                    "--provider-id",
                    "0001234",
                    "--provider-name",
                    "Demo",
                    "--user",
                    "simulator",
                    "--password",
                    "simulator-password",
                    "--report",
                    dir.resolve("fix.csv").toString());
            assertEquals(0, report.exit(), report.out());
            assertTrue(report.out().contains("accepted by PARS                  1"), report.out());
            Run status = java(
                    "status",
                    "ccid:0001234:k1-cme",
                    "--api",
                    "rest",
                    "--pars-url",
                    url,
                    "--provider-id",
                    "0001234",
                    "--provider-name",
                    "Demo",
                    "--user",
                    "simulator",
                    "--password",
                    "simulator-password");
            assertEquals(0, status.exit(), status.out());
            assertTrue(status.out().contains("ccid:0001234:k1-cme: ACCEPTED"), status.out());
        } finally {
            sim.destroy();
            sim.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJarWritesTheLedgerAndAnswersHelpAndVersion() throws Exception {
        Run report = java(
                "report",
                SAMPLE.toAbsolutePath().toString(),
                "--report",
                dir.resolve("fix.csv").toString());
        assertTrue(report.out().contains("Ledger: jdbc:h2:file:"), report.out()); // Flyway and H2 inside the jar
        assertTrue(report.out().contains("every row accounted for:     yes"), report.out());
        Run help = java("status", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Usage: pars status"), help.out());
        assertTrue(java("--version").out().contains("pars " + org.parsjava.client.ParsClient.VERSION));
    }
}
