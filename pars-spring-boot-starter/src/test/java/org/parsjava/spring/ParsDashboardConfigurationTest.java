/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.dashboard.DashboardServlet;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.testkit.ParsSimulator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** When the starter mounts the dashboard, where, and when it refuses to start. */
class ParsDashboardConfigurationTest {

    private static ParsSimulator pars;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        pars = ParsSimulator.builder().clock(Fixtures.CLOCK).build().start();
    }

    @AfterAll
    static void stop() {
        pars.close();
    }

    private static DataSource file() {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("ledger-" + System.nanoTime()));
        return h2;
    }

    private static final String[] CONNECTION = {
        "pars.provider-id=" + ParsSimulator.DEFAULT_PROVIDER_ID,
        "pars.provider-name=Example Health CME",
        "pars.user=" + ParsSimulator.DEFAULT_USER,
        "pars.password=" + ParsSimulator.DEFAULT_PASSWORD,
        "pars.ledger.worker-enabled=false"
    };

    private WebApplicationContextRunner web() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ParsAutoConfiguration.class))
                .withBean(java.time.Clock.class, () -> Fixtures.CLOCK)
                .withBean(DataSource.class, ParsDashboardConfigurationTest::file)
                .withPropertyValues(CONNECTION)
                .withPropertyValues(
                        "pars.base-url=" + pars.baseUrl(),
                        "pars.ledger.key=" + LedgerKey.generate().toBase64());
    }

    @Test
    void mountedUnderItsPathBehindSpringSecurityOnlyWhenEnabled() {
        web().run(context -> assertThat(context).doesNotHaveBean(ServletRegistrationBean.class));
        web().withPropertyValues("pars.dashboard.enabled=true", "pars.dashboard.path=/office/credits")
                .run(context -> {
                    ServletRegistrationBean<?> r = context.getBean(ServletRegistrationBean.class);
                    assertThat(r.getUrlMappings()).containsExactly("/office/credits/*");
                    assertThat(r.getServlet().toString()).isEqualTo("DashboardServlet[by role]");
                });
    }

    @Test
    void withoutSpringSecurityTheStartIsRefusedUnlessAllowedForLocalUse() {
        web().withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .withPropertyValues("pars.dashboard.enabled=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(InvalidParsConfigurationException.class)
                            .hasMessageContaining("no Spring Security");
                    assertThat(new ParsConfigurationFailureAnalyzer()
                                    .analyze(context.getStartupFailure())
                                    .getAction())
                            .contains("PARS_DASHBOARD")
                            .contains("pars.dashboard.allow-without-spring-security=true");
                });
        web().withClassLoader(new FilteredClassLoader("org.springframework.security"))
                .withPropertyValues("pars.dashboard.enabled=true", "pars.dashboard.allow-without-spring-security=true")
                .run(context -> {
                    DashboardServlet servlet = (DashboardServlet)
                            context.getBean(ServletRegistrationBean.class).getServlet();
                    assertThat(servlet.toString()).isEqualTo("DashboardServlet[by one-time link]");
                    assertThat(servlet.newAccessPath()).startsWith("/?token=");
                    @SuppressWarnings("unchecked")
                    org.springframework.context.ApplicationListener<
                                    org.springframework.boot.web.context.WebServerInitializedEvent>
                            link = context.getBean(
                                    "parsDashboardLink", org.springframework.context.ApplicationListener.class);
                    assertThat(printed(link, null))
                            .startsWith("PARS dashboard (local use: this machine only")
                            .contains("http://127.0.0.1:8123/lms/pars-dashboard/?token=");
                    assertThat(printed(link, "management"))
                            .as("not for a management server")
                            .isEmpty();
                });
    }

    /** What the link listener prints for a server on port 8123 under context path /lms. */
    private static String printed(
            org.springframework.context.ApplicationListener<
                            org.springframework.boot.web.context.WebServerInitializedEvent>
                    link,
            String namespace) {
        org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext app =
                new org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext();
        app.setServerNamespace(namespace);
        app.getEnvironment()
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "test", java.util.Map.of("server.servlet.context-path", "/lms")));
        org.springframework.boot.web.server.WebServer server = new org.springframework.boot.web.server.WebServer() {
            @Override
            public void start() {}

            @Override
            public void stop() {}

            @Override
            public int getPort() {
                return 8123;
            }
        };
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            link.onApplicationEvent(
                    new org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent(server, app));
        } finally {
            System.setOut(saved);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aDashboardWithoutALedgerOrWithABadPathStopsTheStart() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ParsAutoConfiguration.class))
                .withPropertyValues(CONNECTION)
                .withPropertyValues("pars.base-url=" + pars.baseUrl(), "pars.dashboard.enabled=true")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("no reporting ledger to show"));
        for (String path : new String[] {"/", "pars", "/pars/", "/a b"}) {
            web().withPropertyValues("pars.dashboard.enabled=true", "pars.dashboard.path=" + path)
                    .run(context -> assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("pars.dashboard.path"));
        }
    }

    @Test
    void notInAnApplicationThatIsNotAServletWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ParsAutoConfiguration.class))
                .withBean(java.time.Clock.class, () -> Fixtures.CLOCK)
                .withBean(DataSource.class, ParsDashboardConfigurationTest::file)
                .withPropertyValues(CONNECTION)
                .withPropertyValues(
                        "pars.base-url=" + pars.baseUrl(),
                        "pars.ledger.key=" + LedgerKey.generate().toBase64(),
                        "pars.dashboard.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
                });
    }
}
