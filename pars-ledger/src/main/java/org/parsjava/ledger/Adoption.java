/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.util.Objects;
import java.util.Optional;
import org.parsjava.client.ParsTarget;

/**
 * A ledger took on another PARS: the entries the old one had settled are confirmed against the new
 * one by CreditID on the next drain, and sent again where it does not hold them.
 *
 * @param from the PARS it reported to before, or empty for a ledger of an earlier version
 * @param to the PARS it reports to now
 * @param entries how many entries are to be confirmed against {@code to}
 */
public record Adoption(Optional<ParsTarget> from, ParsTarget to, long entries) {

    /** Rejects nulls. */
    public Adoption {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
