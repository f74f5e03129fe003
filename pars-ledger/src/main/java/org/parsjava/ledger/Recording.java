/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.util.Objects;

/**
 * What {@link ReportingLedger#record} did with a completion.
 *
 * @param change new, unchanged, or a changed completion that becomes a correction
 * @param state the entry's state afterwards
 */
public record Recording(Change change, EntryState state) {

    /** What recording changed. */
    public enum Change {
        /** The completion key was new: an entry was created. */
        NEW,
        /** The same key with the same content: nothing changed. */
        UNCHANGED,
        /** The same key with new content before it reached PARS: the entry now holds the new content. */
        REPLACED,
        /** The same key with new content after PARS accepted it: delete, then resubmit. */
        CORRECTION
    }

    /** Rejects nulls. */
    public Recording {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(state, "state");
    }
}
