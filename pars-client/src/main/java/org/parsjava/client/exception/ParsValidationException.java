/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.exception;

import java.util.Objects;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.validation.ValidationReport;

/** A record was refused locally, before any request; the report says every field to fix. */
public final class ParsValidationException extends ParsException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    /** Creates the exception; nothing was sent, so {@link #attempts()} is 0. */
    public ParsValidationException(Operation operation, ValidationReport report) {
        super(
                operation,
                "PARS " + operation.parsName() + " not sent: "
                        + Objects.requireNonNull(report, "report").errors().size() + " validation error(s): "
                        + report.errors(),
                null,
                0);
        this.report = report;
    }

    /** Every violation found. */
    public ValidationReport report() {
        return report;
    }
}
