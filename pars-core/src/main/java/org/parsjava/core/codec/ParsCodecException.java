/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

/**
 * A document could not be encoded or decoded. The message says what was expected and shows at
 * most a short, scrubbed excerpt of the input; the parser's own exception is kept as the cause.
 */
public final class ParsCodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String excerpt;

    /** Creates the exception. */
    public ParsCodecException(String message, String excerpt, Throwable cause) {
        super(excerpt == null || excerpt.isEmpty() ? message : message + " (body starts: \"" + excerpt + "\")", cause);
        this.excerpt = excerpt == null ? "" : excerpt;
    }

    /** A short excerpt of the offending body with digit runs masked; may be empty. */
    public String excerpt() {
        return excerpt;
    }
}
