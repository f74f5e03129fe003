/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation.internal;

import org.parsjava.core.validation.ViolationCode;

/** Receives the violations a rule finds; lets one rule feed both validation front ends. */
@FunctionalInterface
public interface ViolationSink {

    /** Reports {@code code} on {@code field} with the code's default message. */
    default void report(String field, ViolationCode code) {
        report(field, code, code.message());
    }

    /** Reports {@code code} on {@code field} with a specific message (no personal data). */
    void report(String field, ViolationCode code, String message);
}
