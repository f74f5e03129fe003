/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.ledger.EntryProblem;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerDatabase;
import org.parsjava.ledger.LedgerException;
import org.parsjava.ledger.ReportingLedger;

/**
 * Slices recorded in a ledger, then drained, each as a {@link LedgerSlice}. Through a PostgreSQL
 * ledger two slices are reported at once: the next one is recorded while the one before it is
 * still being sent (and sent once that one has ended), and the run reads on meanwhile, so the
 * database's work and PARS's round trips overlap. Through H2, which works in the job's own
 * process and so competes with it for the CPU, one slice at a time. A slice's failure stops the
 * run once every slice started has ended, each accounting for its rows.
 */
final class LedgerSink implements Sink {

    private final JobRun run;
    private final ReportingLedger ledger;
    /** Names this run in the ledger, so a key two of its slices hold is recorded once. */
    private final String runName = java.util.UUID.randomUUID().toString();
    /** Slices reported at once, at most. */
    private final int slicesAtOnce;

    /** The slices being reported, oldest first, each on a thread of its own. */
    private final Deque<Running> inFlight;
    /** The completion keys of the slices being reported. */
    private final SliceKeys keysInFlight = new SliceKeys();

    /** A slice being reported on {@code thread}; {@code task} ends when the slice has. */
    private record Running(Thread thread, FutureTask<Void> task) {}

    /**
     * Reports through {@code ledger}, {@code slicesAtOnce} slices at once at most (0: as {@link
     * #slicesAtOnce(LedgerDatabase)} says for the ledger's database).
     */
    LedgerSink(JobRun run, ReportingLedger ledger, int slicesAtOnce) {
        this.run = run;
        this.ledger = ledger;
        this.slicesAtOnce = slicesAtOnce > 0 ? slicesAtOnce : slicesAtOnce(ledger.database());
        this.inFlight = new ArrayDeque<>(this.slicesAtOnce);
        syncBoards(); // the boards' decisions on earlier runs, due by now
    }

    /**
     * Slices reported at once through a ledger on {@code database}: two on PostgreSQL, whose
     * server works while the job waits; one on H2, whose work is the job's own CPU (a 1,000,000-row
     * run took longer with two).
     */
    static int slicesAtOnce(LedgerDatabase database) {
        return database == LedgerDatabase.POSTGRESQL ? 2 : 1;
    }

    /**
     * Starts reporting {@code slice} (sent once the slice before it has ended), then waits until
     * fewer than {@link #slicesAtOnce} slices are being reported (one at a time: until this one has
     * ended), so the run reads the next slice meanwhile. Throws a slice's failure once every slice
     * started has ended, each accounting for its rows.
     */
    @Override
    public int report(List<RosterRow> slice) {
        FutureTask<Void> before =
                inFlight.isEmpty() ? null : inFlight.peekLast().task();
        LedgerSlice next = new LedgerSlice(run, ledger, runName, slice, keysInFlight, () -> sliceBeforeEnded(before));
        FutureTask<Void> task = new FutureTask<>(next::report, null);
        Thread thread = new Thread(task, "pars-job-slice");
        thread.setDaemon(true);
        thread.start(); // before it is awaited: a slice that could not start is never waited for
        inFlight.addLast(new Running(thread, task));
        while (inFlight.size() >= slicesAtOnce) {
            awaitOldest();
        }
        return inFlight.size();
    }

    @Override
    public void finish() {
        while (!inFlight.isEmpty()) {
            awaitOldest();
        }
    }

    /**
     * After the roster: the slices still being reported (their failures are the run's stop
     * already, or dropped: their rows are settled either way), the boards' decisions due by the end
     * of this run, then the ledger's housekeeping (learner data of long-settled entries removed,
     * history past its keeping deleted), so a ledger used only by runs stays as small as one with a
     * worker.
     */
    @Override
    public void close() {
        try {
            finish();
        } catch (RuntimeException ignored) {
            // The run stopped already; each slice accounted for its rows.
        }
        syncBoards();
        ledger.purgePersonalData();
        ledger.pruneHistory();
    }

    /**
     * Waits for the oldest slice; if it failed, waits for the others too (their rows settled), then
     * throws a failure: an error if a slice met one, else the oldest slice's, the others' added to
     * it.
     */
    private void awaitOldest() {
        Throwable failure = outcome(inFlight.removeFirst());
        if (failure == null) {
            return;
        }
        while (!inFlight.isEmpty()) {
            Throwable again = outcome(inFlight.removeFirst());
            if (again == null || again == failure) {
                continue;
            }
            if (again instanceof Error && !(failure instanceof Error)) {
                again.addSuppressed(failure);
                failure = again;
            } else {
                failure.addSuppressed(again);
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new LedgerException("a slice failed", failure);
    }

    /**
     * Waits, on a slice's thread, until the slice before it (if any) has ended. A slice whose slice
     * before failed is not sent: PARS refusing the credentials is thrown as it was, any other
     * failure as {@link SliceBeforeFailed}; an interruption while waiting as the ledger's.
     */
    private static void sliceBeforeEnded(FutureTask<Void> before) {
        if (before == null) {
            return;
        }
        try {
            before.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while waiting for the slice before to be reported", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ParsAuthenticationException refused) {
                throw refused;
            }
            throw new SliceBeforeFailed(e.getCause());
        }
    }

    /**
     * How {@code slice} ended: null when it was reported, its failure otherwise. Waits until it has
     * ended even when this thread is interrupted: then the slices are interrupted too (each ends
     * soon, accounting for its rows), the interruption is kept, and it is the failure if the slice
     * had none.
     */
    private Throwable outcome(Running slice) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    slice.task().get();
                    return interrupted ? new LedgerException("interrupted while slices were being reported") : null;
                } catch (InterruptedException e) {
                    interrupted = true;
                    slice.thread().interrupt();
                    inFlight.forEach(r -> r.thread().interrupt());
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void syncBoards() {
        ledger.syncStatuses((entry, held) -> run.boardVerdict(new BoardVerdict(
                entry.completionKey(),
                entry.state() == EntryState.BOARD_ACCEPTED,
                entry.state() == EntryState.BOARD_ACCEPTED
                        ? List.of()
                        : entry.problems().stream().map(LedgerSink::problem).toList())));
    }

    static RowProblem problem(EntryProblem p) {
        return new RowProblem(p.field(), p.code(), p.message());
    }
}
