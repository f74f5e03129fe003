/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import java.util.Objects;

/**
 * One broken rule in one record.
 *
 * @param recordIndex zero-based position of the record in the input, or -1 for a lone record
 * @param recordKey the caller's key for the record (completion key, provider activity ID), or
 *     empty when the record has none
 * @param field dotted path of the field, e.g. {@code learner.npi} or {@code mocCredits[1].points}
 * @param code the stable rule code
 * @param severity how serious it is
 * @param message readable explanation; never contains personal data
 */
public record Violation(
        long recordIndex, String recordKey, String field, ViolationCode code, Severity severity, String message) {

    /** Rejects nulls. */
    public Violation {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** True for {@link Severity#ERROR}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for people, e.g. {@code record 12 [lms-881] learner.npi NPI_CHECK_DIGIT: ...}. */
    @Override
    public String toString() {
        return "record " + recordIndex + (recordKey.isEmpty() ? "" : " [" + recordKey + "]") + " "
                + field + " " + code + (severity == Severity.WARNING ? " (warning)" : "") + ": "
                + message;
    }
}
