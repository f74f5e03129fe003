/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.exception;

import org.parsjava.client.ParsEndpoints.Operation;

/**
 * The request did not complete: connection refused or dropped, timeout, TLS failure. When
 * {@link #outcomeUnknown()} is true the request may have reached PARS; check before resending.
 */
public final class ParsTransportException extends ParsException {

    private static final long serialVersionUID = 1L;

    private final boolean outcomeUnknown;

    /** Creates the exception; {@code attempts} counts the requests tried (0 when none was sent). */
    public ParsTransportException(
            Operation operation, String message, boolean outcomeUnknown, Throwable cause, int attempts) {
        super(operation, message, cause, attempts);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** True when the request may have been applied by PARS before the failure. */
    @Override
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
