/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ReportingLedger#record} did with a completion.
 *
 * @param change new, unchanged, replaced, a changed completion that becomes a correction, or a
 *     key its run recorded already
 * @param state the entry's state afterwards
 * @param problems why the entry needs a fix, when its state says so ({@link EntryState#INVALID},
 *     {@link EntryState#REJECTED}, {@link EntryState#BOARD_REJECTED}), or why a {@link
 *     Change#REPEATED} recording was refused; empty otherwise
 */
public record Recording(Change change, EntryState state, List<EntryProblem> problems) {

    /** A recording without problems. */
    public Recording(Change change, EntryState state) {
        this(change, state, List.of());
    }

    /** What recording changed. */
    public enum Change {
        /** The completion key was new: an entry was created. */
        NEW,
        /** The same key with the same content: nothing changed. */
        UNCHANGED,
        /** The same key with new content before it reached PARS: the entry now holds the new content. */
        REPLACED,
        /** The same key with new content after PARS accepted it: delete, then resubmit. */
        CORRECTION,
        /**
         * The same key as a completion the same run recorded already (a roster naming it twice,
         * {@link ReportingLedger#recordAndDrain(java.util.List, java.util.function.Function, String,
         * java.util.function.Consumer, DrainListener)}): nothing changed, whatever its content; the
         * recording's problems say so ({@code COMPLETION_KEY_DUPLICATE}) and its state is the
         * entry's.
         */
        REPEATED
    }

    /** Rejects nulls. */
    public Recording {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(state, "state");
        problems = List.copyOf(problems);
    }
}
