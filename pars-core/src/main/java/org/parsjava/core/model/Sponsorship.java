/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

/** Whether the accredited provider runs the activity alone or with a non-accredited partner. */
public enum Sponsorship {
    /** Planned and presented by the accredited provider alone. */
    DIRECT("direct"),
    /** Planned with a non-accredited organization. */
    JOINT("joint");

    private final String code;

    Sponsorship(String code) {
        this.code = code;
    }

    /** The code PARS's activity schema uses. */
    public String code() {
        return code;
    }
}
