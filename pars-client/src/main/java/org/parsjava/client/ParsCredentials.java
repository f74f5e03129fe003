package org.parsjava.client;

import java.util.Objects;

/**
 * The web-services user and password ACCME issues to an accredited provider (REFERENCE.md 2.3).
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
     * @throws IllegalArgumentException if either is blank
     */
    public static ParsCredentials of(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isBlank() || password.isBlank()) {
            throw new IllegalArgumentException("PARS web-services user and password must not be blank");
        }
        return new ParsCredentials(user, password);
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
