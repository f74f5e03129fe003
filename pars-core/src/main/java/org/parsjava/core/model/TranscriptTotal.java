/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A physician's total credit between two dates ({@code GetLearnerTranscriptCreditsByDate}).
 * {@link #toString()} shows no personal data.
 *
 * @param givenName given name, if PARS gave it
 * @param familyName family name, if PARS gave it
 * @param totalCredits total credits earned
 * @param unit the unit ({@code Point})
 */
public record TranscriptTotal(
        Optional<String> givenName, Optional<String> familyName, BigDecimal totalCredits, String unit) {

    /** Rejects nulls. */
    public TranscriptTotal {
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(totalCredits, "totalCredits");
        Objects.requireNonNull(unit, "unit");
    }

    @Override
    public String toString() {
        return "TranscriptTotal[" + totalCredits.toPlainString() + " " + unit + "]";
    }
}
