/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.List;
import java.util.Objects;

/**
 * Where one roster row ended. Carries no personal data: the row is named by its line and the
 * roster's completion key.
 *
 * @param line the roster line (or sheet row) the row starts on; the header is line 1
 * @param completionKey the row's completion key, or empty when it could not be read
 * @param status where it ended
 * @param problems why it needs attention (empty for a row that does not)
 */
public record RowOutcome(int line, String completionKey, RowStatus status, List<RowProblem> problems) {

    /** Copies the list and rejects nulls. */
    public RowOutcome {
        Objects.requireNonNull(completionKey, "completionKey");
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
    }

    /** One line for people: {@code line 12 [lms-881] INVALID npi NPI_CHECK_DIGIT}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("line ").append(line);
        if (!completionKey.isEmpty()) {
            b.append(" [").append(completionKey).append(']');
        }
        b.append(' ').append(status);
        for (RowProblem p : problems) {
            b.append(' ')
                    .append(p.field().isEmpty() ? "-" : p.field())
                    .append(' ')
                    .append(p.code());
        }
        return b.toString();
    }
}
