/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.rules;

/**
 * A rules catalogue file that cannot be used: unreadable, not JSON, or an entry with a missing
 * or wrong field. The message names the file, the entry (a board or credit type code) and the
 * field.
 */
public final class RulesCatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the file, the entry and the field. */
    public RulesCatalogueException(String message) {
        super(message);
    }

    /** An exception with its cause. */
    public RulesCatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
