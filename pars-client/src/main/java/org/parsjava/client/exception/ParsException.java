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

    /** Creates the exception for {@code operation} (e.g. {@code SaveLearnerActivity}). */
    protected ParsException(Operation operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = java.util.Objects.requireNonNull(operation, "operation");
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
