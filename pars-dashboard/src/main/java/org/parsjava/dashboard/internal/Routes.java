/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerEntry;
import org.parsjava.ledger.ReportingLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP front, whichever server carries it: admission through an {@link Access},
 * CSRF checks and a confirmation on actions, the security headers on every response, and dispatch
 * to {@link Pages}. Thread safe.
 */
public final class Routes {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

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
    private final Access access;
    private final Pages pages;
    private final boolean readOnly;
    private final byte[] css;

    public Routes(ReportingLedger ledger, Access access, Clock clock, boolean readOnly) {
        this.ledger = ledger;
        this.access = access;
        this.pages = new Pages(ledger, clock);
        this.readOnly = readOnly;
        try (InputStream in = Routes.class.getResourceAsStream("style.css")) {
            this.css = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts the first count by state, so the first overview need not wait for it. */
    public void warm() {
        pages.changed();
    }

    /** Stops the background count. */
    public void close() {
        pages.close();
    }

    /** Answers one request. */
    public void handle(Exchange x) throws IOException {
        try {
            HEADERS.forEach(x::header);
            String path = x.path();
            String method = x.method();
            if (path.isEmpty()) {
                x.redirect(x.mount() + "/overview");
                return;
            }
            if (path.equals("/style.css") && method.equals("GET")) {
                x.send(200, "text/css; charset=utf-8", css);
                return;
            }
            Optional<Visitor> visitor = access.admit(x);
            if (visitor.isEmpty()) {
                return;
            }
            if (method.equals("POST")) {
                post(x, path, visitor.get());
            } else if (method.equals("GET")) {
                get(x, path, x.query(), visitor.get());
            } else {
                x.refuse(405, "Not allowed.");
            }
        } catch (RuntimeException e) {
            LOG.warn("PARS dashboard: a request failed with {}", e.getClass().getName());
            try {
                x.refuse(500, "Something went wrong; the ledger is unchanged unless the page says otherwise.");
            } catch (IOException | RuntimeException ignored) {
                // the response had started
            }
        }
    }

    private void get(Exchange x, String path, Map<String, String> q, Visitor v) throws IOException {
        switch (path) {
            case "/", "/overview" -> x.html(pages.overview());
            case "/rows-to-fix" -> x.html(pages.rowsToFix(RowFilter.of(q), v, readOnly));
            case "/rows-to-fix.csv" -> {
                x.header("Content-Disposition", "attachment; filename=\"rows-to-fix.csv\"");
                x.send(
                        200,
                        "text/csv; charset=utf-8",
                        pages.rowsToFixCsv(RowFilter.of(q)).getBytes(StandardCharsets.UTF_8));
            }
            case "/overdue" -> x.html(pages.overdue());
            case "/volume" -> x.html(pages.volume(Math.max(1, Math.min(Pages.MAX_DAYS, number(q.get("days"), 30)))));
            case "/at-risk" -> {
                int days = number(q.get("days"), 7);
                x.html(pages.atRisk(Math.max(1, Math.min(366, days))));
            }
            case "/entries" -> {
                EntryState state = state(q.get("state"));
                if (state == null) {
                    x.refuse(404, "No such state.");
                } else {
                    x.html(pages.entries(state));
                }
            }
            case "/entry" -> entryPage(x, q, v, false);
            default -> x.refuse(404, "No such page.");
        }
    }

    private void entryPage(Exchange x, Map<String, String> q, Visitor v, boolean reveal) throws IOException {
        Optional<LedgerEntry> e = entry(q);
        if (e.isEmpty()) {
            x.refuse(404, "No such entry.");
            return;
        }
        LedgerEntry entry = e.get();
        Optional<org.parsjava.core.model.LearnerCompletion> shown = Optional.empty();
        if (reveal) {
            shown = ledger.completion(entry.providerId(), entry.completionKey());
            // Who and when (the log's time), never what: the entry is not named either.
            LOG.info("PARS dashboard: learner identity of an entry shown to {}", v.who());
        }
        x.html(pages.entry(
                entry, ledger.history(entry.providerId(), entry.completionKey()), v, readOnly, reveal, shown));
    }

    private void post(Exchange x, String path, Visitor v) throws IOException {
        Map<String, String> f = x.form(MAX_FORM);
        if (f.isEmpty()) {
            x.refuse(413, "Nothing received, or too much.");
            return;
        }
        if (readOnly) { // before the token: a read-only dashboard's pages hold none
            x.refuse(403, "This dashboard is read-only.");
            return;
        }
        if (!Sessions.csrfMatches(v.csrf(), f.get("csrf"))) {
            x.refuse(403, "This form has expired; open the page again.");
            return;
        }
        if (!"yes".equals(f.get("confirm"))) {
            x.refuse(400, "Tick the box to confirm, then submit again.");
            return;
        }
        if (path.equals("/rows-to-fix.xlsx")) {
            UploadFile file = pages.rowsToFixUploadFile(RowFilter.of(f));
            LOG.info(
                    "PARS dashboard: rows to fix downloaded as an upload file by {} ({} rows in it, {} left out)",
                    v.who(),
                    file.written(),
                    file.leftOut());
            x.header("Content-Disposition", "attachment; filename=\"rows-to-fix.xlsx\"");
            x.send(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.bytes());
            return;
        }
        if (path.equals("/reveal")) {
            entryPage(x, f, v, true);
            return;
        }
        Optional<LedgerEntry> e = entry(f);
        if (e.isEmpty()) {
            x.refuse(404, "No such entry.");
            return;
        }
        String provider = e.get().providerId();
        String key = e.get().completionKey();
        switch (path) {
            case "/withdraw" -> ledger.withdraw(provider, key);
            case "/send-now" -> ledger.sendNow(provider, key);
            default -> {
                x.refuse(404, "No such action.");
                return;
            }
        }
        pages.changed();
        LOG.info("PARS dashboard: {} on an entry by {}", path.substring(1), v.who());
        x.redirect("entry?provider=" + Html.q(provider) + "&key=" + Html.q(key));
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
}
