package org.parsjava.client.exception;

/** PARS failed on its side (HTTP 5xx) and retries ran out. */
public final class ParsServerException extends ParsApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ParsServerException(String operation, int httpStatus, String parsCode, String parsMessage, String message) {
        super(operation, httpStatus, parsCode, parsMessage, message);
    }
}
