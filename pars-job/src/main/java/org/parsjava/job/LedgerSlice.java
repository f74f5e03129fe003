/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.ViolationCode;
import org.parsjava.ledger.DrainSummary;
import org.parsjava.ledger.EntryProblem;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerEntry;
import org.parsjava.ledger.Recording;
import org.parsjava.ledger.ReportingLedger;

/**
 * One slice of a run through a ledger: recorded and drained with {@link
 * ReportingLedger#recordAndDrain} (sent once the slice before it has ended), each row settled by
 * its recording or by the entry the drain settled. A row the ledger had already settled (a rerun)
 * is counted from its entry: accepted earlier means {@link RowStatus#ALREADY_HELD}, since the
 * ledger reports to one PARS, which said so. A row still unsettled after the drain (a retry not
 * yet due) is {@link RowStatus#FAILED}: the ledger sends it again on a later run or by its worker.
 * When the ledger fails (or PARS refuses the credentials), the slice's rows not settled yet are
 * {@link RowStatus#FAILED}, each saying whether it was recorded.
 */
final class LedgerSlice {

    private final JobRun run;
    private final ReportingLedger ledger;
    /** The run's name in the ledger: a key an earlier slice of the run recorded is refused. */
    private final String runName;

    private final List<RosterRow> slice;
    /** The completion keys of the run's slices being reported. */
    private final SliceKeys keysInFlight;
    /** Waits until the slice before this one has ended. */
    private final Runnable afterTheSliceBefore;
    /** The slice's rows not settled yet: counted as failed if the ledger fails. */
    private final Set<RosterRow> unsettled = Collections.newSetFromMap(new IdentityHashMap<>());

    LedgerSlice(
            JobRun run,
            ReportingLedger ledger,
            String runName,
            List<RosterRow> slice,
            SliceKeys keysInFlight,
            Runnable afterTheSliceBefore) {
        this.run = run;
        this.ledger = ledger;
        this.runName = runName;
        this.slice = List.copyOf(slice);
        this.keysInFlight = keysInFlight;
        this.afterTheSliceBefore = afterTheSliceBefore;
    }

    /** Records and drains the slice; every row of it is settled, whatever happens. */
    void report() {
        List<String> keys = slice.stream().map(RosterRow::completionKey).toList();
        keysInFlight.add(keys);
        try {
            recordAndDrain();
        } finally {
            keysInFlight.remove(keys);
        }
    }

    private void recordAndDrain() {
        Map<LearnerCompletion, RosterRow> rowOf = new IdentityHashMap<>();
        List<LearnerCompletion> completions = new ArrayList<>(slice.size());
        Set<String> keys = new HashSet<>();
        for (RosterRow row : slice) {
            LearnerCompletion c = row.completion().orElseThrow();
            if (!keys.add(c.completionKey())) { // one entry per key: a second row with it is refused
                run.settle(
                        row.line(),
                        row.completionKey(),
                        RowStatus.INVALID,
                        List.of(new RowProblem(
                                "completionKey",
                                ViolationCode.COMPLETION_KEY_DUPLICATE.name(),
                                ViolationCode.COMPLETION_KEY_DUPLICATE.message())));
                continue;
            }
            rowOf.put(c, row);
            completions.add(c);
            unsettled.add(row);
        }
        Map<String, RosterRow> awaiting = new HashMap<>();
        AtomicBoolean recordedTold = new AtomicBoolean(); // whether the recordings were committed
        try {
            // The slice's new entries are sent first, as stored: claimed by this run as they are recorded.
            DrainSummary s = ledger.recordAndDrain(
                    completions,
                    c -> "line " + rowOf.get(c).line(),
                    runName,
                    recorded -> {
                        recordedTold.set(true);
                        for (int i = 0; i < completions.size(); i++) {
                            RosterRow row = rowOf.get(completions.get(i));
                            Recording r = recorded.get(i);
                            if (r.change() == Recording.Change.REPEATED) { // an earlier slice's row has the key
                                settle(row, EntryState.INVALID, r.problems(), false, null);
                                continue;
                            }
                            switch (r.state()) {
                                case PENDING, CORRECTING, WITHDRAWING, RETRYING ->
                                    awaiting.put(row.completionKey(), row);
                                // Settled already: invalid now, or by an earlier run. The recording says what to fix.
                                default -> settle(row, r.state(), r.problems(), true, null);
                            }
                        }
                        // Sent once the slice before has ended: its drain may be sending entries of
                        // this slice's rows (recorded by earlier runs, and due), which this slice then
                        // finds settled rather than still under way.
                        afterTheSliceBefore.run();
                    },
                    (entry, alreadyHeld) -> {
                        if (entry.state() == EntryState.PENDING && awaiting.containsKey(entry.completionKey())) {
                            return; // a correction's old record is gone; the new one is sent in the same drain
                        }
                        RosterRow row = awaiting.remove(entry.completionKey());
                        if (row == null) {
                            if (!keysInFlight.settledElsewhere(entry.completionKey(), alreadyHeld)) {
                                run.earlierSettled(); // an entry of an earlier run whose retry was due
                            } // else a row of another slice of this run, which counts it
                            return;
                        }
                        settleFromEntry(row, entry, alreadyHeld);
                    });
            run.resumed(s.resumed());
            // Not settled by this slice's drain: still waiting (a retry not yet due), or settled
            // since this slice recorded it by another drain (another slice's of this run, which
            // said whether PARS held it before, or a worker's), which PARS answered during this run.
            for (RosterRow row : awaiting.values()) {
                settleFromEntry(row, entry(row), keysInFlight.heldBefore(row.completionKey()));
            }
        } catch (ParsAuthenticationException e) {
            failUnsettled("not sent: PARS refused the credentials");
            throw e;
        } catch (SliceBeforeFailed e) {
            failUnsettled(
                    "not sent: the run stopped before it was sent; the row is recorded, and a later run sends it");
            throw e;
        } catch (RuntimeException | Error e) {
            // The run stops; the slice's rows not settled yet are still counted, each saying where it stands.
            failUnsettled(
                    recordedTold.get()
                            ? "not confirmed: the ledger failed; the row is recorded, and a later run sends it or "
                                    + "finds it in PARS"
                            : "not recorded: the ledger failed; report the row again");
            throw e;
        }
    }

    /** Counts each row of the slice not settled yet as {@link RowStatus#FAILED}, saying {@code why}. */
    private void failUnsettled(String why) {
        for (RosterRow row : unsettled.stream()
                .sorted(Comparator.comparingInt(RosterRow::line))
                .toList()) {
            run.settle(row.line(), row.completionKey(), RowStatus.FAILED, List.of(new RowProblem("", "", why)));
        }
    }

    private LedgerEntry entry(RosterRow row) {
        LearnerCompletion c = row.completion().orElseThrow();
        return ledger.entry(c.activity().providerId(), c.completionKey()).orElseThrow();
    }

    /**
     * Counts a row by its entry.
     *
     * @param heldBefore whether PARS held the record before this run sent anything: an entry an
     *     earlier run settled (against the PARS this ledger reports to, which said so), or one a
     *     status lookup found held
     */
    private void settleFromEntry(RosterRow row, LedgerEntry e, boolean heldBefore) {
        settle(row, e.state(), e.problems(), heldBefore, e);
    }

    /**
     * Counts a row by its entry's state and problems.
     *
     * @param e the entry, when read (for PARS's code and message); null when a recording said it
     */
    private void settle(
            RosterRow row, EntryState state, List<EntryProblem> entryProblems, boolean heldBefore, LedgerEntry e) {
        unsettled.remove(row);
        RowStatus status = switch (state) {
            case ACCEPTED, AWAITING_BOARD, BOARD_ACCEPTED -> heldBefore ? RowStatus.ALREADY_HELD : RowStatus.ACCEPTED;
            case WITHDRAWN, WITHDRAWING -> RowStatus.WITHDRAWN;
            case PENDING, RETRYING, CORRECTING -> RowStatus.FAILED;
            case INVALID -> RowStatus.INVALID;
            case REJECTED, BOARD_REJECTED -> RowStatus.REJECTED;
        };
        List<RowProblem> problems = switch (status) {
            case FAILED ->
                List.of(new RowProblem(
                        "",
                        "",
                        "not confirmed yet: the ledger sends it again on the next run"
                                + (e == null
                                        ? ""
                                        : e.message().map(m -> " (" + m + ")").orElse(""))));
            case INVALID, REJECTED ->
                entryProblems.isEmpty() && e != null
                        ? List.of(new RowProblem(
                                "",
                                e.parsCode().orElse(e.state().name()),
                                e.message().orElse("")))
                        : entryProblems.stream().map(LedgerSink::problem).toList();
            default -> List.of();
        };
        run.settle(row.line(), row.completionKey(), status, problems);
    }
}
