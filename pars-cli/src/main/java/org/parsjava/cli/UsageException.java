/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

/**
 * A command given bad usage: a missing setting, a bad option value, a roster that cannot be read.
 * The command prints its one-line message and exits 2, before anything is created.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
