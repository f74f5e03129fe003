/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.parsjava.dashboard.DashboardServlet;
import org.parsjava.ledger.ReportingLedger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The dashboard in a servlet web application, when pars-dashboard is there and
 * {@code pars.dashboard.enabled=true}: mounted under {@code pars.dashboard.path}. With Spring
 * Security, users need the role {@code pars.dashboard.role} (default {@code PARS_DASHBOARD}) and
 * every form carries Spring Security's CSRF token besides the dashboard's own. Without Spring
 * Security the start is refused, unless {@code pars.dashboard.allow-without-spring-security=true}
 * (local use), which lets people in by a one-time link printed once the server listens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.parsjava.dashboard.DashboardServlet")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "pars.dashboard", name = "enabled", havingValue = "true")
class ParsDashboardConfiguration {

    static final String SPRING_SECURITY = "org.springframework.security.web.SecurityFilterChain";

    @Bean
    ServletRegistrationBean<DashboardServlet> parsDashboard(
            ObjectProvider<ReportingLedger> ledger,
            ParsProperties p,
            ObjectProvider<java.time.Clock> clock,
            org.springframework.context.ApplicationContext context) {
        ParsProperties.Dashboard d = p.getDashboard();
        ReportingLedger l = ledger.getIfAvailable();
        if (l == null) {
            throw new InvalidParsConfigurationException(
                    "pars.dashboard.enabled=true, but there is no reporting ledger to show",
                    "Add pars-ledger and a DataSource, and set pars.ledger.key; or set pars.dashboard.enabled=false.");
        }
        String path = d.getPath();
        if (path == null || !path.matches("/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")) {
            throw new InvalidParsConfigurationException(
                    "pars.dashboard.path must be a path below the application's root, such as /pars-dashboard",
                    "Set pars.dashboard.path to a path that starts with / and does not end with one.");
        }
        DashboardServlet.Builder b = DashboardServlet.builder().ledger(l).readOnly(d.isReadOnly());
        clock.ifUnique(b::clock);
        if (springSecurity(context.getClassLoader())) {
            b.role(d.getRole()).formFields(SpringSecurityCsrf::fields);
        } else if (d.isAllowWithoutSpringSecurity()) {
            b.oneTimeLinks();
        } else {
            throw new InvalidParsConfigurationException(
                    "pars.dashboard.enabled=true, but the application has no Spring Security to say who may see "
                            + "the dashboard",
                    "Add spring-boot-starter-security and give the people who may see it the role "
                            + d.getRole() + " (pars.dashboard.role); for local use only, set "
                            + "pars.dashboard.allow-without-spring-security=true to get in by a one-time link.");
        }
        ServletRegistrationBean<DashboardServlet> r = new ServletRegistrationBean<>(b.build(), path + "/*");
        r.setName("parsDashboard");
        return r;
    }

    /** Without Spring Security: the one-time link, printed (not logged) once the server listens. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> parsDashboardLink(
            ServletRegistrationBean<DashboardServlet> dashboard, ParsProperties p) {
        return event -> {
            // The application's own server only (not a separate management server's).
            if (event.getApplicationContext().getServerNamespace() == null
                    && !springSecurity(event.getApplicationContext().getClassLoader())) {
                String context =
                        event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
                System.out.println("PARS dashboard (local use: this machine only; one-time link, valid 10 minutes): "
                        + "http://127.0.0.1:" + event.getWebServer().getPort() + context
                        + p.getDashboard().getPath()
                        + dashboard.getServlet().newAccessPath());
            }
        };
    }

    private static boolean springSecurity(ClassLoader loader) {
        return ClassUtils.isPresent(SPRING_SECURITY, loader);
    }

    /** Spring Security's CSRF token as a hidden field, when the application's filter chain issued one. */
    static final class SpringSecurityCsrf {
        private SpringSecurityCsrf() {}

        static Map<String, String> fields(HttpServletRequest request) {
            Object t = request.getAttribute("org.springframework.security.web.csrf.CsrfToken");
            return t instanceof org.springframework.security.web.csrf.CsrfToken token
                    ? Map.of(token.getParameterName(), token.getToken())
                    : Map.of();
        }
    }
}
