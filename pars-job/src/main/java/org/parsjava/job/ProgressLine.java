/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.io.PrintStream;
import java.util.Objects;

/**
 * A progress line for people watching a run: on a terminal one line redrawn in place (a bar, the
 * slice and the rows read), elsewhere (a log file) a line every twenty slices. A
 * {@link RowListener} that hears only progress.
 */
public final class ProgressLine implements RowListener {

    private static final int WIDTH = 30;
    private static final int LOG_EVERY = 20;

    private final PrintStream out;
    private final boolean terminal;
    private int lastLogged;
    private boolean drawn;

    /** Progress on {@code out}; redrawn in place when {@code terminal}. */
    public ProgressLine(PrintStream out, boolean terminal) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
    }

    @Override
    public void row(RowOutcome outcome) {}

    @Override
    public void progress(JobProgress p) {
        if (terminal) {
            int filled = (int) Math.round(p.sliceFraction() * WIDTH);
            out.printf(
                    "\r[%s%s] %3.0f%%  slice %d, rows read %d",
                    "#".repeat(filled), " ".repeat(WIDTH - filled), p.sliceFraction() * 100, p.slice(), p.rowsRead());
            drawn = true;
        } else if (p.sliceFraction() >= 1.0 && p.slice() >= lastLogged + LOG_EVERY) {
            lastLogged = p.slice();
            out.println("Reported slice " + p.slice() + ", rows read " + p.rowsRead());
        }
    }

    /** Ends the line redrawn in place, if one was drawn; call before printing anything else. */
    public void finish() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }
}
