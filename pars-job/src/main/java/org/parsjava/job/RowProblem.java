/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.Objects;

/**
 * One reason a row needs attention. Carries no personal data: a field path, a stable code and a
 * message with learner values removed.
 *
 * @param field the roster column or field path (empty when the reason is the whole row's)
 * @param code a {@code ViolationCode}, PARS's or the board's code, or empty
 * @param message the reason in words, without learner data
 */
public record RowProblem(String field, String code, String message) {

    /** Rejects nulls. */
    public RowProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
