/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

/**
 * A {@code pars.*} setting, or what the starter needs around it, is missing or wrong. The message
 * names the {@code pars.*} properties to set; Spring Boot's failure report shows it with what to
 * do.
 */
public final class InvalidParsConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * An invalid configuration.
     *
     * @param message what is wrong, naming properties
     * @param action what to do about it
     */
    public InvalidParsConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
