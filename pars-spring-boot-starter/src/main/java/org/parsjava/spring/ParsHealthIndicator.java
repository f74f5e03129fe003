/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import java.time.Duration;
import java.time.Instant;
import org.parsjava.client.ParsClient;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsException;
import org.parsjava.ledger.ReportingLedger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code pars} health component: UP when PARS accepts the credentials (a status lookup of
 * a CreditID that cannot exist answers without refusing them) and the ledger, if any, has
 * nothing overdue; DOWN otherwise, with the reason and the overdue count as details. PARS is
 * asked at most once a minute. Not meant for a liveness probe: a refused password or an
 * overdue entry needs a person, not a restart.
 */
public final class ParsHealthIndicator implements HealthIndicator {

    private static final Duration CACHE = Duration.ofMinutes(1);

    private final ParsClient client;
    private final ObjectProvider<ReportingLedger> ledger;
    private volatile Instant askedAt;
    private volatile String credentials;

    /** The indicator of {@code client} and, if there is one, the ledger. */
    public ParsHealthIndicator(ParsClient client, ObjectProvider<ReportingLedger> ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        String state = credentialsState();
        Health.Builder h = state.equals("accepted") ? Health.up() : Health.down();
        h.withDetail("credentials", state).withDetail("generation", client.generation().name());
        ReportingLedger l = ledger.getIfAvailable();
        if (l != null) {
            long overdue = l.countOverdue();
            h.withDetail("overdue", overdue);
            if (overdue > 0) {
                h.down();
            }
        }
        return h.build();
    }

    private String credentialsState() {
        Instant now = Instant.now();
        if (askedAt == null || askedAt.plus(CACHE).isBefore(now)) {
            credentials = ask();
            askedAt = now;
        }
        return credentials;
    }

    private String ask() {
        try {
            client.learners().status("ccid:0000000:pars-health-check-cme");
            return "accepted";
        } catch (ParsAuthenticationException e) {
            return "refused";
        } catch (ParsException e) {
            return "unreachable (" + e.getClass().getSimpleName() + ")";
        }
    }
}
