/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of PARS's learner pre-match: whether the identity data finds exactly one
 * physician. Its shape is not documented (docs/pars-reference.md 2.6); the message is PARS's own text
 * with digit runs masked.
 *
 * @param outcome the normalised outcome
 * @param message PARS's explanation, if any
 */
public record MatchResult(Outcome outcome, Optional<String> message) {

    /** Normalised match outcomes. */
    public enum Outcome {
        /** Exactly one physician matches. */
        MATCHED,
        /** No physician matches. */
        NOT_MATCHED,
        /** More than one physician matches: add an identifier. */
        AMBIGUOUS,
        /** PARS answered with something the SDK does not recognise. */
        ERROR
    }

    /** Rejects nulls. */
    public MatchResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /** True for {@link Outcome#MATCHED}. */
    public boolean matched() {
        return outcome == Outcome.MATCHED;
    }
}
