/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.parsjava.dashboard.internal.Access;
import org.parsjava.dashboard.internal.LinkAccess;
import org.parsjava.dashboard.internal.RoleAccess;
import org.parsjava.dashboard.internal.Routes;
import org.parsjava.dashboard.internal.ServletExchange;
import org.parsjava.dashboard.internal.Sessions;
import org.parsjava.ledger.ReportingLedger;

/**
 * The pages of {@link Dashboard} as a servlet, for an application that already runs a servlet
 * container (the Spring Boot starter mounts it under {@code pars.dashboard.path}). Map it to a
 * path ending in {@code /*}; its links are relative, so any mount works.
 *
 * <p>Who may see it is the application's business: with {@link Builder#role(String)} the
 * container's signed-in user must hold that role ({@link HttpServletRequest#isUserInRole}), and
 * the dashboard's CSRF token lives in the user's HTTP session. Without an application security
 * layer, {@link Builder#oneTimeLinks()} lets people in as {@code pars dashboard} does, by a link
 * holding a one-time token ({@link #newAccessPath()}). One of the two is required. Thread safe.
 */
public final class DashboardServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Routes routes;
    private final transient Sessions sessions;

    private DashboardServlet(Builder b) {
        this.sessions = b.role == null ? new Sessions(b.clock, b.tokenLifetime, b.sessionLifetime) : null;
        Access access = b.role == null ? new LinkAccess(sessions) : new RoleAccess(b.role, b.formFields);
        this.routes = new Routes(b.ledger, access, b.clock, b.readOnly);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.handle(new ServletExchange(request, response));
    }

    /** Starts the first count by state when the container puts the servlet in service. */
    @Override
    public void init() {
        routes.warm();
    }

    /** Stops the dashboard's background count when the container takes the servlet out of service. */
    @Override
    public void destroy() {
        routes.close();
    }

    /**
     * A new one-time link, relative to where the servlet is mounted ({@code /?token=...}): append
     * it to the mount's address. Valid once, until it expires.
     *
     * @throws IllegalStateException when the servlet admits by role, not by link
     */
    public String newAccessPath() {
        if (sessions == null) {
            throw new IllegalStateException("this dashboard admits by role, not by one-time link");
        }
        return "/?token=" + sessions.newAccessToken();
    }

    @Override
    public String toString() {
        return "DashboardServlet[" + (sessions == null ? "by role" : "by one-time link") + "]";
    }

    /** Configures a {@link DashboardServlet}; not thread safe. */
    public static final class Builder {
        private ReportingLedger ledger;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofMinutes(10);
        private Duration sessionLifetime = Duration.ofHours(8);
        private boolean readOnly;
        private String role;
        private boolean links;
        private Function<HttpServletRequest, Map<String, String>> formFields = r -> Map.of();

        private Builder() {}

        /** The ledger shown. Required. */
        public Builder ledger(ReportingLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /** The clock for expiry and "today" (default the system clock in UTC, as the ledger's). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Pages only: no withdraw, no send now, no learner identity (default false). */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Admits the container's signed-in users who hold {@code role} (as
         * {@link HttpServletRequest#isUserInRole} names it; Spring Security adds its {@code ROLE_}
         * prefix itself).
         */
        public Builder role(String role) {
            Objects.requireNonNull(role, "role");
            if (role.isBlank()) {
                throw new IllegalArgumentException("role must not be blank");
            }
            this.role = role;
            return this;
        }

        /**
         * Hidden fields every form of the dashboard carries besides its own CSRF token, computed per
         * request: for a security layer that checks its own token on POSTs (Spring Security's CSRF
         * token). Default none.
         */
        public Builder formFields(Function<HttpServletRequest, Map<String, String>> formFields) {
            this.formFields = Objects.requireNonNull(formFields, "formFields");
            return this;
        }

        /** Admits by one-time link and a session cookie, for an application with no security layer. */
        public Builder oneTimeLinks() {
            this.links = true;
            return this;
        }

        /** How long an unused one-time link stays valid (default 10 minutes). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Sessions.lifetime(lifetime, "tokenLifetime");
            return this;
        }

        /** How long a link's browser session lasts after its last request (default 8 hours). */
        public Builder sessionLifetime(Duration lifetime) {
            this.sessionLifetime = Sessions.lifetime(lifetime, "sessionLifetime");
            return this;
        }

        /**
         * Builds the servlet.
         *
         * @throws IllegalStateException when the ledger is missing, or not exactly one of
         *     {@link #role(String)} and {@link #oneTimeLinks()} is chosen
         */
        public DashboardServlet build() {
            if (ledger == null) {
                throw new IllegalStateException("Invalid DashboardServlet configuration: ledger is required");
            }
            if ((role == null) == !links) {
                throw new IllegalStateException("Invalid DashboardServlet configuration: choose who is let in, "
                        + "either role(...) (the application's signed-in users) or oneTimeLinks()");
            }
            return new DashboardServlet(this);
        }
    }
}
