/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.SeenRequest;

/**
 * The main job killed with kill -9 in the middle of sending, then started again: every row
 * ends accounted for, and nothing reaches PARS twice.
 */
class ResumeAfterKillTest {

    @TempDir
    Path dir;

    private static int number(String out, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(\\d+)").matcher(out);
        assertTrue(m.find(), label + " missing in:\n" + out);
        return Integer.parseInt(m.group(1));
    }

    private Process job(Path roster, ParsSimulator sim, String ledger, String key, Path log) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                cp,
                ReportCompletions.class.getName(),
                roster.toString(),
                "--as-of",
                DemoActivities.AS_OF.toString(),
                "--pars-url",
                sim.baseUrl(),
                "--provider-id",
                DemoActivities.PROVIDER_ID,
                "--provider-name",
                "Example Health Continuing Education",
                "--user",
                ParsSimulator.DEFAULT_USER,
                "--password",
                ParsSimulator.DEFAULT_PASSWORD,
                "--ledger",
                ledger,
                "--slice",
                "400",
                "--report",
                dir.resolve("fix.csv").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PARS_LEDGER_KEY", key);
        return pb.start();
    }

    @Test
    void aRunKilledWhileSendingResumesWithEveryRowAccountedAndNothingSentTwice() throws Exception {
        Clock asOf = DemoActivities.clock();
        Path roster = dir.resolve("roster.csv");
        try (Writer w = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
            RosterGenerator.write(w, 2000, 42L);
        }
        String ledger = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        String key = LedgerKey.generate().toBase64();
        try (ParsSimulator sim = ParsSimulator.builder()
                .clock(asOf)
                .latency(Duration.ofMillis(25))
                .build()
                .start()) {
            DemoActivities.ALL.forEach(sim::addActivity);
            Process first = job(roster, sim, ledger, key, dir.resolve("first.log"));
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sim.credits().size() < 300 && first.isAlive() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(
                    first.isAlive(),
                    "the first run must still be sending when it is killed:\n"
                            + Files.readString(dir.resolve("first.log")));
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            first.waitFor();
            int storedAtKill = sim.credits().size();
            assertTrue(storedAtKill > 0 && storedAtKill < 1500, "killed midway: " + storedAtKill);

            Process second = job(roster, sim, ledger, key, dir.resolve("second.log"));
            assertTrue(second.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the second run finishes");
            String out = Files.readString(dir.resolve("second.log"));
            assertEquals(1, second.exitValue(), out); // the generated roster has rows to fix
            assertEquals(2000, number(out, "rows read"));
            assertTrue(out.contains("every row accounted for:     yes"), out);
            int accepted = number(out, "accepted by PARS");
            Matcher resumed =
                    Pattern.compile("resumed from an interrupted run (\\d+)").matcher(out);
            assertTrue(resumed.find(), out);

            // Every accepted row is in PARS once: one stored completion per accepted row.
            // (PARS holds one record per learner, activity and day.)
            Set<String> storedCompletions = sim.credits().stream()
                    .map(c -> c.accmeActivityId() + "|" + c.learnerKey() + "|" + c.completionDate())
                    .collect(Collectors.toSet());
            assertEquals(accepted, storedCompletions.size(), out);
            // Nothing sent twice, beyond what was in flight at the kill (one slice at most).
            int posted = sim.requests(Operation.SAVE_LEARNER_ACTIVITY).stream()
                    .mapToInt(SeenRequest::records)
                    .sum();
            int sendable = accepted + number(out, "rejected by PARS");
            assertTrue(posted <= sendable + 400, "posted " + posted + " for " + sendable + " sendable rows\n" + out);
        }
    }
}
