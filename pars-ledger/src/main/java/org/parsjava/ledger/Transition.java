/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an entry's state.
 *
 * @param at when it happened
 * @param from the state before, empty for the first
 * @param to the state after
 * @param note why (no personal data)
 */
public record Transition(Instant at, Optional<EntryState> from, EntryState to, String note) {
    /** Rejects nulls. */
    public Transition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(note, "note");
    }
}
