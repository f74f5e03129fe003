/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

/** What a run's outcome means for a script: the command line's exit code. */
public enum ExitStatus {
    /** Every row was reported (accepted, already held, written or valid), or withdrawn. */
    OK(0),
    /** Some rows need a fix: invalid, or refused by PARS or the board. */
    ROWS_TO_FIX(1),
    /** The job could not start: a bad option, setting or roster (nothing was sent). */
    USAGE_ERROR(2),
    /** Rows failed in transport (report them again later), or the run stopped early. */
    FAILED(3);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** The process exit code: 0, 1, 2 or 3. */
    public int code() {
        return code;
    }
}
