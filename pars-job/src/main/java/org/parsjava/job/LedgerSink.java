/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /** Slices reported at once, at most. */
    private final int slicesAtOnce;

    private final ExecutorService slices;
    /** The slices being reported, oldest first. */
    private final Deque<Future<?>> inFlight;

    /**
     * Reports through {@code ledger}, {@code slicesAtOnce} slices at once at most (0: as {@link
     * #slicesAtOnce(LedgerDatabase)} says for the ledger's database).
     */
    LedgerSink(JobRun run, ReportingLedger ledger, int slicesAtOnce) {
        this.run = run;
        this.ledger = ledger;
        this.slicesAtOnce = slicesAtOnce > 0 ? slicesAtOnce : slicesAtOnce(ledger.database());
        this.slices = Executors.newFixedThreadPool(this.slicesAtOnce, r -> {
            Thread t = new Thread(r, "pars-job-slice");
            t.setDaemon(true);
            return t;
        });
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
        Future<?> before = inFlight.peekLast();
        LedgerSlice next = new LedgerSlice(run, ledger, slice, () -> ended(before));
        inFlight.addLast(slices.submit(next::report));
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
            // The run stopped already; the slice accounted for its rows.
        } finally {
            slices.shutdown();
        }
        syncBoards();
        ledger.purgePersonalData();
        ledger.pruneHistory();
    }

    /**
     * Waits for the oldest slice; if it failed, waits for the others too (their rows settled, their
     * own failures added to its), then throws its failure as it was.
     */
    private void awaitOldest() {
        Throwable failure = outcome(inFlight.removeFirst());
        if (failure == null) {
            return;
        }
        while (!inFlight.isEmpty()) {
            Throwable again = outcome(inFlight.removeFirst());
            if (again != null && again != failure) {
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

    /** Waits until {@code slice} (if any) has ended, however it ended: its failure is told to the run, not here. */
    private static void ended(Future<?> slice) {
        if (slice == null) {
            return;
        }
        Throwable failure = outcome(slice);
        if (failure instanceof LedgerException e && e.getCause() instanceof InterruptedException) {
            throw e;
        }
    }

    /** How a slice ended: null when it was reported, its failure otherwise. */
    private static Throwable outcome(Future<?> slice) {
        try {
            slice.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LedgerException("interrupted while a slice was being reported", e);
        } catch (ExecutionException e) {
            return e.getCause();
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
