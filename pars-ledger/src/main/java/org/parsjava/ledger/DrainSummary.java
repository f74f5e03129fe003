/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

/**
 * What one {@link ReportingLedger#drain()} did. Every entry it took up is counted once, under
 * the state it reached.
 *
 * @param taken entries taken up
 * @param accepted accepted by PARS, including {@code alreadyHeld}
 * @param rejected rejected by PARS
 * @param invalid refused by the validator
 * @param retrying not confirmed: sent again later
 * @param withdrawn deleted from PARS (or never sent)
 * @param resumed entries a previous, interrupted drain had started to send, settled by a status
 *     lookup or sent again
 * @param alreadyHeld of the accepted, those PARS held before this drain sent anything (confirmed
 *     by a status lookup: a killed earlier drain sent them, or another PARS was adopted)
 */
public record DrainSummary(
        int taken, int accepted, int rejected, int invalid, int retrying, int withdrawn, int resumed, int alreadyHeld) {

    /** Nothing taken up. */
    public static final DrainSummary EMPTY = new DrainSummary(0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of this and {@code other}. */
    public DrainSummary plus(DrainSummary other) {
        return new DrainSummary(
                taken + other.taken,
                accepted + other.accepted,
                rejected + other.rejected,
                invalid + other.invalid,
                retrying + other.retrying,
                withdrawn + other.withdrawn,
                resumed + other.resumed,
                alreadyHeld + other.alreadyHeld);
    }
}
