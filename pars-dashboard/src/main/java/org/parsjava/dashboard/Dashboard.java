/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.parsjava.dashboard.internal.JdkExchange;
import org.parsjava.dashboard.internal.LinkAccess;
import org.parsjava.dashboard.internal.Routes;
import org.parsjava.dashboard.internal.Sessions;
import org.parsjava.ledger.ReportingLedger;

/**
 * The reporting ledger in a browser, served on loopback by the JDK's HTTP server: entries by
 * state, at risk and overdue, rows to fix with what to do (and as CSV), an entry's history, and
 * the actions withdraw and send now.
 *
 * <pre>{@code
 * try (Dashboard dashboard = Dashboard.builder().ledger(ledger).build().start()) {
 *     System.out.println(dashboard.url());   // holds a one-time access token
 * }
 * }</pre>
 *
 * <p>No page without the token: its URL opens one browser session (a cookie, HttpOnly and
 * SameSite=Strict) and is spent. Sessions and an unused token expire. Actions are POSTs that
 * carry the session's CSRF token and a confirmation. Pages show completion keys, activity IDs,
 * dates, states and PARS's (scrubbed) messages; learner identity stays hidden until a person asks
 * to see one entry's (an action, logged with who asked and when, never what was shown). Every
 * response carries a content security policy and forbids framing and sniffing. In a servlet
 * container (the Spring Boot starter), {@link DashboardServlet} serves the same pages. Thread safe.
 *
 * <p>Loading this class sets the system property {@code sun.net.httpserver.nodelay} to
 * {@code true} unless the application set it: the JDK's HTTP server otherwise delays every small
 * response by about 40 ms.
 */
public final class Dashboard implements AutoCloseable {

    static {
        // The JDK's server otherwise leaves Nagle's algorithm on: each small response then waits
        // for the browser's delayed acknowledgement, about 40 ms on loopback. Read once, when the
        // JVM's first server is made; a value the application set is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ReportingLedger ledger;
    private final Clock clock;
    private final int port;
    private final Duration tokenLifetime;
    private final Duration sessionLifetime;
    private final boolean readOnly;
    private com.sun.net.httpserver.HttpServer server;
    private ExecutorService executor;
    private Sessions sessions;
    private Routes routes;
    private String token;

    private Dashboard(Builder b) {
        this.ledger = b.ledger;
        this.clock = b.clock;
        this.port = b.port;
        this.tokenLifetime = b.tokenLifetime;
        this.sessionLifetime = b.sessionLifetime;
        this.readOnly = b.readOnly;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts serving on the loopback interface.
     *
     * @throws UncheckedIOException when the port cannot be opened
     */
    public synchronized Dashboard start() {
        if (server != null) {
            throw new IllegalStateException("the dashboard is already started");
        }
        try {
            server = com.sun.net.httpserver.HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open port " + port + " on the loopback interface", e);
        }
        sessions = new Sessions(clock, tokenLifetime, sessionLifetime);
        token = sessions.newAccessToken();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "pars-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        routes = new Routes(ledger, new LinkAccess(sessions), clock, readOnly);
        server.createContext("/", JdkExchange.handler(routes));
        routes.warm();
        server.start();
        return this;
    }

    /** The address to open, with the one-time access token; valid once, until it expires. */
    public synchronized String url() {
        if (server == null) {
            throw new IllegalStateException("the dashboard is not started");
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/?token=" + token;
    }

    /** A new one-time access token's address (the previous one stays valid until used or expired). */
    public synchronized String newUrl() {
        if (server == null) {
            throw new IllegalStateException("the dashboard is not started");
        }
        token = sessions.newAccessToken();
        return url();
    }

    /** The port served, once started. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the dashboard is not started");
        }
        return server.getAddress().getPort();
    }

    /** Stops serving; the ledger is the caller's to close. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            routes.close();
            server = null;
        }
    }

    @Override
    public String toString() {
        return "Dashboard["
                + (server == null ? "stopped" : "port " + server.getAddress().getPort())
                + (readOnly ? ", read-only" : "") + "]";
    }

    /** Configures a {@link Dashboard}; not thread safe. */
    public static final class Builder {
        private ReportingLedger ledger;
        private Clock clock = Clock.systemUTC();
        private int port;
        private Duration tokenLifetime = Duration.ofMinutes(10);
        private Duration sessionLifetime = Duration.ofHours(8);
        private boolean readOnly;

        private Builder() {}

        /** The ledger shown. Required. */
        public Builder ledger(ReportingLedger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * The clock for expiry and "today" (default the system clock in UTC, as the ledger's).
         * Give the ledger's own clock when it has another: the ledger counts overdue and at-risk
         * entries by its own today, the overview its deadlines ahead by this one.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The loopback port (default 0: any free one). */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /** How long an unused access token stays valid (default 10 minutes). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Sessions.lifetime(lifetime, "tokenLifetime");
            return this;
        }

        /** How long a browser session lasts after its last request (default 8 hours). */
        public Builder sessionLifetime(Duration lifetime) {
            this.sessionLifetime = Sessions.lifetime(lifetime, "sessionLifetime");
            return this;
        }

        /** Pages only: no withdraw, no send now (default false). */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Builds the dashboard (not yet serving: {@link Dashboard#start()}).
         *
         * @throws IllegalStateException when the ledger is missing
         */
        public Dashboard build() {
            if (ledger == null) {
                throw new IllegalStateException("Invalid Dashboard configuration: ledger is required");
            }
            return new Dashboard(this);
        }
    }
}
