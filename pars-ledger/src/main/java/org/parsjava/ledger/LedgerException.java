/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

/**
 * The ledger's store failed (the database is unreachable, a statement failed, the key does not
 * open the stored data). The message names the operation, never learner data.
 */
public sealed class LedgerException extends RuntimeException permits LedgerBindingException {
    private static final long serialVersionUID = 1L;

    /** An exception with its message and cause. */
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception with its message. */
    public LedgerException(String message) {
        super(message);
    }
}
