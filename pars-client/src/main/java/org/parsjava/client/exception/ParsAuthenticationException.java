/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.exception;

import java.util.Optional;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.SubmissionResult;

/**
 * PARS refused the credentials (HTTP 401 or 403). Nothing more will succeed until the provider
 * ID, web-services user or password is fixed. A submission that stops on this carries what it
 * had achieved so far in {@link #partialResult()}.
 */
public final class ParsAuthenticationException extends ParsApiException {

    private static final long serialVersionUID = 1L;

    /** The hint appended to every message. */
    public static final String HINT = "check the provider ID, web-services user and password ACCME issued "
            + "(sandbox and production credentials differ)";

    private final transient SubmissionResult partialResult;

    /** Creates the exception; {@code attempts} counts the requests made. */
    public ParsAuthenticationException(
            Operation operation,
            int httpStatus,
            String parsCode,
            String parsMessage,
            SubmissionResult partialResult,
            int attempts) {
        super(
                operation,
                httpStatus,
                parsCode,
                parsMessage,
                "PARS " + operation + " refused the credentials (HTTP " + httpStatus + "): " + HINT,
                attempts);
        this.partialResult = partialResult;
    }

    /**
     * For a submission or delete: the result accounting for every record when the credentials
     * were refused (records not yet sent are FAILED); empty for other operations.
     */
    public Optional<SubmissionResult> partialResult() {
        return Optional.ofNullable(partialResult);
    }
}
