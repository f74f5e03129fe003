/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.exception;

import org.parsjava.client.ParsEndpoints.Operation;

/**
 * PARS failed on its side (HTTP 5xx) and retries ran out. After a 500, 502 or 504 the request
 * may still have been applied ({@link #outcomeUnknown()}): before resending a save, read back
 * what PARS holds.
 */
public final class ParsServerException extends ParsApiException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code attempts} counts the requests made, retries included. */
    public ParsServerException(
            Operation operation, int httpStatus, String parsCode, String parsMessage, String message, int attempts) {
        super(operation, httpStatus, parsCode, parsMessage, message, attempts);
    }

    /**
     * True when PARS may have applied the request before failing: any 5xx except 501 (not
     * implemented), 503 (unavailable) and 505 (HTTP version), which mean it was not processed.
     */
    @Override
    public boolean outcomeUnknown() {
        int s = httpStatus();
        return s != 501 && s != 503 && s != 505;
    }
}
