/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

/** Hears each entry a {@link ReportingLedger#drain(DrainListener)} settles, for callers that account per record. */
@FunctionalInterface
public interface DrainListener {

    /**
     * Called once per entry a drain took up, after its outcome is committed. On H2 an outcome
     * reaches the file with the ledger's next checkpoint: if the process dies in between, the next
     * drain takes the entry up again as one a killed process had started, confirms it in PARS, and
     * tells it again, then as already held. A drain calls it one call at a time, in the order
     * outcomes are stored, from the ledger's settling thread ({@code pars-ledger-settle}); a
     * status sync calls it from the thread that runs the sync.
     *
     * @param alreadyHeld true when PARS held the record before this drain sent anything (a status
     *     lookup confirmed it), false when this drain's send decided the outcome
     */
    void settled(LedgerEntry entry, boolean alreadyHeld);
}
