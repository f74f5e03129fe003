/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time access tokens, the browser sessions they open, and each session's CSRF token. Every
 * secret is 32 random bytes; expired ones are forgotten as they are met. Thread safe.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A browser session: its CSRF token and when it lapses unless used. */
    public record Session(String csrf, Instant lapsesAt) {
        /** The lapse time only; the token stays out. */
        @Override
        public String toString() {
            return "Session[lapses " + lapsesAt + "]";
        }
    }

    private final Clock clock;
    private final Duration tokenLifetime;
    private final Duration sessionLifetime;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public Sessions(Clock clock, Duration tokenLifetime, Duration sessionLifetime) {
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.sessionLifetime = sessionLifetime;
    }

    /** A new one-time access token. */
    public String newAccessToken() {
        String t = secret();
        tokens.put(t, clock.instant().plus(tokenLifetime));
        return t;
    }

    /** Spends an access token: a new session's ID, or empty when the token is unknown, used or expired. */
    public Optional<String> open(String token) {
        Instant until = token == null ? null : tokens.remove(token);
        if (until == null || !clock.instant().isBefore(until)) {
            return Optional.empty();
        }
        String id = secret();
        sessions.put(id, new Session(secret(), clock.instant().plus(sessionLifetime)));
        return Optional.of(id);
    }

    /** The live session with this ID, its lifetime renewed; empty when unknown or lapsed. */
    public Optional<Session> session(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.lapsesAt())) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session renewed = new Session(s.csrf(), now.plus(sessionLifetime));
        sessions.put(id, renewed);
        return Optional.of(renewed);
    }

    /** Whether {@code offered} is the expected CSRF token (compared in constant time). */
    public static boolean csrfMatches(String expected, String offered) {
        return offered != null
                && MessageDigest.isEqual(
                        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        offered.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** {@code d}, when it is a positive lifetime. */
    public static Duration lifetime(Duration d, String name) {
        java.util.Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /** 32 random bytes, URL-safe base64. */
    static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
