/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.List;
import java.util.Objects;

/**
 * Hears where each row of a run ended, once per row, in the order rows settle (not always the
 * roster's order). The rows-to-fix file ({@link RowsToFixFile}) and the progress line
 * ({@link ProgressLine}) are listeners. A run calls its listeners one at a time, never at once,
 * each call seeing what the ones before it did, but not always from the thread that runs it:
 * through a ledger, most rows are settled on the ledger's settling thread.
 */
@FunctionalInterface
public interface RowListener {

    /** A row's outcome is known. */
    void row(RowOutcome outcome);

    /** The run has come this far; nothing by default. */
    default void progress(JobProgress progress) {}

    /** A board decided on a completion of an earlier run; nothing by default. */
    default void boardVerdict(BoardVerdict verdict) {}

    /** One listener telling each of {@code listeners} in turn. */
    static RowListener all(List<RowListener> listeners) {
        List<RowListener> copy = List.copyOf(listeners);
        copy.forEach(l -> Objects.requireNonNull(l, "listener"));
        return new RowListener() {
            @Override
            public void row(RowOutcome outcome) {
                copy.forEach(l -> l.row(outcome));
            }

            @Override
            public void progress(JobProgress progress) {
                copy.forEach(l -> l.progress(progress));
            }

            @Override
            public void boardVerdict(BoardVerdict verdict) {
                copy.forEach(l -> l.boardVerdict(verdict));
            }
        };
    }
}
