/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.parsjava.benchmarks.csv.HandWrittenCsvParser;
import org.parsjava.core.batch.RosterReader;
import org.parsjava.core.model.Activity;
import org.parsjava.testkit.demo.DemoActivities;

/**
 * A roster read through the roster reader twice over, in alternation: on FastCSV (what the SDK
 * uses) and on the hand-written parser it replaced, the rest of the reading (columns, parsing,
 * validation) the same: {@code CsvRun <out> <roster.csv>}. Three rounds after one of warm-up;
 * prints {@code CSV PARSER=... ROWS=... MS=...} with each parser's best round.
 */
public final class CsvRun {

    private CsvRun() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path roster = Path.of(args[1]);
        Function<String, Optional<Activity>> activities = id -> DemoActivities.ALL.stream()
                .filter(a -> a.accmeActivityId().map(id::equals).orElse(false))
                .findFirst();
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        long rows = 0;
        for (int round = 0; round < 4; round++) {
            for (int p = 0; p < 2; p++) {
                long t = System.nanoTime();
                BufferedReader in = Files.newBufferedReader(roster, StandardCharsets.UTF_8);
                long n = 0;
                try (RosterReader r = p == 0
                        ? RosterReader.open(in, activities)
                        : RosterReader.open(new HandWrittenCsvParser(in), activities)) {
                    while (r.hasNext()) {
                        r.next();
                        n++;
                    }
                }
                long ms = (System.nanoTime() - t) / 1_000_000;
                if (round > 0) {
                    best[p] = Math.min(best[p], ms);
                }
                rows = n;
            }
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8)) {
            for (int p = 0; p < 2; p++) {
                String line = "CSV PARSER=" + (p == 0 ? "fastcsv" : "handwritten") + " ROWS=" + rows + " MS=" + best[p];
                System.out.println(line);
                out.println(line);
            }
        }
    }
}
