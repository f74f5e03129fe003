/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the JMH JSON results and the memory run into the Markdown table of BENCHMARKS.md. */
public final class BenchmarkReport {

    private BenchmarkReport() {}

    /** {@code BenchmarkReport <results dir> <markdown file>}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Map<String, double[]> s = new HashMap<>();
        read(dir.resolve("micro.json"), s);
        read(dir.resolve("e2e.json"), s);
        String memory = Files.readString(dir.resolve("memory.txt"));

        double valSdk = score(s, "ValidationBenchmark.parsValidator");
        double valHand = score(s, "ValidationBenchmark.handLoop");
        double valRate = ValidationBenchmark.RECORDS / (valSdk / 1000);
        double handRate = ValidationBenchmark.RECORDS / (valHand / 1000);
        double valAlloc = alloc(s, "ValidationBenchmark.parsValidator") / ValidationBenchmark.RECORDS;
        double handAlloc = alloc(s, "ValidationBenchmark.handLoop") / ValidationBenchmark.RECORDS;
        double e2eSdk = score(s, "EndToEndBenchmark.parsClient");
        double e2eRaw = score(s, "EndToEndBenchmark.rawOkHttp");
        double e2eRate = EndToEndBenchmark.RECORDS / (e2eSdk / 1000);
        double rawRate = EndToEndBenchmark.RECORDS / (e2eRaw / 1000);

        StringBuilder md = new StringBuilder();
        md.append("# pars-java benchmarks\n\n");
        md.append("Measured with JMH 1.37 by `pars-benchmarks/run.sh` (warm-up, measurement and fork "
                + "settings in the script). Each SDK figure is paired with its floor, measured in the same run. "
                + "± is JMH's 99.9% confidence half-width; \"worst\" is the ratio with both error bars against the "
                + "SDK, and a target met only at the point estimate is marked \"within error\".\n\n");
        md.append("Machine: ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(" (")
                .append(System.getProperty("java.vm.name"))
                .append(").\n\n");
        md.append("| # | benchmark | SDK | floor | ratio | target | met |\n|---|---|---|---|---|---|---|\n");
        md.append(row(
                "1",
                "validate 100,000 completions (90% valid), 1 thread",
                fmt("%,.0f records/s (%.0f B/record)", valRate, valAlloc),
                fmt("hand loop %,.0f records/s (%.0f B/record)", handRate, handAlloc),
                fmt(
                        "%.2fx slower (worst %.2fx)",
                        valSdk / valHand,
                        worstRatio(s, "ValidationBenchmark.parsValidator", "ValidationBenchmark.handLoop")),
                ">= 2,000,000/s per core, <= 3x",
                valRate < 2_000_000 && valSdk / valHand <= 3
                        ? "ratio yes, rate no"
                        : met(
                                valRate >= 2_000_000 && valSdk / valHand <= 3,
                                worstRatio(s, "ValidationBenchmark.parsValidator", "ValidationBenchmark.handLoop")
                                        <= 3)));
        for (String f : new String[] {"xml", "json"}) {
            double enc = score(s, "CodecBenchmark.encodeCodec:" + f);
            double encPlain = score(s, "CodecBenchmark.encodePlainJackson:" + f);
            double worst = worstRatio(s, "CodecBenchmark.encodeCodec:" + f, "CodecBenchmark.encodePlainJackson:" + f);
            md.append(row(
                    "2",
                    "encode 1,000-record submission, " + f.toUpperCase(Locale.ROOT),
                    fmt("%,.0f ± %,.0f us", enc, error(s, "CodecBenchmark.encodeCodec:" + f)),
                    fmt("plain Jackson %,.0f ± %,.0f us", encPlain, error(s, "CodecBenchmark.encodePlainJackson:" + f)),
                    fmt("%.2fx (worst %.2fx)", enc / encPlain, worst),
                    "<= 1.3x",
                    met(enc / encPlain <= 1.3, worst <= 1.3)));
        }
        for (String f : new String[] {"xml", "json"}) {
            double dec = score(s, "CodecBenchmark.decodeCodec:" + f);
            double decPlain = score(s, "CodecBenchmark.decodePlainJackson:" + f);
            md.append(row(
                    "3",
                    "decode 1,000 per-record verdicts, " + f.toUpperCase(Locale.ROOT),
                    fmt("%,.0f ± %,.0f us", dec, error(s, "CodecBenchmark.decodeCodec:" + f)),
                    fmt("plain Jackson %,.0f ± %,.0f us", decPlain, error(s, "CodecBenchmark.decodePlainJackson:" + f)),
                    fmt("%.2fx", dec / decPlain),
                    "(none)",
                    "-"));
        }
        double e2eWorst = 1 / worstRatio(s, "EndToEndBenchmark.parsClient", "EndToEndBenchmark.rawOkHttp");
        md.append(row(
                "4",
                "submit 100,000 completions to ParsSimulator over loopback",
                fmt("%,.0f records/s (%,.0f ± %,.0f ms)", e2eRate, e2eSdk, error(s, "EndToEndBenchmark.parsClient")),
                fmt(
                        "raw OkHttp %,.0f records/s (%,.0f ± %,.0f ms)",
                        rawRate, e2eRaw, error(s, "EndToEndBenchmark.rawOkHttp")),
                fmt("%.0f%% of raw (worst %.0f%%)", 100 * e2eRate / rawRate, 100 * e2eWorst),
                ">= 50% of raw",
                met(e2eRate / rawRate >= 0.5, e2eWorst >= 0.5)));
        md.append(memoryRow(
                "5",
                "1,000,000-row roster through ReportCompletions, no ledger (`--ledger none`), " + "-Xmx256m",
                memory,
                1_000_000,
                "succeeds with -Xmx256m"));
        Path throughput = dir.resolve("throughput.txt");
        if (Files.exists(throughput)) {
            md.append(throughputRows(Files.readString(throughput)));
        }
        Path c8 = dir.resolve("memory-c8.txt");
        if (Files.exists(c8)) {
            md.append(memoryRow(
                    "7",
                    "1,000,000-row roster, `--concurrency 8`, -Xmx256m",
                    Files.readString(c8),
                    1_000_000,
                    "succeeds with -Xmx256m"));
        }
        Path embedded = dir.resolve("memory-embedded-2m.txt");
        if (Files.exists(embedded)) {
            md.append(memoryRow(
                    "8",
                    "2,000,000-row roster through the README main job (embedded simulator), "
                            + "`--ledger none`, -Xmx160m",
                    Files.readString(embedded),
                    2_000_000,
                    "succeeds with -Xmx160m"));
        }
        Path excel = dir.resolve("excel.txt");
        if (Files.exists(excel)) {
            String text = Files.readString(excel);
            double[] csv = excelFigures(text, "CSV_READ");
            for (String[] what : new String[][] {
                {"WRITE", "write 100,000 completions to ACCME's learner template"},
                {"READ", "read the template back (LearnerUploadReader)"}
            }) {
                double[] f = excelFigures(text, what[0]);
                if (f != null && csv != null) {
                    md.append(row(
                            "11",
                            what[1] + ", -Xmx256m",
                            fmt(
                                    "%,.0f rows/s (%,.0f rows in %.1f s), peak heap " + "(sampled) %.0f MB",
                                    f[0] * 1000 / f[1], f[0], f[1] / 1000, f[2]),
                            fmt("CSV roster read %,.0f rows/s, peak heap %.0f MB", csv[0] * 1000 / csv[1], csv[2]),
                            fmt("%.2fx the CSV time per row", (f[1] / f[0]) / (csv[1] / csv[0])),
                            "seconds, flat memory",
                            f[1] < 60_000 ? "yes" : "no"));
                }
            }
        }
        md.append("\nThe memory run's summary:\n\n```\n")
                .append(memory.lines()
                        .filter(l -> !l.startsWith("Submitted slice"))
                        .collect(java.util.stream.Collectors.joining("\n"))
                        .strip())
                .append("\n```\n");
        md.append("\nReproduce: `pars-benchmarks/run.sh` (about 85 minutes on 2 cores). Raw results: "
                + "`pars-benchmarks/target/results/`.\n");
        String existing = Files.exists(Path.of(args[1])) ? Files.readString(Path.of(args[1])) : "";
        int notes = existing.indexOf("\n## Notes");
        if (notes >= 0) {
            md.append(existing.substring(notes));
        }
        Files.writeString(Path.of(args[1]), md.toString());
    }

    /** A memory run's row: "yes" only when every row was read and accounted for and none failed. */
    static String memoryRow(String n, String what, String memory, long expectedRows, String target) {
        return memoryRow(n, what, memory, expectedRows, target, "-", "-");
    }

    /** {@link #memoryRow(String, String, String, long, String)} beside a floor and the ratio to it. */
    static String memoryRow(
            String n, String what, String memory, long expectedRows, String target, String floor, String ratio) {
        Matcher m = Pattern.compile("PEAK_HEAP_MB=([\\d.]+) MAX_HEAP_MB=([\\d.]+) ELAPSED_MS=(\\d+) EXIT=(\\d+)")
                .matcher(memory);
        Matcher rows = Pattern.compile("(?m)^\\s+rows read\\s+(\\d+)").matcher(memory);
        Matcher failed = Pattern.compile("(?m)^\\s+failed, (?:resubmit|report again) later\\s+(\\d+)")
                .matcher(memory);
        if (!m.find() || !rows.find()) {
            return row(n, what, "did not complete", "-", "-", target, "no");
        }
        double secs = Long.parseLong(m.group(3)) / 1000.0;
        int exit = Integer.parseInt(m.group(4));
        boolean succeeded = (exit == 0 || exit == 1)
                && Long.parseLong(rows.group(1)) == expectedRows
                && Pattern.compile("every row accounted for:\\s+yes")
                        .matcher(memory)
                        .find()
                && failed.find()
                && Integer.parseInt(failed.group(1)) == 0;
        return row(
                n,
                what,
                fmt(
                        "peak heap (sampled) %.0f MB of %.0f MB; %s rows in %.0f s (exit %d)",
                        Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), rows.group(1), secs, exit),
                floor,
                ratio,
                target,
                succeeded ? "yes" : "no");
    }

    /**
     * Rows for the latency runs: records/s per concurrency, against the limit
     * {@code concurrency x chunk / latency}; targets: 8 at least 4x 1 on the generated roster,
     * and at least 50% of the limit on the roster without duplicates.
     */
    private static String throughputRows(String text) {
        Map<String, double[]> runs = new HashMap<>(); // roster:concurrency -> records/s, requests, lookups
        Matcher m = Pattern.compile("ROSTER=(\\w+) CONCURRENCY=(\\d+) RECORDS=(\\d+) MS=(\\d+) REQUESTS=(\\d+) "
                        + "LOOKUPS=(\\d+).*MOST_IN_FLIGHT=(\\d+)")
                .matcher(text);
        while (m.find()) {
            double rate = Double.parseDouble(m.group(3)) * 1000 / Double.parseDouble(m.group(4));
            runs.put(m.group(1) + ":" + m.group(2), new double[] {
                rate,
                Double.parseDouble(m.group(5)),
                Double.parseDouble(m.group(6)),
                Double.parseDouble(m.group(7)),
                Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4))
            });
        }
        StringBuilder out = new StringBuilder();
        double latencyS = ThroughputRun.LATENCY.toMillis() / 1000.0;
        for (String roster : new String[] {"generated", "clean"}) {
            double[] one = runs.get(roster + ":1");
            for (int c : ThroughputRun.LEVELS) {
                double[] r = runs.get(roster + ":" + c);
                if (r == null) {
                    continue;
                }
                double limit = c * ThroughputRun.CHUNK / latencyS;
                String what = (roster.equals("generated")
                                ? fmt("20,000-row generated roster (%,.0f completions, with duplicates)", r[4])
                                : fmt("%,.0f valid completions, no duplicates", r[4]))
                        + fmt(", one submit, 50 ms per call, concurrency %d", c);
                String target = "-";
                String met = "-";
                if (roster.equals("generated") && c == 8 && one != null) {
                    target = ">= 4x concurrency 1";
                    met = fmt("%s (%.1fx)", r[0] / one[0] >= 4 ? "yes" : "no", r[0] / one[0]);
                } else if (roster.equals("clean") && c == 8) {
                    target = ">= 50% of the limit";
                    met = r[0] / limit >= 0.5 ? "yes" : "no";
                }
                out.append(row(
                        "6",
                        what,
                        fmt(
                                "%,.0f records/s (%.1f s; %,.0f requests, %,.0f status lookups; %d in flight at most)",
                                r[0], r[5] / 1000, r[1], r[2], (int) r[3]),
                        fmt("limit %,.0f records/s", limit),
                        fmt("%.0f%% of the limit", 100 * r[0] / limit),
                        target,
                        met));
            }
        }
        return out.toString();
    }

    /** {rows, ms, peak MB} of one EXCEL line, or null. */
    private static double[] excelFigures(String text, String what) {
        Matcher m = Pattern.compile("EXCEL " + what + " ROWS=(\\d+) MS=(\\d+) PEAK_HEAP_MB=([\\d.]+)")
                .matcher(text);
        return m.find()
                ? new double[] {
                    Double.parseDouble(m.group(1)),
                    Math.max(1, Double.parseDouble(m.group(2))),
                    Double.parseDouble(m.group(3))
                }
                : null;
    }

    private static void read(Path file, Map<String, double[]> out) throws IOException {
        for (JsonNode b : new ObjectMapper().readTree(file.toFile())) {
            String name = b.get("benchmark").asText().replaceAll(".*\\.(\\w+Benchmark\\.\\w+)$", "$1");
            JsonNode params = b.get("params");
            if (params != null && params.has("format")) {
                name += ":" + params.get("format").asText();
            }
            double score = b.get("primaryMetric").get("score").asDouble();
            double error = b.get("primaryMetric").path("scoreError").asDouble(0);
            if (Double.isNaN(error)) {
                error = 0;
            }
            JsonNode sec = b.get("secondaryMetrics");
            double alloc = sec != null && sec.has("gc.alloc.rate.norm")
                    ? sec.get("gc.alloc.rate.norm").get("score").asDouble()
                    : 0;
            out.put(name, new double[] {score, alloc, error});
        }
    }

    private static double score(Map<String, double[]> s, String name) {
        double[] v = s.get(name);
        if (v == null) {
            throw new IllegalStateException("no result for " + name);
        }
        return v[0];
    }

    private static double alloc(Map<String, double[]> s, String name) {
        return s.get(name)[1];
    }

    /** JMH's 99.9% confidence half-width of the score (0 when it could not say). */
    private static double error(Map<String, double[]> s, String name) {
        score(s, name);
        return s.get(name)[2];
    }

    /**
     * The ratio sdk/floor at its worst within both error bars: what "met" must survive to be
     * more than noise.
     */
    private static double worstRatio(Map<String, double[]> s, String sdk, String floor) {
        double low = Math.max(score(s, floor) - error(s, floor), Double.MIN_VALUE);
        return (score(s, sdk) + error(s, sdk)) / low;
    }

    /** "yes" when the point ratio meets the target, qualified when the error bars cross it. */
    private static String met(boolean point, boolean worst) {
        return point ? (worst ? "yes" : "yes (within error)") : "no";
    }

    private static String row(
            String n, String what, String sdk, String floor, String ratio, String target, String met) {
        return "| " + n + " | " + what + " | " + sdk + " | " + floor + " | " + ratio + " | " + target + " | " + met
                + " |\n";
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
