/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Generation;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.SubmissionResult;
import org.parsjava.core.batch.RosterReader;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.demo.DemoActivities;
import org.parsjava.testkit.demo.DemoRoster;

/**
 * Throughput under network latency: one {@code learners().submit} of a whole roster against a
 * simulator that adds {@link #LATENCY} to every request (as a remote PARS's round trip would),
 * at several {@code maxConcurrentRequests}. Two rosters: the generated 20,000-row roster (with
 * its duplicate refusals, each confirmed by a status lookup) and 18,000 valid completions
 * without duplicates. Each run gets a fresh simulator. Prints one {@code THROUGHPUT} line per
 * run: {@code ThroughputRun <out file>}.
 */
public final class ThroughputRun {

    /** Added to every request. */
    static final Duration LATENCY = Duration.ofMillis(50);
    /** Learner reports per request (the client's default). */
    static final int CHUNK = 100;
    /** Concurrency levels measured. */
    static final int[] LEVELS = {1, 4, 8};

    private ThroughputRun() {}

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        List<LearnerCompletion> generated = generatedRoster();
        List<LearnerCompletion> clean = BenchData.completions(20_000, 7L).stream()
                .filter(c -> !c.completionKey().endsWith("9"))
                .toList(); // drop the one-in-ten bad records
        run(clean.subList(0, 2_000), 8, Generation.WCF, null); // warm-up: JIT, connection setup
        run(clean.subList(0, 2_000), 8, Generation.REST, null);
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8)) {
            for (int c : LEVELS) {
                run(generated, c, Generation.WCF, line -> print(out, "generated", line));
            }
            for (int c : LEVELS) {
                run(clean, c, Generation.WCF, line -> print(out, "clean", line));
            }
            // The draft REST API: a save answers 201 with the document or 400 for all of it.
            run(generated, 8, Generation.REST, line -> print(out, "generated", line));
            run(clean, 8, Generation.REST, line -> print(out, "clean", line));
        }
    }

    private static void print(PrintStream out, String roster, String line) {
        String full = "THROUGHPUT ROSTER=" + roster + " " + line;
        System.out.println(full);
        out.println(full);
    }

    private static List<LearnerCompletion> generatedRoster() throws IOException {
        StringWriter csv = new StringWriter();
        DemoRoster.write(csv, 20_000, 20261120L);
        Map<String, Activity> byId = DemoActivities.ALL.stream()
                .collect(Collectors.toMap(a -> a.accmeActivityId().orElseThrow(), a -> a));
        Function<String, Optional<Activity>> lookup = id -> Optional.ofNullable(byId.get(id));
        List<LearnerCompletion> out = new ArrayList<>();
        try (InputStream in = new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
                RosterReader reader = RosterReader.open(in, StandardCharsets.UTF_8, lookup)) {
            while (reader.hasNext()) {
                RosterRow row = reader.next();
                row.completion().ifPresent(out::add);
            }
        }
        return out;
    }

    private static void run(
            List<LearnerCompletion> records,
            int concurrency,
            Generation api,
            java.util.function.Consumer<String> report) {
        try (ParsSimulator sim = ParsSimulator.builder()
                .clock(BenchData.AS_OF)
                .latency(LATENCY)
                .generation(api)
                .build()
                .start()) {
            DemoActivities.ALL.forEach(sim::addActivity);
            try (ParsClient client = sim.clientBuilder()
                    .providerName("Benchmark Provider")
                    .chunkSize(CHUNK)
                    .maxConcurrentRequests(concurrency)
                    .build()) {
                long start = System.nanoTime();
                SubmissionResult r = client.learners().submit(records);
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (report != null) {
                    report.accept(
                            "API=" + api + " CONCURRENCY=" + concurrency + " RECORDS=" + records.size() + " MS=" + ms
                                    + " REQUESTS=" + sim.requests().size()
                                    + " LOOKUPS="
                                    + sim.requests(Operation.GET_LEARNER_STATUS).size()
                                    + " ACCEPTED=" + r.acceptedCount() + " REJECTED=" + r.rejectedCount()
                                    + " INVALID=" + r.invalidCount() + " FAILED=" + r.failedCount()
                                    + " MOST_IN_FLIGHT=" + sim.maxConcurrentRequestsSeen());
                }
            }
        }
    }
}
