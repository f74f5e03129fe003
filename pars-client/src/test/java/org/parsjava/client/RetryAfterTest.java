/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parsjava.client.internal.RetryAfter;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", NOW));
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Tue, 24 Nov 2026 10:01:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Tue, 24 Nov 2026 09:00:00 GMT", NOW));
    }

    @Test
    void ignoresGarbage() {
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy p = RetryPolicy.builder()
                .baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(350))
                .build();
        assertEquals(Duration.ofMillis(100), p.backoffCap(1));
        assertEquals(Duration.ofMillis(200), p.backoffCap(2));
        assertEquals(Duration.ofMillis(350), p.backoffCap(3));
        assertEquals(Duration.ofMillis(350), p.backoffCap(40));
    }
}
