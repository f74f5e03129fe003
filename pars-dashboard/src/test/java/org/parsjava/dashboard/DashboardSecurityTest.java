/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.ledger.EntryState;

/** Authentication, CSRF, headers and what pages never show, over plain HTTP. */
class DashboardSecurityTest {

    @TempDir
    Path dir;

    private LedgerFixture fixture;
    private Dashboard dashboard;
    /** A response: status, headers, body. */
    record Response(int statusCode, java.util.Map<String, java.util.List<String>> headers, String body, byte[] raw) {
        java.util.Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }

    static Response send(String url, String cookie, String form) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        if (cookie != null) {
            c.setRequestProperty("Cookie", cookie);
        }
        if (form != null) {
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            c.getOutputStream().write(form.getBytes(StandardCharsets.US_ASCII));
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        byte[] raw = in == null ? new byte[0] : in.readAllBytes();
        return new Response(status, c.getHeaderFields(), new String(raw, StandardCharsets.UTF_8), raw);
    }

    @BeforeEach
    void start() {
        fixture = new LedgerFixture(dir);
        dashboard = Dashboard.builder().ledger(fixture.ledger).build().start();
    }

    @AfterEach
    void stop() {
        dashboard.close();
        fixture.close();
    }

    private Response get(String path, String cookie) throws Exception {
        return send("http://127.0.0.1:" + dashboard.port() + path, cookie, null);
    }

    private Response post(String path, String cookie, String form) throws Exception {
        return send("http://127.0.0.1:" + dashboard.port() + path, cookie, form);
    }

    /** Opens {@code dashboard}'s link: the session cookie ({@code name=value}). */
    static String sessionCookie(Dashboard dashboard) throws Exception {
        HttpURLConnection c =
                (HttpURLConnection) URI.create(dashboard.url()).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.getResponseCode();
        return c.getHeaderField("Set-Cookie").split(";")[0];
    }

    /** Spends the one-time token: the session cookie. */
    private String login() throws Exception {
        Response r = send(dashboard.url(), null, null);
        assertEquals(303, r.statusCode());
        String cookie = r.header("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void noPageWithoutTheTokenAndTheTokenOpensOneSessionOnly() throws Exception {
        assertEquals(401, get("/overview", null).statusCode());
        assertEquals(401, get("/rows-to-fix.csv", null).statusCode());
        assertEquals(401, get("/overview", "pars_session=guess").statusCode());
        assertEquals(401, get("/?token=guess", null).statusCode());
        String url = dashboard.url();
        String cookie = login();
        assertEquals(200, get("/overview", cookie).statusCode());
        assertEquals(401, send(url, null, null).statusCode(), "a token is spent once used");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (Response r : new Response[] {get("/overview", null), get("/overview", login())}) {
            String policy = r.header("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src 'none';"), "nothing from elsewhere: " + policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), policy);
            assertEquals("no-referrer", r.header("Referrer-Policy").orElse(""));
            assertEquals("DENY", r.header("X-Frame-Options").orElse(""));
            assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(""));
            assertEquals("no-store", r.header("Cache-Control").orElse(""));
        }
    }

    @Test
    void anActionWithoutTheCsrfTokenOrConfirmationIsRefusedAndChangesNothing() throws Exception {
        String cookie = login();
        String page = get("/entry?provider=0001234&key=bad-1", cookie).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        String csrf = m.group(1);
        assertEquals(
                403,
                post("/withdraw", cookie, "provider=0001234&key=bad-1&confirm=yes")
                        .statusCode());
        assertEquals(
                403,
                post("/withdraw", cookie, "csrf=wrong&provider=0001234&key=bad-1&confirm=yes")
                        .statusCode());
        assertEquals(
                400,
                post("/withdraw", cookie, "csrf=" + csrf + "&provider=0001234&key=bad-1")
                        .statusCode());
        assertEquals(
                EntryState.INVALID,
                fixture.ledger.entry("0001234", "bad-1").orElseThrow().state());
        assertEquals(
                303,
                post("/withdraw", cookie, "csrf=" + csrf + "&provider=0001234&key=bad-1&confirm=yes")
                        .statusCode());
        assertEquals(
                EntryState.WITHDRAWN,
                fixture.ledger.entry("0001234", "bad-1").orElseThrow().state());
    }

    @Test
    void aReadOnlyDashboardOffersNoActionsAndRefusesThem() throws Exception {
        dashboard.close();
        dashboard = Dashboard.builder()
                .ledger(fixture.ledger)
                .readOnly(true)
                .build()
                .start();
        String cookie = login();
        String page = get("/entry?provider=0001234&key=retry-1", cookie).body();
        assertFalse(page.contains("<form method=\"post\""), page);
        EntryState before =
                fixture.ledger.entry("0001234", "bad-1").orElseThrow().state();
        for (String action : new String[] {"/withdraw", "/send-now", "/reveal", "/rows-to-fix.xlsx"}) {
            Response refused = post(action, cookie, "provider=0001234&key=bad-1&confirm=yes");
            assertEquals(403, refused.statusCode(), action);
            assertTrue(refused.body().contains("This dashboard is read-only."), action + ": " + refused.body());
        }
        assertEquals(
                before, fixture.ledger.entry("0001234", "bad-1").orElseThrow().state(), "unchanged");
    }

    @Test
    void pagesAndTheCsvHoldNoLearnerData() throws Exception {
        String cookie = login();
        StringBuilder all = new StringBuilder();
        for (String p : new String[] {
            "/overview",
            "/rows-to-fix",
            "/rows-to-fix.csv",
            "/entries?state=ACCEPTED",
            "/entries?state=RETRYING",
            "/at-risk?days=400",
            "/overdue",
            "/volume",
            "/entry?provider=0001234&key=accepted-1",
            "/entry?provider=0001234&key=retry-1"
        }) {
            Response r = get(p, cookie);
            assertEquals(200, r.statusCode(), p);
            all.append(r.body());
        }
        String text = all.toString();
        assertTrue(text.contains("accepted-1") && text.contains("CONSENT_MISSING"), "the pages show the ledger");
        for (String pii : new String[] {"Jane", "Sample", "1234567893", "1245319599", "A567893", "02/09", "2-09"}) {
            assertFalse(text.contains(pii), pii);
        }
        assertTrue(get("/rows-to-fix.csv", cookie).body().startsWith("provider_id,completion_key,"));
    }

    @Test
    void theCsvKeepsACellASpreadsheetWouldRunAsText() throws Exception {
        fixture.ledger.record(LedgerFixture.completion("-lead-1", "1245319599", false));
        String csv = get("/rows-to-fix.csv", login()).body();
        assertTrue(csv.contains(",'-lead-1,"), csv);
        assertFalse(csv.contains(",-lead-1,"), csv);
    }

    @Test
    void sessionsExpire() throws Exception {
        dashboard.close();
        MovableClock clock = new MovableClock();
        dashboard = Dashboard.builder()
                .ledger(fixture.ledger)
                .clock(clock)
                .sessionLifetime(Duration.ofMinutes(30))
                .tokenLifetime(Duration.ofMinutes(5))
                .build()
                .start();
        String cookie = login();
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, get("/overview", cookie).statusCode(), "used within its lifetime, it is renewed");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(401, get("/overview", cookie).statusCode());
        String url = dashboard.newUrl();
        clock.advance(Duration.ofMinutes(6));
        assertEquals(401, send(url, null, null).statusCode(), "an unused token expires");
    }

    @Test
    void byDefaultASessionLapsesAfterEightHoursIdleAndAnUnusedLinkAfterTenMinutes() throws Exception {
        dashboard.close();
        MovableClock clock = new MovableClock();
        dashboard =
                Dashboard.builder().ledger(fixture.ledger).clock(clock).build().start();
        String cookie = login();
        clock.advance(Duration.ofHours(8).minusMinutes(1));
        assertEquals(200, get("/overview", cookie).statusCode(), "renewed");
        clock.advance(Duration.ofHours(8).minusMinutes(1));
        assertEquals(200, get("/overview", cookie).statusCode(), "renewed again");
        clock.advance(Duration.ofHours(8).plusMinutes(1));
        assertEquals(401, get("/overview", cookie).statusCode(), "eight hours without a request");
        String kept = dashboard.newUrl();
        clock.advance(Duration.ofMinutes(9));
        assertEquals(303, send(kept, null, null).statusCode(), "used within ten minutes");
        String lapsed = dashboard.newUrl();
        clock.advance(Duration.ofMinutes(11));
        assertEquals(401, send(lapsed, null, null).statusCode(), "unused for eleven minutes");
    }

    @Test
    void theJdkServersSmallResponsesAreNotHeldBack() {
        assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"), "set when the class loads");
    }

    @Test
    void aDashboardNeedsALedger() {
        assertThrows(IllegalStateException.class, () -> Dashboard.builder().build());
        assertThrows(IllegalArgumentException.class, () -> Dashboard.builder().port(70_000));
    }

    /** A clock tests move forward. */
    static final class MovableClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-11-20T15:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }
}
