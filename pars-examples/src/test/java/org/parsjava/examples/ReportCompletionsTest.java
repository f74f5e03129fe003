/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parsjava.job.Roster;
import org.parsjava.testkit.demo.DemoRoster;

/** The README's main job, as the README runs it: the bundled sample, the embedded simulator. */
class ReportCompletionsTest {

    private static Roster sample() {
        return Roster.csv(
                "bundled sample-roster.csv",
                () -> ReportCompletions.class.getResourceAsStream("/sample-roster.csv"),
                StandardCharsets.UTF_8);
    }

    private static String output(Roster roster) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, ReportCompletions.run(roster, true));
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theMainJobReportsTheSampleToTheEmbeddedSimulatorThroughItsOwnLedger() throws IOException {
        Path demo = Path.of("target", "pars-ledger", "demo");
        if (Files.exists(demo)) {
            try (Stream<Path> files = Files.walk(demo)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String out = output(sample());
        String again = output(sample());
        assertTrue(out.contains("embedded PARS simulator"), out);
        assertTrue(out.contains("Ledger: jdbc:h2:file:" + demo.toAbsolutePath()), out);
        assertTrue(out.matches("(?s).*accepted by the simulator in this run\\s+8\\d\\d\\n.*"), out);
        assertTrue(out.contains("nothing reached PARS"), out);
        assertTrue(out.contains("every row accounted for: yes"), out);
        assertTrue(out.contains("with your own roster this run would exit 1"), out);
        assertTrue(
                Files.readString(Path.of("target", "pars-rows-to-fix.csv")).contains(",REJECTED,,DUPLICATE_RECORD,"));
    }

    private static int accepted(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("accepted by the simulator in this run\\s+(\\d+)")
                .matcher(out);
        assertTrue(m.find(), out);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theBundledSampleIsTheDemoRosterOfItsSeed() throws IOException {
        StringWriter w = new StringWriter();
        DemoRoster.write(w, 1000, 20261120L);
        try (var in = ReportCompletions.class.getResourceAsStream("/sample-roster.csv")) {
            assertEquals(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    w.toString(),
                    "regenerate it with DemoRoster.write(writer, 1000, 20261120)");
        }
    }
}
