/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.parsjava.core.model.Activity;
import org.parsjava.core.validation.Parsed;
import org.parsjava.core.validation.Severity;
import org.parsjava.core.validation.Violation;
import org.parsjava.core.validation.ViolationCode;

/**
 * Collects what could not be read from one row of a file as violations naming the row and the
 * column, for readers of roster-like files (CSV, {@code .xlsx}). Not thread safe.
 */
public final class RowProblems {

    private final long index;
    private final String key;
    private final List<Violation> found = new ArrayList<>(0);

    /**
     * Problems of the row at {@code index} (zero-based among data rows) whose completion key is
     * {@code key} (empty when the key itself is unreadable).
     */
    public RowProblems(long index, String key) {
        this.index = index;
        this.key = key;
    }

    /** The parsed value, or null after recording its failure against {@code column}. */
    public <T> T add(Parsed<T> parsed, String column) {
        if (parsed.isOk()) {
            return parsed.value();
        }
        ViolationCode code = parsed.code().orElseThrow();
        found.add(new Violation(
                index, key, column, code, Severity.ERROR, parsed.message().orElse(code.message())));
        return null;
    }

    /**
     * Looks up the row's activity by its ACCME Activity ID, recording {@code ACTIVITY_ID_MISSING},
     * {@code ACTIVITY_UNKNOWN} or {@code ACTIVITY_LOOKUP_FAILED} against {@code column} instead
     * of throwing (a failed lookup names only the exception's class).
     *
     * @return the activity, or null when it could not be had
     */
    public Activity activity(String id, Function<String, Optional<Activity>> lookup, String column) {
        if (id.isEmpty()) {
            add(Parsed.failed(ViolationCode.ACTIVITY_ID_MISSING, "activity ID is empty"), column);
            return null;
        }
        try {
            Activity activity = lookup.apply(id).orElse(null);
            if (activity == null) {
                add(Parsed.failed(ViolationCode.ACTIVITY_UNKNOWN), column);
            }
            return activity;
        } catch (RuntimeException e) {
            // The row stays accounted for; the cause goes in the message (class names only).
            add(
                    Parsed.failed(
                            ViolationCode.ACTIVITY_LOOKUP_FAILED,
                            "the activity could not be looked up ("
                                    + e.getClass().getSimpleName()
                                    + "); the row was not checked or sent, try again later"),
                    column);
            return null;
        }
    }

    /** Whether nothing failed so far. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems recorded, in order. */
    public List<Violation> list() {
        return List.copyOf(found);
    }
}
