/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerEntry;
import org.parsjava.ledger.ReportingLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP front: authentication by session cookie, CSRF checks on actions, the
 * security headers on every response, and dispatch to {@link Pages}.
 */
public final class Routes implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    static final String COOKIE = "pars_session";

    /** Policies for every response: nothing from elsewhere, no framing, no sniffing, no caching. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                    + "base-uri 'none'",
            "X-Frame-Options",
            "DENY",
            "X-Content-Type-Options",
            "nosniff",
            "Referrer-Policy",
            "no-referrer",
            "Cache-Control",
            "no-store");

    private static final int MAX_FORM = 16 * 1024;

    private final ReportingLedger ledger;
    private final Sessions sessions;
    private final Pages pages;
    private final boolean readOnly;
    private final byte[] css;

    public Routes(ReportingLedger ledger, Sessions sessions, Clock clock, boolean readOnly) {
        this.ledger = ledger;
        this.sessions = sessions;
        this.pages = new Pages(ledger, clock);
        this.readOnly = readOnly;
        try (InputStream in = Routes.class.getResourceAsStream("style.css")) {
            this.css = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        try (x) {
            HEADERS.forEach((k, v) -> x.getResponseHeaders().set(k, v));
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            Map<String, String> query = form(x.getRequestURI().getRawQuery());
            if (path.equals("/style.css") && method.equals("GET")) {
                send(x, 200, "text/css; charset=utf-8", css);
                return;
            }
            if (path.equals("/") && method.equals("GET") && query.containsKey("token")) {
                Optional<String> opened = sessions.open(query.get("token"));
                if (opened.isEmpty()) {
                    refuse(x, 401, "This link has been used or has expired. Ask for a new one.");
                    return;
                }
                x.getResponseHeaders()
                        .add("Set-Cookie", COOKIE + "=" + opened.get() + "; Path=/; HttpOnly; SameSite=Strict");
                redirect(x, "/overview");
                return;
            }
            Optional<Sessions.Session> session = sessions.session(cookie(x));
            if (session.isEmpty()) {
                refuse(x, 401, "Open the dashboard with the link its owner gave you.");
                return;
            }
            if (method.equals("POST")) {
                post(x, path, session.get());
            } else if (method.equals("GET")) {
                get(x, path, query, session.get());
            } else {
                refuse(x, 405, "Not allowed.");
            }
        } catch (RuntimeException e) {
            LOG.warn("PARS dashboard: a request failed with {}", e.getClass().getName());
            try {
                refuse(x, 500, "Something went wrong; the ledger is unchanged unless the page says otherwise.");
            } catch (IOException | RuntimeException ignored) {
                // the response had started
            }
        }
    }

    private void get(HttpExchange x, String path, Map<String, String> q, Sessions.Session s) throws IOException {
        switch (path) {
            case "/", "/overview" -> html(x, pages.overview());
            case "/rows-to-fix" -> html(x, pages.rowsToFix(q.get("code")));
            case "/rows-to-fix.csv" -> {
                x.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"rows-to-fix.csv\"");
                send(
                        x,
                        200,
                        "text/csv; charset=utf-8",
                        pages.rowsToFixCsv(q.get("code")).getBytes(StandardCharsets.UTF_8));
            }
            case "/overdue" -> html(x, pages.overdue());
            case "/at-risk" -> {
                int days = number(q.get("days"), 7);
                html(x, pages.atRisk(Math.max(1, Math.min(366, days))));
            }
            case "/entries" -> {
                EntryState state = state(q.get("state"));
                if (state == null) {
                    refuse(x, 404, "No such state.");
                } else {
                    html(x, pages.entries(state));
                }
            }
            case "/entry" -> {
                Optional<LedgerEntry> e = entry(q);
                if (e.isEmpty()) {
                    refuse(x, 404, "No such entry.");
                } else {
                    html(
                            x,
                            pages.entry(
                                    e.get(),
                                    ledger.history(e.get().providerId(), e.get().completionKey()),
                                    s.csrf(),
                                    readOnly));
                }
            }
            default -> refuse(x, 404, "No such page.");
        }
    }

    private void post(HttpExchange x, String path, Sessions.Session s) throws IOException {
        byte[] body = x.getRequestBody().readNBytes(MAX_FORM + 1);
        if (body.length > MAX_FORM) {
            refuse(x, 413, "Too large.");
            return;
        }
        Map<String, String> f = form(new String(body, StandardCharsets.US_ASCII));
        if (!Sessions.csrfMatches(s, f.get("csrf"))) {
            refuse(x, 403, "This form has expired; open the page again.");
            return;
        }
        if (readOnly) {
            refuse(x, 403, "This dashboard is read-only.");
            return;
        }
        if (!"yes".equals(f.get("confirm"))) {
            refuse(x, 400, "Tick the box to confirm, then submit again.");
            return;
        }
        Optional<LedgerEntry> e = entry(f);
        if (e.isEmpty()) {
            refuse(x, 404, "No such entry.");
            return;
        }
        String provider = e.get().providerId();
        String key = e.get().completionKey();
        switch (path) {
            case "/withdraw" -> ledger.withdraw(provider, key);
            case "/send-now" -> ledger.sendNow(provider, key);
            default -> {
                refuse(x, 404, "No such action.");
                return;
            }
        }
        LOG.info("PARS dashboard: {} on an entry", path.substring(1));
        redirect(x, "/entry?provider=" + Html.q(provider) + "&key=" + Html.q(key));
    }

    private Optional<LedgerEntry> entry(Map<String, String> q) {
        String provider = q.get("provider");
        String key = q.get("key");
        return provider == null || key == null ? Optional.empty() : ledger.entry(provider, key);
    }

    private static EntryState state(String s) {
        try {
            return s == null ? null : EntryState.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String cookie(HttpExchange x) {
        for (String header : x.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) {
                    return p.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static void html(HttpExchange x, String page) throws IOException {
        send(x, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpExchange x, int status, String why) throws IOException {
        send(
                x,
                status,
                "text/html; charset=utf-8",
                Html.page("Not available", "<p>" + Html.esc(why) + "</p>").getBytes(StandardCharsets.UTF_8));
    }

    private static void redirect(HttpExchange x, String to) throws IOException {
        x.getResponseHeaders().set("Location", to);
        x.sendResponseHeaders(303, -1);
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
