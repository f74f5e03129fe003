/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes rows 12-17 (the ledger, the dashboard, the roster parser) of {@code BENCHMARKS.md} from the results of
 * {@code run-ledger.sh}, each figure beside its floor from the same run, between the markers
 * {@code <!-- ledger:begin -->} and {@code <!-- ledger:end -->} (appended when absent):
 * {@code LedgerReport <results dir> <BENCHMARKS.md>}.
 */
public final class LedgerReport {

    static final String BEGIN = "<!-- ledger:begin -->";
    static final String END = "<!-- ledger:end -->";

    private final Path dir;
    private final StringBuilder md = new StringBuilder();

    private LedgerReport(Path dir) {
        this.dir = dir;
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[1]);
        String section = new LedgerReport(Path.of(args[0])).section();
        String doc = Files.exists(target) ? Files.readString(target) : "";
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        String out = b >= 0 && e > b
                ? doc.substring(0, b) + section + doc.substring(e + END.length())
                : doc + (doc.endsWith("\n") ? "\n" : "\n\n") + section + "\n";
        Files.writeString(target, out, StandardCharsets.UTF_8);
        System.out.println(section);
    }

    private String section() throws IOException {
        md.append(BEGIN).append('\n');
        md.append(
                "## The ledger, the dashboard and the roster parser (rows 12-17, `pars-benchmarks/run-ledger.sh`)\n\n");
        md.append("Each figure beside its floor measured in the same run on the same machine. ")
                .append("H2 is a file database; PostgreSQL is a real server started by the script ")
                .append("(embedded binaries, loopback). The simulator is a separate process.\n\n");
        md.append("| # | benchmark | ledger | floor | ratio | target | met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (String db : new String[] {"h2", "postgresql"}) {
            bulk(db);
        }
        mainJob();
        for (String[] db : new String[][] {{"h2", "H2 file"}, {"postgresql", "PostgreSQL"}}) {
            memory(
                    "14",
                    "memory-1m-" + db[0] + ".txt",
                    1_000_000,
                    "1,000,000 rows through the ledger (" + db[1] + "), -Xmx128m",
                    "succeeds at -Xmx128m",
                    "memory-1m-none.txt");
        }
        memory(
                "15",
                "memory-readme-2m.txt",
                2_000_000,
                "2,000,000 rows through the main job with its defaults (`pars report --demo`: embedded simulator, "
                        + "default H2 ledger), -Xmx160m",
                "succeeds at -Xmx160m");
        dashboard();
        csv();
        md.append(END);
        return md.toString();
    }

    private void bulk(String db) throws IOException {
        Path file = dir.resolve("ledger-bulk-" + db + ".txt");
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file);
        boolean pg = db.equals("postgresql");
        String name = pg ? "PostgreSQL" : "H2 file";
        Map<String, Long> rec = line(text, "RECORD");
        Map<String, Long> drain = line(text, "DRAIN");
        Map<String, Long> storage = line(text, "STORAGE");
        Map<String, Long> two = line(text, "DRAIN_TWO_NODES");
        Map<String, Long> remoteOne = line(text, "DRAIN_REMOTE");
        Map<String, Long> remoteTwo = line(text, "DRAIN_TWO_NODES_REMOTE");
        if (rec != null) {
            double rate = rate(rec.get("ENTRIES"), rec.get("MS"));
            double ratio = (double) rec.get("MS") / rec.get("FLOOR_MS");
            row(
                    "12",
                    "`recordAll` of " + n(rec.get("ENTRIES")) + " completions in slices of 5,000, " + name,
                    f("%,.0f entries/s (%.1f s)", rate, rec.get("MS") / 1000.0),
                    f(
                            "raw JDBC batches (entry and transition rows) %,.0f rows/s (%.1f s)",
                            rate(rec.get("ENTRIES"), rec.get("FLOOR_MS")), rec.get("FLOOR_MS") / 1000.0),
                    f("%.2fx the floor's time", ratio),
                    pg ? ">= 20,000/s and <= 2x" : "(none)",
                    pg ? met(rate >= 20_000 && ratio <= 2) : "-");
        }
        if (drain != null) {
            double rate = rate(drain.get("SENT"), drain.get("MS"));
            row(
                    "12",
                    "drain: " + n(drain.get("SENT")) + " valid of " + n(drain.get("ENTRIES"))
                            + " recorded entries sent and settled (" + n(drain.get("ACCEPTED")) + " accepted), " + name,
                    f("%,.0f entries/s (%.1f s)", rate, drain.get("MS") / 1000.0),
                    f(
                            "the same completions sent without a ledger %.1f s; the rows updated with raw JDBC %.1f s",
                            drain.get("NOFLOOR_MS") / 1000.0, drain.get("FLOOR_UPDATE_MS") / 1000.0),
                    f("%.2fx the ledger-free time", (double) drain.get("MS") / drain.get("NOFLOOR_MS")),
                    pg ? ">= 5,000/s" : "(none)",
                    pg ? met(rate >= 5_000) : "-");
        }
        if (two != null && drain != null) {
            twoNodes("two nodes draining one ledger together, " + name, two, drain);
        }
        if (remoteTwo != null && remoteOne != null) {
            twoNodes(
                    f(
                            "two nodes draining one ledger of %s entries together, PARS %d ms away (one request in"
                                    + " flight per node), %s",
                            n(remoteTwo.get("SENT")), remoteTwo.get("LATENCY_MS"), name),
                    remoteTwo,
                    remoteOne);
        }
        if (storage != null) {
            double perEntry = (double) storage.get("BYTES") / storage.get("ENTRIES");
            row(
                    "12",
                    "storage after the drain above, " + name,
                    f("%.0f MB, %,.0f bytes per entry", storage.get("BYTES") / 1048576.0, perEntry),
                    "-",
                    "-",
                    pg ? "<= 1,536 bytes per entry" : "<= 1,024 bytes per entry",
                    met(perEntry <= (pg ? 1536 : 1024)));
        }
    }

    private void csv() throws IOException {
        Path file = dir.resolve("csv.txt");
        if (!Files.exists(file)) {
            return;
        }
        Map<String, Long> fast = null;
        Map<String, Long> hand = null;
        for (String l : Files.readAllLines(file)) {
            if (l.contains("PARSER=fastcsv")) {
                fast = pairs(l);
            } else if (l.contains("PARSER=handwritten")) {
                hand = pairs(l);
            }
        }
        if (fast == null || hand == null) {
            return;
        }
        row(
                "17",
                "read and validate a " + n(fast.get("ROWS")) + "-row roster (`RosterReader` on FastCSV), best of 3",
                f("%.2f s (%,.0f rows/s)", fast.get("MS") / 1000.0, rate(fast.get("ROWS"), fast.get("MS"))),
                f("the hand-written parser it replaced, same reader: %.2f s", hand.get("MS") / 1000.0),
                f("%.2fx its time", (double) fast.get("MS") / hand.get("MS")),
                "no slower than the hand-written parser",
                met(fast.get("MS") <= hand.get("MS")));
    }

    private void dashboard() throws IOException {
        for (String[] db : new String[][] {{"h2", "an H2"}, {"postgresql", "a PostgreSQL"}}) {
            Path file = dir.resolve("dashboard-" + db[0] + ".txt");
            if (!Files.exists(file)) {
                continue;
            }
            String text = Files.readString(file);
            Matcher m = Pattern.compile("PAGE=(\\S+) COLD_MS=(\\d+) MEDIAN_MS=(\\d+) ENTRIES=(\\d+) FLOOR_MS=(\\d+)")
                    .matcher(text);
            while (m.find()) {
                long median = Long.parseLong(m.group(3));
                long floor = Long.parseLong(m.group(5));
                row(
                        "16",
                        "dashboard page `" + m.group(1) + "` on " + db[1] + " ledger of "
                                + n(Long.parseLong(m.group(4)))
                                + " entries (request over loopback, median of 5 after the first)",
                        f("%d ms (first request %d ms)", median, Long.parseLong(m.group(2))),
                        f("the style sheet, same round trip: %d ms", floor),
                        f("+%d ms", median - floor),
                        "< 200 ms",
                        met(median < 200));
            }
            Matcher c = Pattern.compile("COUNT_MS=(\\d+) ENTRIES=(\\d+)").matcher(text);
            if (c.find()) {
                row(
                        "16",
                        "entries by state counted on " + db[1] + " ledger of " + n(Long.parseLong(c.group(2)))
                                + " entries, in the background behind the overview (median of 3)",
                        f("%s ms", c.group(1)),
                        "-",
                        "-",
                        "(none: off the page's path)",
                        "-");
            }
            Matcher v = Pattern.compile("VOLUME_MS=(\\d+) ENTRIES=(\\d+)").matcher(text);
            if (v.find()) {
                row(
                        "16",
                        "transitions per day and state over 366 days counted on " + db[1] + " ledger of "
                                + n(Long.parseLong(v.group(2)))
                                + " entries, in the background behind the volume page (median of 3)",
                        f("%s ms", v.group(1)),
                        "-",
                        "-",
                        "(none: off the page's path)",
                        "-");
            }
        }
    }

    /**
     * Row 13: the main job through each database beside its ledger-free run, with the simulator on
     * loopback (the target's runs, each also beside the database's floor, {@link MainJobFloorRun}),
     * then with PARS 50 ms away, one request in flight (the default) and eight (what a remote PARS
     * leaves of the ledger's cost; no target of their own).
     */
    private void mainJob() throws IOException {
        mainJob("mainjob-", "", true);
        String remote = ", PARS 50 ms away (the simulator answers each request 50 ms late), ";
        mainJob("mainjob-remote-", remote + "one request in flight (the default)", false);
        mainJob("mainjob-remote8-", remote + "eight in flight (`--concurrency 8`)", false);
    }

    private void mainJob(String prefix, String where, boolean target) throws IOException {
        Runs none = runs(prefix + "none");
        if (none == null) {
            return;
        }
        for (String[] db : new String[][] {
            {"h2", "an H2 file URL as a user writes it (`jdbc:h2:file:./ledger`)", "H2_FILE_BYTES", "1024"},
            {"postgresql", "PostgreSQL", "PG_LEDGER_BYTES", "1536"}
        }) {
            Runs run = runs(prefix + db[0]);
            if (run == null) {
                continue;
            }
            double ratio = (double) run.medianMs() / none.medianMs();
            // The database's floor (loopback only): the ledger-free job with the ledger's rows written beside it.
            Runs floor = target ? runs(prefix + "floor-" + db[0]) : null;
            Long bytes = run.first().get(db[2]);
            Long entries = run.first().get("ENTRIES");
            boolean sized = bytes != null && entries != null && entries > 0;
            double perEntry = sized ? (double) bytes / entries : 0;
            // On PostgreSQL, the whole database beside the ledger's tables: the server's catalogues are in it.
            String database = run.first().containsKey("PG_BYTES")
                    ? f(" (the database: %,d bytes)", run.first().get("PG_BYTES"))
                    : "";
            row(
                    "13",
                    "the main job (`pars report`), 100,000 rows, -Xmx256m, through " + db[1] + where,
                    f(
                            "%s, peak heap (sampled) %d MB%s",
                            run.time(),
                            run.peakHeapMb(),
                            !sized
                                    ? ""
                                    : f(
                                            ", storage %,d bytes for %,d entries%s: %,.0f bytes per entry",
                                            bytes, entries, database, perEntry)),
                    f("`--ledger none` %s, peak heap %d MB", none.time(), none.peakHeapMb())
                            + (floor == null
                                    ? ""
                                    : f(
                                            "; the database's floor, the same with %,d entries inserted and %,d of"
                                                    + " them settled by plain JDBC in its JVM: %s",
                                            floor.first().get("ENTRIES"),
                                            floor.first().get("SETTLED"),
                                            floor.time())),
                    f("%.2fx the ledger-free time", ratio)
                            + (floor == null
                                    ? ""
                                    : f(
                                            " (the floor %.2fx; the ledger %.2fx the floor's time)",
                                            (double) floor.medianMs() / none.medianMs(),
                                            (double) run.medianMs() / floor.medianMs())),
                    target ? "<= 1.5x; storage <= " + db[3] + " bytes per entry" : "- (the loopback row's)",
                    !target
                            ? "-"
                            : met(ratio <= 1.5)
                                    + (!sized ? "" : "; storage " + met(perEntry <= Long.parseLong(db[3]))));
        }
    }

    /**
     * The runs of one kind: {@code name.txt}, then those of later rounds ({@code name-r2.txt},
     * {@code name-r3.txt}), when there; null without the first.
     */
    private Runs runs(String name) throws IOException {
        Map<String, Long> first = heapLine(name + ".txt");
        if (first == null) {
            return null;
        }
        List<Map<String, Long>> all = new ArrayList<>(List.of(first));
        for (String later : new String[] {name + "-r2.txt", name + "-r3.txt"}) {
            Map<String, Long> run = heapLine(later);
            if (run != null) {
                all.add(run);
            }
        }
        return new Runs(all);
    }

    /** Runs of one kind, the first (with its storage figures) before those of later rounds. */
    private record Runs(List<Map<String, Long>> all) {

        Map<String, Long> first() {
            return all.get(0);
        }

        long medianMs() {
            List<Long> ms = times();
            return ms.size() % 2 == 1 ? ms.get(ms.size() / 2) : (ms.get(ms.size() / 2 - 1) + ms.get(ms.size() / 2)) / 2;
        }

        long peakHeapMb() {
            return all.stream().mapToLong(r -> r.get("PEAK_HEAP_MB")).max().orElseThrow();
        }

        /** The median time, and with more than one run each run's (in order of size). */
        String time() {
            if (all.size() == 1) {
                return f("%.1f s", medianMs() / 1000.0);
            }
            return f(
                    "%.1f s (median of %d runs: %s s)",
                    medianMs() / 1000.0,
                    all.size(),
                    String.join(
                            ", ",
                            times().stream().map(ms -> f("%.1f", ms / 1000.0)).toList()));
        }

        private List<Long> times() {
            return all.stream().map(r -> r.get("ELAPSED_MS")).sorted().toList();
        }
    }

    /** A memory run's row, judged as the other memory rows are ({@link BenchmarkReport#memoryRow}). */
    private void memory(String number, String file, long rows, String what, String target) throws IOException {
        memory(number, file, rows, what, target, null);
    }

    /**
     * A memory run's row, judged as the other memory rows are, beside the same roster's ledger-free
     * run ({@code floorFile}) when there is one.
     */
    private void memory(String number, String file, long rows, String what, String target, String floorFile)
            throws IOException {
        Path log = dir.resolve(file + ".log"); // the run's whole output: its summary and its heap line
        Map<String, Long> run = heapLine(file);
        if (run == null || !Files.exists(log)) {
            return;
        }
        Map<String, Long> floor = floorFile == null ? null : heapLine(floorFile);
        md.append(
                floor == null
                        ? BenchmarkReport.memoryRow(number, what, Files.readString(log), rows, target)
                        : BenchmarkReport.memoryRow(
                                number,
                                what,
                                Files.readString(log),
                                rows,
                                target,
                                f(
                                        "`--ledger none` %.0f s, peak heap %d MB",
                                        floor.get("ELAPSED_MS") / 1000.0, floor.get("PEAK_HEAP_MB")),
                                f(
                                        "%.2fx the ledger-free time",
                                        (double) run.get("ELAPSED_MS") / floor.get("ELAPSED_MS"))));
    }

    /** The {@code PEAK_HEAP_MB=...} line of a result file and any {@code NAME=number} lines after it. */
    private Map<String, Long> heapLine(String file) throws IOException {
        Path p = dir.resolve(file);
        if (!Files.exists(p)) {
            return null;
        }
        Map<String, Long> out = pairs(Files.readString(p));
        return out.containsKey("ELAPSED_MS") ? out : null;
    }

    /** A row of two nodes draining together beside one node draining as many entries alone. */
    private void twoNodes(String what, Map<String, Long> two, Map<String, Long> one) {
        row(
                "12",
                what,
                f(
                        "%,.0f entries/s (%.1f s; node A sent %s)",
                        rate(two.get("SENT"), two.get("MS")), two.get("MS") / 1000.0, n(two.get("NODE_A"))),
                f("one node %.1f s", one.get("MS") / 1000.0),
                f("%.2fx one node's time", (double) two.get("MS") / one.get("MS")),
                "faster than one",
                // Faster only counts when both nodes sent: otherwise one node did the work alone.
                two.get("NODE_A") == 0 || two.get("NODE_A").equals(two.get("SENT"))
                        ? "no (one node sent everything)"
                        : met(two.get("MS") < one.get("MS")));
    }

    private static Map<String, Long> line(String text, String what) {
        Matcher m =
                Pattern.compile("(?m)^LEDGER_BULK .*WHAT=" + what + " (.*)$").matcher(text);
        return m.find() ? pairs(m.group(1)) : null;
    }

    private static Map<String, Long> pairs(String text) {
        Map<String, Long> out = new HashMap<>();
        Matcher m = Pattern.compile("([A-Z][A-Z0-9_]*)=(\\d+(?:\\.\\d+)?)").matcher(text);
        while (m.find()) {
            out.put(m.group(1), Math.round(Double.parseDouble(m.group(2))));
        }
        return out;
    }

    private void row(String number, String what, String sdk, String floor, String ratio, String target, String met) {
        md.append("| ")
                .append(String.join(" | ", number, what, sdk, floor, ratio, target, met))
                .append(" |\n");
    }

    private static double rate(long count, long ms) {
        return count * 1000.0 / Math.max(1, ms);
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String met(boolean ok) {
        return ok ? "yes" : "no";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
