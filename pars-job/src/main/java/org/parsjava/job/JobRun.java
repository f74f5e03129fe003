/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.parsjava.client.ParsTarget;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsException;
import org.parsjava.core.batch.RosterColumns;
import org.parsjava.core.batch.RosterReader;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.validation.Violation;
import org.parsjava.core.validation.ViolationCode;
import org.parsjava.excel.XlsxFileException;
import org.parsjava.ledger.LedgerException;
import org.parsjava.ledger.ReportingLedger;

/**
 * One run of a {@link ReportingJob}: reads the roster row by row, settles unreadable rows at
 * once, hands readable ones to the destination's {@link Sink} a slice at a time, and accounts
 * for every row read, whatever stops it.
 */
final class JobRun {

    private final ReportingJob job;
    private final RowListener listener;
    private final Tally tally = new Tally();
    private final ActivityLookup activities;
    private int slice;
    /** The last slice reported in full (every slice before it too): 0 before the first. */
    private int reported;

    JobRun(ReportingJob job, RowListener listener) {
        this.job = job;
        this.listener = listener;
        this.activities = new ActivityLookup(job.activities());
    }

    JobSummary run(Roster roster) {
        JobSummary.Stop stop = null;
        try (RosterReader reader = roster.open(activities::find, job.validator().rules());
                Sink sink = sink()) {
            try {
                read(reader, sink);
            } catch (ParsAuthenticationException e) {
                stop = new JobSummary.Stop(lastLine(), "PARS refused the credentials: " + e.getMessage());
            } catch (ParsException | LedgerException | XlsxFileException | UncheckedIOException e) {
                // Nothing more can succeed; what was read so far is still summed up.
                stop = new JobSummary.Stop(lastLine(), e.getMessage());
            }
        }
        return summary(stop);
    }

    private synchronized int lastLine() {
        return tally.lastLine;
    }

    /** What the run did; called once every slice has ended. */
    private synchronized JobSummary summary(JobSummary.Stop stop) {
        return new JobSummary(
                job.destination().kind(),
                reportedTo(),
                job.simulated(),
                tally.rowsRead,
                tally.counts,
                tally.codes,
                tally.warnings,
                tally.resumed,
                tally.earlierSettled,
                stop,
                new BoardVerdicts(tally.boardAccepted, tally.boardRejected, tally.boardCodes));
    }

    private Sink sink() {
        Destination d = job.destination();
        return switch (d.kind()) {
            case LEDGER -> new LedgerSink(this, d.ledger().orElseThrow(), job.slicesAtOnce());
            case PARS -> new ParsSink(this, job.client());
            case UPLOAD_FILE -> UploadSink.create(this, d.file().orElseThrow(), job.validator());
            case CHECK_ONLY -> new CheckSink(this, job.validator());
        };
    }

    private void read(RosterReader reader, Sink sink) {
        List<RosterRow> batch = new ArrayList<>(Math.min(job.sliceSize(), 10_000));
        for (RosterRow row = next(reader, sink, batch); row != null; row = next(reader, sink, batch)) {
            read(row);
            if (row.isReadable()) {
                batch.add(row);
                if (batch.size() == job.sliceSize()) {
                    report(sink, batch);
                }
            } else if (row.problems().stream().anyMatch(v -> v.code() == ViolationCode.ACTIVITY_LOOKUP_FAILED)) {
                // Not the row's fault: PARS could not be asked about its activity.
                settle(
                        row.line(),
                        row.completionKey(),
                        RowStatus.FAILED,
                        List.of(new RowProblem(
                                RosterColumns.ACTIVITY_ID,
                                ViolationCode.ACTIVITY_LOOKUP_FAILED.name(),
                                ViolationCode.ACTIVITY_LOOKUP_FAILED.message())));
                if (activities.refused() != null) {
                    report(sink, batch); // what was read before this row is still sent, then the run stops
                    throw activities.refused();
                }
            } else {
                settle(row.line(), row.completionKey(), RowStatus.INVALID, problems(row.problems()));
            }
        }
        report(sink, batch);
        sink.finish();
        reportedUpTo(slice); // the last slices, reported in the background, have ended
    }

    /**
     * The roster's next row, or null at its end. When the roster cannot be read on (a file damaged
     * or gone partway), the rows read before are still reported, then the failure stops the run.
     */
    private RosterRow next(RosterReader reader, Sink sink, List<RosterRow> batch) {
        try {
            return reader.hasNext() ? reader.next() : null;
        } catch (RuntimeException e) {
            try {
                report(sink, batch);
            } catch (RuntimeException again) {
                e.addSuppressed(again); // the slice accounted for its rows
            }
            throw e;
        }
    }

    private synchronized void read(RosterRow row) {
        tally.rowsRead++;
        tally.lastLine = row.line();
    }

    private void report(Sink sink, List<RosterRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        slice++;
        int stillReporting = sink.report(batch);
        batch.clear();
        reportedUpTo(slice - stillReporting);
    }

    /** Slices up to {@code n} have been reported in full (their rows settled): told once, for {@code n}. */
    private synchronized void reportedUpTo(int n) {
        if (n > reported) {
            reported = n;
            progress(n, 1.0);
        }
    }

    /** How far the slice being reported has been sent: {@code sliceFraction}, from 0 to 1. */
    void progress(double sliceFraction) {
        progress(slice, sliceFraction);
    }

    private synchronized void progress(int n, double sliceFraction) {
        listener.progress(new JobProgress(tally.rowsRead, tally.settled, n, sliceFraction));
    }

    /** Settles one row: counted once, and told to the listeners. */
    synchronized void settle(int line, String key, RowStatus status, List<RowProblem> problems) {
        tally.settle(status, problems);
        listener.row(new RowOutcome(line, key, status, status.needsAttention() ? problems : List.of()));
    }

    /** A board decided on a completion of an earlier run. */
    synchronized void boardVerdict(BoardVerdict v) {
        tally.boardVerdict(v);
        listener.boardVerdict(v);
    }

    synchronized void warnings(long n) {
        tally.warnings += n;
    }

    synchronized void resumed(long n) {
        tally.resumed += n;
    }

    synchronized void earlierSettled() {
        tally.earlierSettled++;
    }

    /** Violations (errors only) as row problems. */
    static List<RowProblem> problems(List<Violation> violations) {
        return violations.stream()
                .filter(Violation::isError)
                .map(v -> new RowProblem(v.field(), v.code().name(), v.message()))
                .toList();
    }

    private String reportedTo() {
        Destination d = job.destination();
        // Through a ledger, the PARS it is bound to (its client's) is the one the rows went to.
        ParsTarget t = d.ledger()
                .map(ReportingLedger::boundTo)
                .orElseGet(() -> job.client() == null ? null : job.client().target());
        String pars = t == null ? "" : t.baseUrl() + " (" + t.generation() + " API)";
        return switch (d.kind()) {
            case LEDGER, PARS ->
                job.simulated()
                        ? "the PARS simulator at " + pars + ": nothing reached PARS"
                        : "PARS at " + pars + " as provider " + t.providerId();
            case UPLOAD_FILE -> "the upload file " + d.file().orElseThrow() + ": nothing was sent to PARS";
            case CHECK_ONLY -> "nowhere: checked only, nothing was sent";
        };
    }
}
