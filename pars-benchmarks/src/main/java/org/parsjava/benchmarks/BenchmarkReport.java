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
        md.append("Measured with JMH 1.37 by `pars-benchmarks/run.sh` (warm-up, measurement and fork "
                + "settings in the script). Each SDK figure is paired with its floor, measured in the same run. "
                + "± is JMH's 99.9% confidence half-width; \"worst\" is the ratio with both error bars against the "
                + "SDK, and a target met only at the point estimate is marked \"within error\".\n\n");
        md.append("Machine: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append(").\n\n");
        md.append("| # | benchmark | SDK | floor | ratio | target | met |\n|---|---|---|---|---|---|---|\n");
        md.append(row("1", "validate 100,000 completions (90% valid), 1 thread",
                fmt("%,.0f records/s (%.0f B/record)", valRate, valAlloc),
                fmt("hand loop %,.0f records/s (%.0f B/record)", handRate, handAlloc),
                fmt("%.2fx slower (worst %.2fx)", valSdk / valHand,
                        worstRatio(s, "ValidationBenchmark.parsValidator", "ValidationBenchmark.handLoop")),
                ">= 2,000,000/s per core, <= 3x",
                valRate < 2_000_000 && valSdk / valHand <= 3 ? "ratio yes, rate no"
                        : met(valRate >= 2_000_000 && valSdk / valHand <= 3,
                        worstRatio(s, "ValidationBenchmark.parsValidator", "ValidationBenchmark.handLoop") <= 3)));
        for (String f : new String[] {"xml", "json"}) {
            double enc = score(s, "CodecBenchmark.encodeCodec:" + f);
            double encPlain = score(s, "CodecBenchmark.encodePlainJackson:" + f);
            double worst = worstRatio(s, "CodecBenchmark.encodeCodec:" + f, "CodecBenchmark.encodePlainJackson:" + f);
            md.append(row("2", "encode 1,000-record submission, " + f.toUpperCase(Locale.ROOT),
                    fmt("%,.0f ± %,.0f us", enc, error(s, "CodecBenchmark.encodeCodec:" + f)),
                    fmt("plain Jackson %,.0f ± %,.0f us", encPlain, error(s, "CodecBenchmark.encodePlainJackson:" + f)),
                    fmt("%.2fx (worst %.2fx)", enc / encPlain, worst), "<= 1.3x", met(enc / encPlain <= 1.3, worst <= 1.3)));
        }
        for (String f : new String[] {"xml", "json"}) {
            double dec = score(s, "CodecBenchmark.decodeCodec:" + f);
            double decPlain = score(s, "CodecBenchmark.decodePlainJackson:" + f);
            md.append(row("3", "decode 1,000 per-record verdicts, " + f.toUpperCase(Locale.ROOT),
                    fmt("%,.0f ± %,.0f us", dec, error(s, "CodecBenchmark.decodeCodec:" + f)),
                    fmt("plain Jackson %,.0f ± %,.0f us", decPlain, error(s, "CodecBenchmark.decodePlainJackson:" + f)),
                    fmt("%.2fx", dec / decPlain), "(none)", "-"));
        }
        double e2eWorst = 1 / worstRatio(s, "EndToEndBenchmark.parsClient", "EndToEndBenchmark.rawOkHttp");
        md.append(row("4", "submit 100,000 completions to ParsSimulator over loopback",
                fmt("%,.0f records/s (%,.0f ± %,.0f ms)", e2eRate, e2eSdk, error(s, "EndToEndBenchmark.parsClient")),
                fmt("raw OkHttp %,.0f records/s (%,.0f ± %,.0f ms)", rawRate, e2eRaw, error(s, "EndToEndBenchmark.rawOkHttp")),
                fmt("%.0f%% of raw (worst %.0f%%)", 100 * e2eRate / rawRate, 100 * e2eWorst), ">= 50% of raw",
                met(e2eRate / rawRate >= 0.5, e2eWorst >= 0.5)));
        Matcher m = Pattern.compile("PEAK_HEAP_MB=([\\d.]+) MAX_HEAP_MB=([\\d.]+) ELAPSED_MS=(\\d+) EXIT=(\\d+)")
                .matcher(memory);
        Matcher rows = Pattern.compile("(?m)^\\s+rows read\\s+(\\d+)").matcher(memory);
        Matcher failed = Pattern.compile("(?m)^\\s+failed, resubmit later\\s+(\\d+)").matcher(memory);
        if (m.find() && rows.find()) {
            double secs = Long.parseLong(m.group(3)) / 1000.0;
            int exit = Integer.parseInt(m.group(4));
            // Succeeded: every row read and accounted for, none failed, and a normal exit (0 or 1).
            boolean succeeded = (exit == 0 || exit == 1) && Long.parseLong(rows.group(1)) == 1_000_000
                    && memory.contains("every row accounted for:     yes") && failed.find()
                    && Integer.parseInt(failed.group(1)) == 0;
            md.append(row("5", "1,000,000-row roster through ReportCompletions, -Xmx256m",
                    fmt("peak heap %.0f MB of %.0f MB; %s rows in %.0f s (exit %d)", Double.parseDouble(m.group(1)),
                            Double.parseDouble(m.group(2)), rows.group(1), secs, exit), "-", "-",
                    "succeeds with -Xmx256m", succeeded ? "yes" : "no"));
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
            double error = b.get("primaryMetric").path("scoreError").asDouble(0);
            if (Double.isNaN(error)) {
                error = 0;
            }
            JsonNode sec = b.get("secondaryMetrics");
            double alloc = sec != null && sec.has("gc.alloc.rate.norm") ? sec.get("gc.alloc.rate.norm").get("score").asDouble() : 0;
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

    private static String row(String n, String what, String sdk, String floor, String ratio, String target, String met) {
        return "| " + n + " | " + what + " | " + sdk + " | " + floor + " | " + ratio + " | " + target + " | " + met + " |\n";
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
