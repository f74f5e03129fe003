/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.ParsSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard as an application with Spring Security serves it: under {@code pars.dashboard.path},
 * to signed-in users with the role, every action carrying both CSRF tokens. A real Tomcat and
 * real HTTP; the application's own security configuration is the usual one (everything
 * authenticated, HTTP basic, CSRF on).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = DashboardBehindSpringSecurityTest.OfficeApplication.class)
class DashboardBehindSpringSecurityTest {

    /** An application with two accounts: office staff with the dashboard's role, and another user. */
    @SpringBootApplication
    static class OfficeApplication {
        @Bean
        java.time.Clock clock() {
            return Fixtures.CLOCK;
        }

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .build();
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("office")
                            .password("{noop}office-password")
                            .roles("PARS_DASHBOARD")
                            .build(),
                    User.withUsername("someone")
                            .password("{noop}someone-password")
                            .roles("USER")
                            .build());
        }
    }

    private static final ParsSimulator PARS =
            ParsSimulator.builder().clock(Fixtures.CLOCK).build().start();

    static {
        PARS.addActivity(Fixtures.activity());
    }

    @DynamicPropertySource
    static void pars(DynamicPropertyRegistry p) {
        p.add("pars.base-url", PARS::baseUrl);
        p.add("pars.provider-id", () -> ParsSimulator.DEFAULT_PROVIDER_ID);
        p.add("pars.provider-name", () -> "Example Health CME");
        p.add("pars.user", () -> ParsSimulator.DEFAULT_USER);
        p.add("pars.password", () -> ParsSimulator.DEFAULT_PASSWORD);
        p.add("pars.ledger.key", () -> LedgerKey.generate().toBase64());
        p.add("pars.ledger.worker-enabled", () -> "false");
        p.add("pars.dashboard.enabled", () -> "true");
        p.add("pars.dashboard.path", () -> "/office/credits");
        p.add("spring.datasource.url", () -> "jdbc:h2:file:./target/office-" + System.nanoTime());
        // Migrated by Flyway: Liquibase, on this module's test class path for another test, stays off.
        p.add("spring.liquibase.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        PARS.close();
    }

    @Autowired
    ReportingLedger ledger;

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                request(path, user)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            b.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    /** The hidden fields of the form posting to {@code action}. */
    private static Map<String, String> form(String page, String action) {
        Matcher f = Pattern.compile("<form method=\"post\" action=\"" + action + "\".*?</form>", Pattern.DOTALL)
                .matcher(page);
        assertThat(f.find()).as(page).isTrue();
        Map<String, String> out = new LinkedHashMap<>();
        Matcher h = Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .matcher(f.group());
        while (h.find()) {
            out.put(
                    h.group(1),
                    h.group(2).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return out;
    }

    @Test
    void officeStaffSeeItOthersDoNotAndActionsCarryBothCsrfTokens() throws Exception {
        LearnerCompletion c = Fixtures.completion();
        ledger.record(c);
        ledger.drain();
        String provider = c.activity().providerId();
        EntryState sent =
                ledger.entry(provider, c.completionKey()).orElseThrow().state();
        assertThat(sent).isIn(EntryState.ACCEPTED, EntryState.AWAITING_BOARD);

        assertThat(get("/office/credits/overview", null).statusCode()).isEqualTo(401);
        assertThat(get("/office/credits/overview", "someone").statusCode()).isEqualTo(403);
        HttpResponse<String> overview = get("/office/credits/overview", "office");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Entries by state").contains("href=\"style.css\"");
        assertThat(overview.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'none'");
        assertThat(get("/office/credits/style.css", "office").statusCode()).isEqualTo(200);
        HttpResponse<String> bare = get("/office/credits", "office");
        assertThat(bare.statusCode()).isEqualTo(303);
        assertThat(bare.headers().firstValue("Location").orElse("")).endsWith("/office/credits/overview");

        String entryPath = "/office/credits/entry?provider=" + provider + "&key="
                + URLEncoder.encode(c.completionKey(), StandardCharsets.UTF_8);
        Map<String, String> withdraw = form(get(entryPath, "office").body(), "withdraw");
        assertThat(withdraw).containsKeys("csrf", "_csrf", "provider", "key");
        withdraw.put("confirm", "yes");

        Map<String, String> noSpringToken = new LinkedHashMap<>(withdraw);
        noSpringToken.remove("_csrf");
        assertThat(post("/office/credits/withdraw", "office", noSpringToken).statusCode())
                .as("Spring Security's CSRF check (its error page then asks for credentials again)")
                .isIn(401, 403);
        Map<String, String> noOwnToken = new LinkedHashMap<>(withdraw);
        noOwnToken.remove("csrf");
        assertThat(post("/office/credits/withdraw", "office", noOwnToken).statusCode())
                .as("the dashboard's own")
                .isEqualTo(403);
        assertThat(post("/office/credits/withdraw", "someone", withdraw).statusCode())
                .isEqualTo(403);
        assertThat(ledger.entry(provider, c.completionKey()).orElseThrow().state())
                .as("nothing refused changed the entry")
                .isEqualTo(sent);

        HttpResponse<String> done = post("/office/credits/withdraw", "office", withdraw);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElse("")).contains("entry?provider=");
        assertThat(ledger.entry(provider, c.completionKey()).orElseThrow().state())
                .isIn(EntryState.WITHDRAWING, EntryState.WITHDRAWN);
    }
}
