/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

/** Where a roster row ended in one run of the job. */
public enum RowStatus {
    /** PARS accepted it in this run (or the simulator did, against the embedded simulator). */
    ACCEPTED,
    /**
     * PARS already held it, confirmed in this run: an earlier run reported it (the ledger knows,
     * or PARS refused it as a duplicate and a status lookup found every credit line).
     */
    ALREADY_HELD,
    /** Written to ACCME's upload file (nothing was sent). */
    WRITTEN,
    /** Checked only: it passed every rule applied before sending (nothing was sent). */
    VALID,
    /** PARS or the certifying board refused it, with a reason: a row to fix. */
    REJECTED,
    /** Refused here before sending (violations with field and code): a row to fix. */
    INVALID,
    /** Not confirmed (PARS unreachable, or a retry not yet due): report it again later. */
    FAILED,
    /** The learner opted out and the ledger withdrew it. */
    WITHDRAWN;

    /** Whether a person must act on the row (fix it, or send it again). */
    public boolean needsAttention() {
        return this == REJECTED || this == INVALID || this == FAILED;
    }
}
