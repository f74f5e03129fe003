/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.batch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.Violation;

/**
 * One data row of a roster: the completion it describes, or the problems that kept it from
 * being read. Either way the row is accounted for. {@link #toString()} carries no personal data.
 *
 * @param index zero-based index among data rows (the {@code recordIndex} of its violations)
 * @param line the file line the row starts on (the header is line 1)
 * @param completionKey the row's completion key when it is valid, else empty
 * @param completion the completion, when every cell could be read
 * @param problems what could not be read; empty when {@code completion} is present
 */
public record RosterRow(
        long index, int line, String completionKey, Optional<LearnerCompletion> completion, List<Violation> problems) {

    /** Copies the list and rejects nulls. */
    public RosterRow {
        Objects.requireNonNull(completionKey, "completionKey");
        Objects.requireNonNull(completion, "completion");
        problems = List.copyOf(problems);
    }

    /** True when the row became a completion. */
    public boolean isReadable() {
        return completion.isPresent();
    }

    @Override
    public String toString() {
        return "RosterRow[line " + line + (completionKey.isEmpty() ? "" : " " + completionKey)
                + (isReadable() ? ", ok" : ", " + problems.size() + " problem(s)") + "]";
    }
}
