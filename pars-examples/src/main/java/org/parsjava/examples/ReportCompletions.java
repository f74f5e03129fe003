/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.parsjava.client.ChunkProgress;
import org.parsjava.client.RecordResult;
import org.parsjava.client.SubmissionResult;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsException;
import org.parsjava.core.batch.RosterColumns;
import org.parsjava.core.batch.RosterReader;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.Violation;
import org.parsjava.core.validation.ViolationCode;
import org.parsjava.excel.LearnerUploadWriter;
import org.parsjava.excel.Rosters;
import org.parsjava.excel.XlsxFileException;
import org.parsjava.ledger.DrainSummary;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerEntry;
import org.parsjava.ledger.Recording;
import org.parsjava.ledger.ReportingLedger;

/**
 * The main job: report a learner-completion roster to PARS.
 *
 * <p>{@code ReportCompletions [roster.csv] [--pars-url URL --provider-id ID --provider-name NAME
 * --user U --password P] [--report rows-to-fix.csv] [--slice N] [--concurrency N]
 * [--encoding CHARSET] [--api wcf|rest] [--as-of YYYY-MM-DD]}
 *
 * <p>{@code --as-of} judges dates (a completion in the future, the reporting window, deadlines)
 * as of that day instead of today, for rehearsing against a test PARS set to that day.
 *
 * <p>{@code --api} picks the generation of the PARS API (default {@code wcf}; {@code rest} for the
 * draft REST API, which the embedded simulator then speaks too). {@code --concurrency} is the
 * client's {@code maxConcurrentRequests} (default 1);
 * {@code --encoding} the roster's character encoding (default UTF-8; {@code windows-1252} for
 * a CSV saved by Excel on Windows). A row with bytes that are not text in that encoding is
 * reported as invalid ({@code ROW_ENCODING}, with its line), and the run goes on.
 *
 * <p>Reads the roster (columns: see {@code RosterColumns}), looks up each activity in PARS,
 * validates every row, submits the valid ones through {@code ParsClient} in slices (memory
 * stays flat on large files), shows progress, and prints a summary: accepted, rejected by PARS
 * (code and line), invalid locally (line, column, code). Rows to fix go to a CSV report.
 * Without a roster argument it reports the bundled 1,000-row sample roster. Without a PARS URL
 * it uses the embedded PARS simulator.
 *
 * <p>Exit codes: 0 every row accepted (and always for the bundled sample, which has bad rows
 * on purpose: the run then says which code a roster of your own would have given); 1 rows
 * need fixing; 2 usage or configuration error; 3 rows failed in transport
 * and should be resubmitted, or the run stopped early (credentials refused): the summary then
 * accounts for every row read so far and names the last line read.
 */
public final class ReportCompletions {

    /** A violation as the ledger keeps it: {@code field CODE: message}. */
    private static final java.util.regex.Pattern VIOLATION = java.util.regex.Pattern.compile("(\\S+) ([A-Z_]+): (.*)");

    /** Rows held in memory at once, at most. */
    static final int MAX_SLICE = 100_000;

    private final PrintStream out;
    private final Connection pars;
    private final Map<String, Optional<Activity>> activityCache = new HashMap<>();
    /** Activities whose lookup failed: not asked again in this run (each ask spends the retry budget). */
    private final Map<String, RuntimeException> lookupFailures = new HashMap<>();

    private final Map<String, Integer> rejectedByCode = new TreeMap<>();
    private final Map<String, Integer> invalidByCode = new TreeMap<>();
    private final BufferedWriter report;
    private int rows;
    private int lastLine;
    private ParsAuthenticationException refused;
    private int accepted;
    private int rejected;
    private int invalid;
    private int failed;
    private int warnings;
    private int slices;
    private int withdrawn;
    private int resumed;
    private int earlierSettled;
    /** Null when the run goes straight to PARS ({@code --ledger none}). */
    private final ReportingLedger ledger;

    /** Null unless the run writes an upload file ({@code --excel}). */
    private final LearnerUploadWriter upload;

    private ReportCompletions(
            PrintStream out,
            Connection pars,
            BufferedWriter report,
            ReportingLedger ledger,
            LearnerUploadWriter upload) {
        this.out = out;
        this.pars = pars;
        this.report = report;
        this.ledger = ledger;
        this.upload = upload;
    }

    /** Entry point; exits with the code described on the class. */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the job and returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> options;
        try {
            options = Connection.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        String roster = options.get("0");
        Path reportPath = Path.of(options.getOrDefault("report", "target/pars-rows-to-fix.csv"));
        int slice;
        try {
            slice = Integer.parseInt(options.getOrDefault("slice", "5000"));
        } catch (NumberFormatException e) {
            slice = 0;
        }
        if (slice < 1 || slice > MAX_SLICE) {
            out.println("error: --slice must be a whole number of rows from 1 to " + MAX_SLICE);
            return 2;
        }
        Charset encoding;
        try {
            encoding = Charset.forName(options.getOrDefault("encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            out.println("error: --encoding names no character set this Java knows (try UTF-8 or windows-1252)");
            return 2;
        }
        Path excel = options.containsKey("excel") ? Path.of(options.get("excel")) : null;
        boolean check = Boolean.parseBoolean(options.getOrDefault("check", "false"));
        try (Connection pars = Connection.open(options)) {
            if (reportPath.getParent() != null) {
                Files.createDirectories(reportPath.getParent());
            }
            try (BufferedWriter report = Files.newBufferedWriter(reportPath, StandardCharsets.UTF_8)) {
                out.println(pars.description);
                out.println(
                        "Roster: " + (roster == null ? "bundled sample-roster.csv (1,000 synthetic rows)" : roster));
                try (ReportingLedger ledger = excel == null && !check ? Ledgers.open(options, pars, out) : null;
                        LearnerUploadWriter upload = excel == null ? null : uploadFile(excel, pars, out)) {
                    ReportCompletions job = new ReportCompletions(out, pars, report, ledger, upload);
                    job.checker = check
                            ? org.parsjava.core.validation.ParsValidator.builder()
                                    .clock(pars.clock)
                                    .build()
                            : null;
                    RuntimeException stopped = null;
                    try (RosterReader reader = roster == null
                            ? RosterReader.open(
                                    ReportCompletions.class.getResourceAsStream("/sample-roster.csv"),
                                    StandardCharsets.UTF_8,
                                    job::activity)
                            : Rosters.open(Path.of(roster), encoding, job::activity)) {
                        job.process(reader, slice);
                    } catch (ParsException
                            | org.parsjava.ledger.LedgerException
                            | XlsxFileException
                            | java.io.UncheckedIOException e) {
                        // Credentials refused, the store or the file failed: nothing more can succeed,
                        // and what was read so far is still summed up.
                        stopped = e;
                    }
                    if (upload != null) {
                        upload.close(); // the file is complete before the summary names it
                    }
                    job.summary(reportPath);
                    if (stopped != null) {
                        out.println("Stopped after line " + job.lastLine + ": " + stopped.getMessage());
                        out.println("Rows after that line were not read; run the file again once this is fixed "
                                + "(rows PARS already holds are recognised by their CreditID and counted as accepted, "
                                + "never stored twice).");
                        return 3;
                    }
                    int exit = job.failed > 0 ? 3 : job.invalid + job.rejected > 0 ? 1 : 0;
                    if (roster == null) {
                        out.println("Exit status 0: the bundled sample has bad rows on purpose; with your own roster "
                                + "this run would exit " + exit + ".");
                        return 0;
                    }
                    return exit;
                }
            }
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            out.println("error: " + e.getMessage());
            return 2;
        } catch (ParsException e) {
            out.println("error: " + e.getMessage());
            return 3;
        } catch (org.parsjava.ledger.LedgerException | XlsxFileException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static LearnerUploadWriter uploadFile(Path file, Connection pars, PrintStream out) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        out.println("Upload file: " + file + " (ACCME's learner Excel template; nothing is sent to PARS)");
        return LearnerUploadWriter.create(
                Files.newOutputStream(file),
                org.parsjava.core.validation.ParsValidator.builder()
                        .clock(pars.clock)
                        .build());
    }

    private void process(RosterReader reader, int slice) throws IOException {
        report.write("line,completion_key,outcome,field,code,message\n");
        if (!reader.ignoredColumns().isEmpty()) {
            out.println("Columns ignored (not roster columns, see RosterColumns): "
                    + String.join(", ", reader.ignoredColumns()));
        }
        List<RosterRow> batch = new ArrayList<>(slice);
        while (reader.hasNext()) {
            RosterRow row = reader.next();
            rows++;
            lastLine = row.line();
            if (row.isReadable()) {
                batch.add(row);
                if (batch.size() == slice) {
                    submit(batch);
                    batch.clear();
                }
            } else if (row.problems().stream().anyMatch(v -> v.code() == ViolationCode.ACTIVITY_LOOKUP_FAILED)) {
                failed++; // not the row's fault: PARS could not be asked about its activity
                line(
                        row.line(),
                        row.completionKey(),
                        "FAILED",
                        RosterColumns.ACTIVITY_ID,
                        ViolationCode.ACTIVITY_LOOKUP_FAILED.name(),
                        ViolationCode.ACTIVITY_LOOKUP_FAILED.message());
                if (refused != null) {
                    submit(batch); // what was read before this row is still sent, then the run stops
                    batch.clear();
                    throw refused;
                }
            } else {
                invalidRow(row.line(), row.completionKey(), row.problems());
            }
        }
        submit(batch);
    }

    Optional<Activity> activity(String id) {
        RuntimeException failedBefore = lookupFailures.get(id);
        if (failedBefore != null) {
            throw failedBefore;
        }
        try {
            return activityCache.computeIfAbsent(
                    id, k -> pars.client.activities().get(k));
        } catch (ParsAuthenticationException e) {
            refused = e; // the row is reported FAILED by the reader; the run stops after it
            throw e;
        } catch (RuntimeException e) {
            lookupFailures.put(id, e); // the reader reports the row FAILED (ACTIVITY_LOOKUP_FAILED)
            throw e;
        }
    }

    private void submit(List<RosterRow> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        if (upload != null) {
            toUploadFile(batch);
            return;
        }
        if (checker != null) {
            // The rules the client applies before sending (dates against today, the reporting
            // window, the activity's credits...), so "valid" here means "would be sent".
            judgeEach(batch, c -> checker.validate(c).errors());
            return;
        }
        if (ledger != null) {
            throughLedger(batch);
            return;
        }
        slices++;
        List<LearnerCompletion> completions =
                batch.stream().map(r -> r.completion().orElseThrow()).toList();
        SubmissionResult result;
        try {
            result = pars.client.learners().submit(completions, this::progress);
        } catch (ParsAuthenticationException e) {
            // Account for the slice (its records are FAILED, not sent), then stop the run.
            if (e.partialResult().isPresent()) {
                account(batch, e.partialResult().get());
            }
            throw e;
        }
        account(batch, result);
    }

    private void account(List<RosterRow> batch, SubmissionResult result) throws IOException {
        for (RecordResult r : result.records()) {
            RosterRow row = batch.get(r.index());
            warnings += (int) r.violations().stream().filter(v -> !v.isError()).count();
            switch (r.outcome()) {
                case ACCEPTED -> accepted++;
                case REJECTED -> {
                    rejected++;
                    String code = r.parsCode().orElse("REJECTED");
                    count(rejectedByCode, code);
                    line(
                            row.line(),
                            r.completionKey(),
                            "REJECTED",
                            "",
                            code,
                            r.message().orElse(""));
                }
                case INVALID ->
                    invalidRow(
                            row.line(),
                            r.completionKey(),
                            r.violations().stream().filter(Violation::isError).toList());
                case FAILED -> {
                    failed++;
                    line(
                            row.line(),
                            r.completionKey(),
                            "FAILED",
                            "",
                            "",
                            r.message().orElse(""));
                }
            }
        }
    }

    /** Writes the slice's valid rows to the upload file; invalid ones go to the rows to fix. */
    private void toUploadFile(List<RosterRow> batch) throws IOException {
        slices++;
        judgeEach(batch, upload::add);
    }

    /**
     * Rows settled here rather than by PARS (the upload file, {@code --check true}): a row is
     * counted with {@code accepted} when {@code errorsOf} finds nothing, else it is a row to fix.
     */
    private void judgeEach(
            List<RosterRow> batch, java.util.function.Function<LearnerCompletion, List<Violation>> errorsOf)
            throws IOException {
        for (RosterRow row : batch) {
            List<Violation> errors = errorsOf.apply(row.completion().orElseThrow());
            if (errors.isEmpty()) {
                accepted++;
            } else {
                invalidRow(row.line(), row.completionKey(), errors);
            }
        }
    }

    /** Counts an invalid row and writes one line to fix per error. */
    private void invalidRow(int line, String key, List<Violation> errors) throws IOException {
        invalid++;
        for (Violation v : errors) {
            count(invalidByCode, v.code().name());
            line(line, key, "INVALID", v.field(), v.code().name(), v.message());
        }
    }

    /**
     * Records the slice in the ledger, then drains it. Rows the ledger already settled (a rerun)
     * are counted from their entry; the others from the drain. A row still unsettled afterwards
     * (a retry not yet due) is counted as failed: the ledger sends it again on a later run.
     */
    private void throughLedger(List<RosterRow> batch) throws IOException {
        slices++;
        Map<String, RosterRow> awaiting = new HashMap<>();
        Map<LearnerCompletion, RosterRow> rowOf = new java.util.IdentityHashMap<>();
        List<LearnerCompletion> completions = new ArrayList<>(batch.size());
        List<RosterRow> kept = new ArrayList<>(batch.size());
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (RosterRow row : batch) {
            LearnerCompletion c = row.completion().orElseThrow();
            if (!keys.add(c.completionKey())) { // one entry per key: a second row with it is refused
                invalid++;
                count(invalidByCode, ViolationCode.COMPLETION_KEY_DUPLICATE.name());
                line(
                        row.line(),
                        row.completionKey(),
                        "INVALID",
                        "completionKey",
                        ViolationCode.COMPLETION_KEY_DUPLICATE.name(),
                        ViolationCode.COMPLETION_KEY_DUPLICATE.message());
                continue;
            }
            rowOf.put(c, row);
            completions.add(c);
            kept.add(row);
        }
        List<Recording> recorded =
                ledger.recordAll(completions, c -> "line " + rowOf.get(c).line());
        for (int i = 0; i < kept.size(); i++) {
            RosterRow row = kept.get(i);
            LearnerCompletion c = completions.get(i);
            Recording r = recorded.get(i);
            switch (r.state()) {
                case PENDING, CORRECTING, WITHDRAWING, RETRYING -> awaiting.put(c.completionKey(), row);
                default -> settled(row, r.state(), null);
            }
        }
        DrainSummary s;
        try {
            s = ledger.drain(entry -> {
                if (entry.state() == EntryState.PENDING && awaiting.containsKey(entry.completionKey())) {
                    return; // a correction's old record is gone; the new one is sent in the same drain
                }
                RosterRow row = awaiting.remove(entry.completionKey());
                if (row == null) {
                    earlierSettled++; // an entry of an earlier run whose retry was due
                    return;
                }
                try {
                    settled(row, entry.state(), entry);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (ParsAuthenticationException e) {
            for (RosterRow row : awaiting.values()) {
                failed++;
                line(row.line(), row.completionKey(), "FAILED", "", "", "not sent: PARS refused the credentials");
            }
            throw e;
        }
        resumed += s.resumed();
        for (RosterRow row : awaiting.values()) {
            LearnerCompletion c = row.completion().orElseThrow();
            settled(
                    row,
                    ledger.entry(c.activity().providerId(), c.completionKey())
                            .orElseThrow()
                            .state(),
                    null);
        }
        if (slices % 20 == 0) {
            out.println("Reported slice " + slices + ", rows read " + rows);
        }
    }

    /** Counts a row by its ledger state; rows to fix get their line in the report. */
    private void settled(RosterRow row, EntryState state, LedgerEntry known) throws IOException {
        switch (state) {
            case ACCEPTED, AWAITING_BOARD, BOARD_ACCEPTED -> accepted++;
            case WITHDRAWN, WITHDRAWING -> withdrawn++;
            case PENDING, RETRYING, CORRECTING -> {
                failed++;
                line(
                        row.line(),
                        row.completionKey(),
                        "FAILED",
                        "",
                        "",
                        "not confirmed yet: the ledger sends it again " + "on the next run");
            }
            case INVALID, REJECTED, BOARD_REJECTED -> {
                LearnerCompletion c = row.completion().orElseThrow();
                LedgerEntry e = known != null
                        ? known
                        : ledger.entry(c.activity().providerId(), c.completionKey())
                                .orElseThrow();
                String code = e.parsCode().orElse(state.name());
                if (state == EntryState.INVALID) {
                    invalid++;
                    // One line per violation, "field CODE: message", as the ledger keeps them.
                    for (String v : e.message().orElse("").split("\n")) {
                        Matcher m = VIOLATION.matcher(v);
                        if (m.matches()) {
                            count(invalidByCode, m.group(2));
                            line(row.line(), row.completionKey(), "INVALID", m.group(1), m.group(2), m.group(3));
                        }
                    }
                } else {
                    rejected++;
                    count(rejectedByCode, code);
                    line(
                            row.line(),
                            row.completionKey(),
                            "REJECTED",
                            "",
                            code,
                            e.message().orElse(""));
                }
            }
        }
    }

    private void progress(ChunkProgress p) {
        int width = 30;
        int filled = (int) Math.round(p.fraction() * width);
        String bar = "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
        String text =
                String.format("Submitting %s %3.0f%%  chunk %d/%d", bar, p.fraction() * 100, p.chunk(), p.chunks());
        if (System.console() != null) {
            out.print("\r" + text + (slices > 1 ? "  (slice " + slices + ", rows read " + rows + ")" : ""));
            if (p.chunk() == p.chunks() && slices == 1) {
                out.println();
            }
        } else if (slices == 1 && (p.chunk() == p.chunks() || p.chunk() % 10 == 0)) {
            out.println(text);
        } else if (p.chunk() == p.chunks() && slices % 20 == 0) {
            out.println("Submitted slice " + slices + ", rows read " + rows);
        }
    }

    private void line(int line, String key, String outcome, String field, String code, String message)
            throws IOException {
        report.write(line + "," + key + "," + outcome + "," + field + "," + code + ",\"" + message.replace("\"", "\"\"")
                + "\"\n");
    }

    private static void count(Map<String, Integer> counts, String code) {
        counts.merge(code, 1, Integer::sum);
    }

    /**
     * With {@code --check true}, the validator every row is checked by (dates judged by the
     * connection's clock), and nothing is sent; null when rows are sent.
     */
    private org.parsjava.core.validation.ParsValidator checker;

    private void summary(Path reportPath) {
        if (System.console() != null && slices > 1) {
            out.println();
        }
        out.println();
        out.println("PARS reporting summary");
        out.printf("  rows read                    %6d%n", rows);
        out.printf(
                checker != null
                        ? "  valid, not sent (check)      %6d%n"
                        : upload != null
                                ? "  written to the upload file   %6d%n"
                                : "  accepted by PARS             %6d%n",
                accepted);
        out.printf("  rejected by PARS             %6d%s%n", rejected, codes(rejectedByCode));
        out.printf("  invalid, not sent            %6d%s%n", invalid, codes(invalidByCode));
        out.printf("  failed, resubmit later       %6d%n", failed);
        if (withdrawn > 0) {
            out.printf("  withdrawn by the learner     %6d%n", withdrawn);
        }
        if (ledger == null) {
            out.printf("  (warnings on sent rows       %6d)%n", warnings);
        } else {
            out.printf(
                    "  (resumed from an interrupted run %d; entries of earlier runs settled %d)%n",
                    resumed, earlierSettled);
        }
        boolean balanced = accepted + rejected + invalid + failed + withdrawn == rows;
        out.println("  every row accounted for:     " + (balanced ? "yes" : "NO"));
        if (rejected + invalid + failed > 0) {
            out.println("Rows to fix (line, completion_key, outcome, field, code, message): "
                    + reportPath.toAbsolutePath());
        }
    }

    private static String codes(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("   ");
        counts.forEach((code, n) -> b.append(code).append(' ').append(n).append("  "));
        return b.toString().stripTrailing();
    }
}
