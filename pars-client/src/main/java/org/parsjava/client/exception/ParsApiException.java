/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.exception;

import java.util.Optional;
import org.parsjava.client.ParsEndpoints.Operation;

/**
 * PARS answered, but not with success: a non-2xx status, or a body the SDK could not read.
 * Carries the HTTP status, PARS's own error code and message when the body had them, and a
 * short excerpt of an unreadable body (digits masked, element text elided).
 */
public sealed class ParsApiException extends ParsException
        permits ParsAuthenticationException, ParsRateLimitException, ParsServerException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String parsCode;
    private final String parsMessage;

    /** Creates the exception; {@code attempts} counts the requests made, retries included. */
    public ParsApiException(
            Operation operation, int httpStatus, String parsCode, String parsMessage, String message, int attempts) {
        super(operation, message, null, attempts);
        this.httpStatus = httpStatus;
        this.parsCode = parsCode;
        this.parsMessage = parsMessage;
    }

    /** The HTTP status PARS answered with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** PARS's error code, if the body carried one. */
    public Optional<String> parsCode() {
        return Optional.ofNullable(parsCode);
    }

    /** PARS's error text (digits masked), or an excerpt of an unreadable body. */
    public Optional<String> parsMessage() {
        return Optional.ofNullable(parsMessage);
    }
}
