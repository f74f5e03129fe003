/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.util.Map;
import java.util.Objects;

/** Where settings not given as options are read: the process environment, or a map in tests. */
final class Environment {

    private final Map<String, String> variables;

    Environment(Map<String, String> variables) {
        this.variables = Objects.requireNonNull(variables, "variables");
    }

    /** The process environment. */
    static Environment system() {
        return new Environment(System.getenv());
    }

    /** {@code option} when given, else the variable {@code name}; null when neither is set (or blank). */
    String setting(String option, String name) {
        String v = option != null ? option : variables.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** {@link #setting} that must be present; {@code what} names the option and variable. */
    String required(String option, String name, String what) {
        String v = setting(option, name);
        if (v == null) {
            throw new UsageException(what + " is required");
        }
        return v;
    }
}
