/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.exception;

import org.parsjava.client.ParsEndpoints.Operation;

/**
 * Base of every exception the PARS client throws. Unchecked, and closed: a caller can handle
 * exactly {@link ParsApiException} (PARS answered, with its status and code: authentication,
 * rate limit and server failures are its subtypes), {@link ParsTransportException} (no answer)
 * and {@link ParsValidationException} (not sent). Messages name the operation and, where there
 * is one, the record's completion key; they never contain learner data or credentials.
 */
public abstract sealed class ParsException extends RuntimeException
        permits ParsApiException, ParsTransportException, ParsValidationException {

    private static final long serialVersionUID = 1L;

    private final Operation operation;
    private final int attempts;

    /**
     * Creates the exception for {@code operation} (e.g. {@code SaveLearnerActivity}) after
     * {@code attempts} requests (0 when nothing was sent).
     */
    protected ParsException(Operation operation, String message, Throwable cause, int attempts) {
        super(message, cause);
        this.operation = java.util.Objects.requireNonNull(operation, "operation");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
        this.attempts = attempts;
    }

    /**
     * How many requests were made for this operation before giving up: 1 when the first failed
     * and was not retried, more after retries, 0 when nothing was sent (a validation failure, a
     * request refused before sending).
     */
    public int attempts() {
        return attempts;
    }

    /**
     * True when the request may have been applied by PARS before the failure, so it must be read
     * back before it is sent again; false when PARS is known not to have applied it.
     */
    public boolean outcomeUnknown() {
        return false;
    }

    /** The PARS operation that failed; {@code operation().parsName()} gives PARS's own name. */
    public Operation operation() {
        return operation;
    }
}
