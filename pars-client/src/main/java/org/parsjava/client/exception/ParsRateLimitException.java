/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.exception;

import java.time.Duration;
import java.util.Optional;
import org.parsjava.client.ParsEndpoints.Operation;

/** PARS asked the client to slow down (HTTP 429) and retries ran out. */
public final class ParsRateLimitException extends ParsApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** Creates the exception; {@code attempts} counts the requests made, retries included. */
    public ParsRateLimitException(
            Operation operation,
            String parsCode,
            String parsMessage,
            Duration retryAfter,
            String message,
            int attempts) {
        super(operation, 429, parsCode, parsMessage, message, attempts);
        this.retryAfter = retryAfter;
    }

    /** How long PARS asked to wait ({@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
