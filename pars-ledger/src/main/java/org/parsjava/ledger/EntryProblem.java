/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.util.Objects;

/**
 * Why an entry needs a person: a violation found before sending (field and code), or PARS's or
 * the board's refusal (code and message). Carries no personal data.
 *
 * @param field the field path, e.g. {@code learner.npi}; empty for a refusal of the whole record
 * @param code a violation code, or PARS's or the board's code; empty when PARS gave none
 * @param message the reason in words, learner data removed
 */
public record EntryProblem(String field, String code, String message) {

    /** Rejects nulls. */
    public EntryProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
