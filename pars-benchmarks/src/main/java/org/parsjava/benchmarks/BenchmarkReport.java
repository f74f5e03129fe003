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

    private BenchmarkReport() {
    }

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
        md.append("Measured with JMH 1.37 by `pars-benchmarks/run.sh` (one fork; warm-up and measurement "
                + "settings in the script). Each SDK figure is paired with its floor, measured in the same run. "
                + "Error bars are wide on a shared 2-core VM: read ratios, not the third digit.\n\n");
        md.append("Machine: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append(").\n\n");
        md.append("| # | benchmark | SDK | floor | ratio | target | met |\n|---|---|---|---|---|---|---|\n");
        md.append(row("1", "validate 100,000 completions (90% valid), 1 thread",
                fmt("%,.0f records/s (%.0f B/record)", valRate, valAlloc),
                fmt("hand loop %,.0f records/s (%.0f B/record)", handRate, handAlloc),
                fmt("%.2fx slower", valSdk / valHand), ">= 2,000,000/s per core, <= 3x",
                valRate >= 2_000_000 && valSdk / valHand <= 3 ? "yes" : valSdk / valHand <= 3 ? "ratio yes, rate no" : "no"));
        for (String f : new String[] {"xml", "json"}) {
            double enc = score(s, "CodecBenchmark.encodeCodec:" + f);
            double encPlain = score(s, "CodecBenchmark.encodePlainJackson:" + f);
            md.append(row("2", "encode 1,000-record submission, " + f.toUpperCase(Locale.ROOT),
                    fmt("%,.0f us", enc), fmt("plain Jackson %,.0f us", encPlain), fmt("%.2fx", enc / encPlain),
                    "<= 1.3x", enc / encPlain <= 1.3 ? "yes" : "no"));
        }
        for (String f : new String[] {"xml", "json"}) {
            double dec = score(s, "CodecBenchmark.decodeCodec:" + f);
            double decPlain = score(s, "CodecBenchmark.decodePlainJackson:" + f);
            md.append(row("3", "decode 1,000 per-record verdicts, " + f.toUpperCase(Locale.ROOT),
                    fmt("%,.0f us", dec), fmt("plain Jackson %,.0f us", decPlain), fmt("%.2fx", dec / decPlain),
                    "(none)", "-"));
        }
        md.append(row("4", "submit 100,000 completions to ParsSimulator over loopback",
                fmt("%,.0f records/s (%,.0f ms)", e2eRate, e2eSdk), fmt("raw OkHttp %,.0f records/s (%,.0f ms)", rawRate, e2eRaw),
                fmt("%.0f%% of raw", 100 * e2eRate / rawRate), ">= 50% of raw", e2eRate / rawRate >= 0.5 ? "yes" : "no"));
        Matcher m = Pattern.compile("PEAK_HEAP_MB=([\\d.]+) MAX_HEAP_MB=([\\d.]+) ELAPSED_MS=(\\d+) EXIT=(\\d+)")
                .matcher(memory);
        Matcher rows = Pattern.compile("(?m)^\\s+rows read\\s+(\\d+)").matcher(memory);
        if (m.find() && rows.find()) {
            double secs = Long.parseLong(m.group(3)) / 1000.0;
            md.append(row("5", "1,000,000-row roster through ReportCompletions, -Xmx256m",
                    fmt("peak heap %.0f MB of %.0f MB; %s rows in %.0f s", Double.parseDouble(m.group(1)),
                            Double.parseDouble(m.group(2)), rows.group(1), secs), "-", "-", "succeeds with -Xmx256m",
                    "yes"));
        } else {
            md.append(row("5", "1,000,000-row roster, -Xmx256m", "did not complete", "-", "-", "succeeds", "no"));
        }
        md.append("\nThe memory run's summary:\n\n```\n")
                .append(memory.lines().filter(l -> !l.startsWith("Submitted slice")).collect(
                        java.util.stream.Collectors.joining("\n")).strip()).append("\n```\n");
        md.append("\nReproduce: `pars-benchmarks/run.sh` (about 10 minutes on 2 cores). Raw results: "
                + "`pars-benchmarks/target/results/`.\n");
        String existing = Files.exists(Path.of(args[1])) ? Files.readString(Path.of(args[1])) : "";
        int notes = existing.indexOf("\n## Notes");
        if (notes >= 0) {
            md.append(existing.substring(notes));
        }
        Files.writeString(Path.of(args[1]), md.toString());
    }

    private static void read(Path file, Map<String, double[]> out) throws IOException {
        for (JsonNode b : new ObjectMapper().readTree(file.toFile())) {
            String name = b.get("benchmark").asText().replaceAll(".*\\.(\\w+Benchmark\\.\\w+)$", "$1");
            JsonNode params = b.get("params");
            if (params != null && params.has("format")) {
                name += ":" + params.get("format").asText();
            }
            double score = b.get("primaryMetric").get("score").asDouble();
            JsonNode sec = b.get("secondaryMetrics");
            double alloc = sec != null && sec.has("gc.alloc.rate.norm") ? sec.get("gc.alloc.rate.norm").get("score").asDouble() : 0;
            out.put(name, new double[] {score, alloc});
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

    private static String row(String n, String what, String sdk, String floor, String ratio, String target, String met) {
        return "| " + n + " | " + what + " | " + sdk + " | " + floor + " | " + ratio + " | " + target + " | " + met + " |\n";
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
