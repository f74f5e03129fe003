/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parsjava.client.ParsClient;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code pars} health component: UP when PARS accepts the credentials (a status lookup of
 * a CreditID that cannot exist answers without refusing them) and the ledger, if any, has
 * nothing overdue; DOWN otherwise, with the reason and the overdue count as details. PARS is
 * asked at most once a minute, one check at a time, and a check waits at most 5 seconds for
 * its answer (a slower one finishes in the background and counts for the next reading). Not
 * meant for a liveness probe: a refused password or an overdue entry needs a person, not a
 * restart.
 */
public final class ParsHealthIndicator implements HealthIndicator {

    private static final Duration CACHE = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ParsClient client;
    private final String probe;
    private final ObjectProvider<LedgerOverdue> overdue;
    private final AtomicBoolean asking = new AtomicBoolean();
    private volatile Instant askedAt;
    private volatile String credentials = "not yet checked";
    private final java.util.function.Supplier<Instant> clock;

    /**
     * The indicator of {@code client}, asking about a CreditID of {@code providerId}, and of
     * the ledger's overdue count when there is a ledger.
     */
    public ParsHealthIndicator(ParsClient client, String providerId, ObjectProvider<LedgerOverdue> overdue) {
        this(client, providerId, overdue, Instant::now);
    }

    /** As the public constructor, timing the minute between checks by {@code clock} (tests). */
    ParsHealthIndicator(
            ParsClient client,
            String providerId,
            ObjectProvider<LedgerOverdue> overdue,
            java.util.function.Supplier<Instant> clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.probe = "ccid:" + Objects.requireNonNull(providerId, "providerId") + ":pars-health-check-cme";
        this.overdue = Objects.requireNonNull(overdue, "overdue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Health health() {
        String state = credentialsState();
        Health.Builder h = state.equals("accepted") ? Health.up() : Health.down();
        h.withDetail("credentials", state)
                .withDetail("generation", client.generation().name());
        LedgerOverdue ledger = overdue.getIfAvailable();
        if (ledger != null) {
            try {
                long n = ledger.count();
                h.withDetail("overdue", n);
                if (n > 0) {
                    h.down();
                }
            } catch (RuntimeException e) {
                h.down().withDetail("ledger", "unreadable (" + e.getClass().getSimpleName() + ")");
            }
        }
        return h.build();
    }

    private String credentialsState() {
        Instant now = clock.get();
        Instant last = askedAt;
        if ((last == null || last.plus(CACHE).isBefore(now)) && asking.compareAndSet(false, true)) {
            askedAt = now;
            var check = client.learners().statusAsync(probe).handle((ok, failure) -> {
                credentials = failure == null ? "accepted" : state(failure);
                asking.set(false);
                return credentials;
            });
            try {
                check.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return "no answer within " + WAIT.toSeconds() + " s";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // handled above
            }
        }
        return credentials;
    }

    private static String state(Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (t instanceof ParsAuthenticationException) {
            return "refused";
        }
        if (t instanceof ParsException) {
            return "unreachable (" + t.getClass().getSimpleName() + ")";
        }
        return "unknown (" + t.getClass().getSimpleName() + ")";
    }
}
