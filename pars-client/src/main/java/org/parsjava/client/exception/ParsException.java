package org.parsjava.client.exception;

/**
 * Base of every exception the PARS client throws. Unchecked. Messages name the operation and,
 * where there is one, the record's completion key; they never contain learner data or
 * credentials.
 */
public class ParsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;

    /** Creates the exception for {@code operation} (e.g. {@code SaveLearnerActivity}). */
    public ParsException(String operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** The PARS operation that failed, e.g. {@code SaveLearnerActivity}. */
    public String operation() {
        return operation;
    }
}
