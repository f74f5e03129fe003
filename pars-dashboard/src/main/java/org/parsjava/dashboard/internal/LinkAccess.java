/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Access by one-time link, as notebook servers do: the link's token opens one browser session (a
 * cookie, HttpOnly and SameSite=Strict, limited to the dashboard's path, Secure over TLS) and is
 * spent. For local use: requests from another machine are refused.
 */
public final class LinkAccess implements Access {

    static final String COOKIE = "pars_session";

    private final Sessions sessions;

    public LinkAccess(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Visitor> admit(Exchange x) throws IOException {
        if (!x.fromLoopback()) {
            x.refuse(403, "This dashboard answers requests from its own machine only.");
            return Optional.empty();
        }
        Map<String, String> query = x.query();
        if (x.path().equals("/") && x.method().equals("GET") && query.containsKey("token")) {
            Optional<String> opened = sessions.open(query.get("token"));
            if (opened.isEmpty()) {
                x.refuse(401, "This link has been used or has expired. Ask for a new one.");
                return Optional.empty();
            }
            String path = x.mount().isEmpty() ? "/" : x.mount();
            x.addHeader(
                    "Set-Cookie",
                    COOKIE + "=" + opened.get() + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                            + (x.secure() ? "; Secure" : ""));
            x.redirect("overview");
            return Optional.empty();
        }
        String id = x.cookie(COOKIE);
        Optional<Sessions.Session> session = sessions.session(id);
        if (session.isEmpty()) {
            x.refuse(401, "Open the dashboard with the link its owner gave you.");
            return Optional.empty();
        }
        return Optional.of(
                new Visitor("browser session " + fingerprint(id), session.get().csrf(), Map.of()));
    }

    /** Eight hex digits of the session ID's SHA-256: tells sessions apart in a log without giving one away. */
    private static String fingerprint(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
