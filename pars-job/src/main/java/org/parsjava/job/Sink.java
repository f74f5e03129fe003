/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.List;
import org.parsjava.core.batch.RosterRow;

/** Where one run reports its slices of readable rows; each row is settled with the run. */
interface Sink extends AutoCloseable {

    /**
     * Reports {@code slice} (readable rows only) and settles each of its rows, or starts to, when
     * a sink reports slices in the background.
     *
     * @return the slices, this one included, still being reported when this returns (0 when it
     *     has reported this one)
     */
    int report(List<RosterRow> slice);

    /**
     * Waits for the slices still being reported, when a sink reports them in the background;
     * throws a slice's failure as {@link #report} would. Nothing by default.
     */
    default void finish() {}

    /** Finishes what the sink writes; nothing by default. */
    @Override
    default void close() {}
}
