/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.util.Map;

/**
 * Who is looking, once admitted: a name for the audit log (an account, or a browser session's
 * short fingerprint; never a learner's data), the CSRF token each form carries, and hidden fields
 * the host application wants in every form (such as Spring Security's own CSRF token).
 */
public record Visitor(String who, String csrf, Map<String, String> formFields) {

    /** Names the visitor; the tokens stay out. */
    @Override
    public String toString() {
        return "Visitor[" + who + "]";
    }
}
