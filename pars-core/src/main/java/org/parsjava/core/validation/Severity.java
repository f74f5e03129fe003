/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

/** How serious a {@link Violation} is. */
public enum Severity {
    /** The record must not be sent to PARS as it is. */
    ERROR,
    /** The record may be sent, but PARS or a board is likely to refuse or ignore it. */
    WARNING
}
