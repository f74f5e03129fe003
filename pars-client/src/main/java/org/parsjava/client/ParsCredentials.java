/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.Objects;

/**
 * The web-services user and password ACCME issues to an accredited provider (docs/pars-reference.md 2.3).
 * Never printed: {@link #toString()} shows neither value.
 */
public final class ParsCredentials {

    private final String user;
    private final String password;

    private ParsCredentials(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /**
     * Credentials from their two parts.
     *
     * @throws IllegalArgumentException if either is blank, or holds a character an HTTP header
     *     cannot carry (a line break, a control character, a non-ASCII letter); the message never
     *     repeats the value
     */
    public static ParsCredentials of(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank() || password.isBlank()) {
            throw new IllegalArgumentException("PARS web-services user and password must not be blank");
        }
        headerSafe(user, "user");
        headerSafe(password, "password");
        return new ParsCredentials(user, password);
    }

    /**
     * Refuses a value that cannot travel in an HTTP header, naming only the position of the first
     * offending character. (OkHttp would refuse it too, but with the whole value in its message.)
     */
    static void headerSafe(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw new IllegalArgumentException("PARS " + what + " has a character an HTTP header cannot carry "
                        + "at position " + (i + 1) + " (a line break, control character or non-ASCII letter; "
                        + "check for a trailing newline from a secrets file)");
            }
        }
    }

    /** The web-services user name. */
    public String user() {
        return user;
    }

    /** The password. */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return "ParsCredentials[user=***, password=***]";
    }
}
