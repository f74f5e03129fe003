/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

/**
 * A roster that cannot be read as a roster: no such file, unreadable, a header without the
 * required columns, an unsafe or damaged workbook. The message names the file and says what is
 * wrong; it never quotes the file's content.
 */
public final class RosterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public RosterException(String message) {
        super(message);
    }

    /** An exception with {@code message} and its cause (whose message is never data). */
    public RosterException(String message, Throwable cause) {
        super(message, cause);
    }
}
