/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one run of a {@link ReportingJob} did: every row read counted once under where it ended,
 * the codes of the rows to fix, where the rows were reported, and the exit status that follows.
 * Counts are of this run only: a row PARS held before the run is {@link RowStatus#ALREADY_HELD},
 * never {@link RowStatus#ACCEPTED}. Immutable; {@link #toString()} carries counts only, no
 * personal data.
 */
public final class JobSummary {

    /**
     * Why a run stopped before the end of the roster: the rows read until then are still
     * accounted for, the rest were not read.
     *
     * @param lastLine the last roster line read
     * @param reason what stopped it (credentials refused, the ledger failed...), without learner data
     */
    public record Stop(int lastLine, String reason) {
        /** Rejects a null reason. */
        public Stop {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final Destination.Kind destination;
    private final String reportedTo;
    private final boolean simulated;
    private final long rowsRead;
    private final Map<RowStatus, Long> counts;
    private final Map<RowStatus, Map<String, Long>> codes;
    private final long warnings;
    private final long resumed;
    private final long earlierSettled;
    private final Stop stop;
    private final BoardVerdicts boardVerdicts;

    JobSummary(
            Destination.Kind destination,
            String reportedTo,
            boolean simulated,
            long rowsRead,
            Map<RowStatus, Long> counts,
            Map<RowStatus, Map<String, Long>> codes,
            long warnings,
            long resumed,
            long earlierSettled,
            Stop stop,
            BoardVerdicts boardVerdicts) {
        this.destination = destination;
        this.reportedTo = reportedTo;
        this.simulated = simulated;
        this.rowsRead = rowsRead;
        Map<RowStatus, Long> c = new EnumMap<>(RowStatus.class);
        for (RowStatus s : RowStatus.values()) {
            c.put(s, counts.getOrDefault(s, 0L));
        }
        this.counts = Collections.unmodifiableMap(c);
        Map<RowStatus, Map<String, Long>> k = new EnumMap<>(RowStatus.class);
        codes.forEach((s, m) -> k.put(s, Collections.unmodifiableMap(new TreeMap<>(m))));
        this.codes = Collections.unmodifiableMap(k);
        this.warnings = warnings;
        this.resumed = resumed;
        this.earlierSettled = earlierSettled;
        this.stop = stop;
        this.boardVerdicts = boardVerdicts;
    }

    /**
     * What the boards decided about completions of earlier runs, learned in this run (through a
     * ledger); {@link BoardVerdicts#NONE} for other destinations. Their rejections are rows to fix.
     */
    public BoardVerdicts boardVerdicts() {
        return boardVerdicts;
    }

    /** Where the rows went: a ledger, PARS, the upload file, or nowhere (a check). */
    public Destination.Kind destination() {
        return destination;
    }

    /**
     * Where the rows were reported, in words: the PARS base URL, API generation and provider,
     * the embedded simulator, the upload file, or nowhere.
     */
    public String reportedTo() {
        return reportedTo;
    }

    /** True when the job's client spoke to a simulator: nothing reached PARS. */
    public boolean simulated() {
        return simulated;
    }

    /** Roster rows read (the header not counted). */
    public long rowsRead() {
        return rowsRead;
    }

    /** Rows that ended with {@code status}. */
    public long count(RowStatus status) {
        return counts.get(Objects.requireNonNull(status, "status"));
    }

    /** Rows by where they ended; every status present, 0 where none. */
    public Map<RowStatus, Long> counts() {
        return counts;
    }

    /**
     * How often each code was given to rows that ended with {@code status} (a violation code, or
     * PARS's or the board's code), in code order; empty for statuses without codes.
     */
    public Map<String, Long> codes(RowStatus status) {
        return codes.getOrDefault(Objects.requireNonNull(status, "status"), Map.of());
    }

    /** Warnings on rows that were reported (sent, written or checked) nonetheless. */
    public long warnings() {
        return warnings;
    }

    /** Ledger entries a killed earlier run had started to send, settled in this run. */
    public long resumed() {
        return resumed;
    }

    /** Ledger entries of earlier runs (not rows of this roster) whose retry this run settled. */
    public long earlierSettled() {
        return earlierSettled;
    }

    /** Why the run stopped before the end of the roster, if it did. */
    public Optional<Stop> stop() {
        return Optional.ofNullable(stop);
    }

    /** True when every row read is counted under exactly one status. */
    public boolean allAccountedFor() {
        return counts.values().stream().mapToLong(Long::longValue).sum() == rowsRead;
    }

    /**
     * Rows to fix: invalid or refused by PARS or the board, with the completions of earlier runs
     * a board rejected (learned in this run).
     */
    public long rowsToFix() {
        return count(RowStatus.INVALID) + count(RowStatus.REJECTED) + boardVerdicts.rejected();
    }

    /**
     * The exit status this outcome implies: {@link ExitStatus#FAILED} when the run stopped early
     * or rows failed in transport, else {@link ExitStatus#ROWS_TO_FIX} when rows need a fix, else
     * {@link ExitStatus#OK}.
     */
    public ExitStatus exitStatus() {
        if (stop != null || count(RowStatus.FAILED) > 0) {
            return ExitStatus.FAILED;
        }
        return rowsToFix() > 0 ? ExitStatus.ROWS_TO_FIX : ExitStatus.OK;
    }

    @Override
    public String toString() {
        return "JobSummary[" + destination + ", rows=" + rowsRead + ", " + counts + ", exit=" + exitStatus()
                + (stop == null ? "" : ", stopped after line " + stop.lastLine()) + "]";
    }
}
