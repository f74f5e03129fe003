/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard;

import org.parsjava.testkit.demo.DemoActivities;

/** A started dashboard and one browser session signed in to it through its one-time link. */
final class SignedIn implements AutoCloseable {

    final Dashboard dashboard;
    final String cookie;

    /** Starts {@code dashboard} and signs in. */
    SignedIn(Dashboard dashboard) throws Exception {
        this.dashboard = dashboard.start();
        this.cookie = DashboardSecurityTest.sessionCookie(this.dashboard);
    }

    /** A dashboard on the fixture's ledger, on the demo clock, signed in. */
    static SignedIn on(LedgerFixture fixture) throws Exception {
        return new SignedIn(Dashboard.builder()
                .ledger(fixture.ledger)
                .clock(DemoActivities.clock())
                .build());
    }

    DashboardSecurityTest.Response get(String path) throws Exception {
        return DashboardSecurityTest.send(url(path), cookie, null);
    }

    DashboardSecurityTest.Response post(String path, String form) throws Exception {
        return DashboardSecurityTest.send(url(path), cookie, form);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + dashboard.port() + path;
    }

    @Override
    public void close() {
        dashboard.close();
    }
}
