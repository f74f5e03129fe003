/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

/**
 * Where a ledger entry stands between "earned" and "accepted by the board". Every change of
 * state is kept as a timestamped transition.
 */
public enum EntryState {
    /** Recorded and valid; waiting to be sent. */
    PENDING(false),
    /** Refused by the validator; the violations say what to fix (record it again, corrected). */
    INVALID(true),
    /** Sent, not confirmed (a transport failure); sent again at {@code nextAttemptAt}. */
    RETRYING(false),
    /** Accepted by PARS; final for a CME-only completion. */
    ACCEPTED(true),
    /** Accepted by PARS; its MOC lines wait for the certifying board's decision. */
    AWAITING_BOARD(false),
    /** Every MOC line accepted by the board. */
    BOARD_ACCEPTED(true),
    /** A MOC line rejected by the board (identity mismatch, say): a row to fix. */
    BOARD_REJECTED(true),
    /** Rejected by PARS, with its code and message: a row to fix. */
    REJECTED(true),
    /** Content changed after PARS accepted it: the old record is deleted, then the new one sent. */
    CORRECTING(false),
    /** The learner opted out: the record is being deleted from PARS. */
    WITHDRAWING(false),
    /** Deleted from PARS (or never sent). */
    WITHDRAWN(true);

    private final boolean settled;

    EntryState(boolean settled) {
        this.settled = settled;
    }

    /** True when nothing more will happen to the entry unless it is recorded or withdrawn again. */
    public boolean isSettled() {
        return settled;
    }

    /** True for the states that are rows to fix: invalid, rejected by PARS or by the board. */
    public boolean needsFixing() {
        return this == INVALID || this == REJECTED || this == BOARD_REJECTED;
    }
}
