/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.client.ParsClient;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.dashboard.DashboardServlet;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.ParsSimulator;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * The servlet admitting by one-time link (an application without Spring Security, for local use),
 * in a real Tomcat under a context path: the link opens a session whose cookie stays on the
 * dashboard's path, and is spent.
 */
class DashboardByOneTimeLinkTest {

    @TempDir
    Path dir;

    @Test
    void aLinkOpensOneSessionLimitedToTheDashboardsPath() throws Exception {
        try (ParsSimulator pars =
                        ParsSimulator.builder().clock(Fixtures.CLOCK).build().start();
                ParsClient client = pars.clientBuilder().build();
                ReportingLedger ledger = ReportingLedger.builder()
                        .jdbcUrl("jdbc:h2:file:" + dir.resolve("ledger"), null, null)
                        .client(client)
                        .key(LedgerKey.generate())
                        .build()) {
            DashboardServlet servlet =
                    DashboardServlet.builder().ledger(ledger).oneTimeLinks().build();
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setContextPath("/lms");
            WebServer server = factory.getWebServer(
                    context -> new ServletRegistrationBean<>(servlet, "/pars-dashboard/*").onStartup(context));
            server.start();
            try {
                String base = "http://127.0.0.1:" + server.getPort() + "/lms/pars-dashboard";
                HttpClient http = HttpClient.newHttpClient();
                assertThat(send(http, base + "/overview", null).statusCode()).isEqualTo(401);
                String link = base + servlet.newAccessPath();
                HttpResponse<String> opened = send(http, link, null);
                assertThat(opened.statusCode()).isEqualTo(303);
                String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
                assertThat(cookie).contains("Path=/lms/pars-dashboard;").contains("HttpOnly");
                assertThat(send(http, base + "/overview", cookie.split(";")[0]).statusCode())
                        .isEqualTo(200);
                assertThat(send(http, link, null).statusCode()).as("spent").isEqualTo(401);
                java.util.Optional<java.net.InetAddress> other =
                        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                                .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                                .findFirst();
                if (other.isPresent()) { // a machine with a network: its address, not loopback
                    String fromOutside = "http://" + other.get().getHostAddress() + ":" + server.getPort()
                            + "/lms/pars-dashboard" + servlet.newAccessPath();
                    assertThat(send(http, fromOutside, null).statusCode())
                            .as("local use: another machine's request is refused")
                            .isEqualTo(403);
                }
            } finally {
                server.stop();
            }
        }
    }

    private static HttpResponse<String> send(HttpClient http, String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
