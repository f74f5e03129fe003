/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parsjava.core.batch.RosterReader;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.excel.LearnerUploadReader;
import org.parsjava.excel.LearnerUploadWriter;
import org.parsjava.testkit.demo.DemoActivities;
import org.parsjava.testkit.demo.DemoRoster;

/**
 * The learner Excel template at volume: writing 100,000 completions, reading them back, and,
 * as the floor, reading a 100,000-row CSV roster; each timed, with the heap's peak sampled
 * (run with {@code -Xmx256m}). Prints {@code EXCEL} lines: {@code ExcelRun <out file> <work dir>}.
 */
public final class ExcelRun {

    static final int ROWS = 100_000;

    private ExcelRun() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[1]);
        Files.createDirectories(work);
        Map<String, Activity> byId = DemoActivities.ALL.stream()
                .collect(Collectors.toMap(a -> a.accmeActivityId().orElseThrow(), a -> a));
        Function<String, Optional<Activity>> lookup = id -> Optional.ofNullable(byId.get(id));
        List<LearnerCompletion> completions = BenchData.completions(ROWS, 5L);
        Path xlsx = work.resolve("upload-100k.xlsx");
        Path csv = work.resolve("roster-100k.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            DemoRoster.write(w, ROWS, 20261120L);
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8)) {
            for (int round = 0; round < 2; round++) { // the first round warms up
                boolean report = round == 1;
                AtomicLong peak = sample();
                long start = System.nanoTime();
                int written = 0;
                try (LearnerUploadWriter upload = LearnerUploadWriter.create(
                        Files.newOutputStream(xlsx),
                        ParsValidator.builder().clock(BenchData.AS_OF).build())) {
                    for (LearnerCompletion c : completions) {
                        if (upload.add(c).isEmpty()) {
                            written++;
                        }
                    }
                }
                print(out, report, "WRITE", written, start, peak);
                peak = sample();
                start = System.nanoTime();
                int read = 0;
                try (LearnerUploadReader r = LearnerUploadReader.open(xlsx, lookup)) {
                    while (r.hasNext()) {
                        r.next();
                        read++;
                    }
                }
                print(out, report, "READ", read, start, peak);
                peak = sample();
                start = System.nanoTime();
                int rows = 0;
                try (RosterReader r = RosterReader.open(Files.newInputStream(csv), StandardCharsets.UTF_8, lookup)) {
                    while (r.hasNext()) {
                        r.next();
                        rows++;
                    }
                }
                print(out, report, "CSV_READ", rows, start, peak);
            }
        }
    }

    private static AtomicLong sample() {
        System.gc();
        AtomicLong peak = new AtomicLong();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        samplers.add(t);
        return peak;
    }

    private static final java.util.List<Thread> samplers = new java.util.ArrayList<>();

    private static void print(PrintStream out, boolean report, String what, int rows, long start, AtomicLong peak) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        samplers.forEach(Thread::interrupt);
        samplers.clear();
        if (report) {
            String line = "EXCEL " + what + " ROWS=" + rows + " MS=" + ms + " PEAK_HEAP_MB="
                    + String.format(java.util.Locale.ROOT, "%.1f", peak.get() / 1048576.0);
            System.out.println(line);
            out.println(line);
        }
    }
}
