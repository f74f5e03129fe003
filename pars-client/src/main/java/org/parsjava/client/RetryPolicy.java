/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long to retry. Only failures that are safe to retry are retried: connection
 * failures and timeouts, HTTP 408, 429 and 5xx. Waits grow exponentially from
 * {@link #baseDelay()} up to {@link #maxDelay()} with full jitter; a {@code Retry-After}
 * header (seconds or HTTP date) is honoured instead when present. Retrying stops after
 * {@link #maxAttempts()} attempts or when the next wait would pass {@link #totalDeadline()}
 * counted from the first attempt. A learner submission whose outcome is unknown is checked by
 * status lookup before anything is resent, so a retry never creates a duplicate record.
 * Immutable.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration totalDeadline;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.totalDeadline = b.totalDeadline;
    }

    /** 4 attempts, 0.5 s base delay, 30 s cap, 5 minute deadline. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A single attempt, no retries. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Most attempts per request, counting the first. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Cap of the first backoff wait. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** Cap of any backoff wait. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** Time budget from the first attempt; no wait may end after it. */
    public Duration totalDeadline() {
        return totalDeadline;
    }

    /**
     * The upper bound of the wait before attempt {@code attempt + 1}:
     * {@code min(maxDelay, baseDelay * 2^(attempt - 1))}. The actual wait is uniform in
     * {@code [0, bound]} (full jitter).
     */
    public Duration backoffCap(int attempt) {
        long base = baseDelay.toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long cap = base << shift;
        return Duration.ofMillis(cap < 0 || cap > maxDelay.toMillis() ? maxDelay.toMillis() : cap);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", totalDeadline=" + totalDeadline + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(30);
        private Duration totalDeadline = Duration.ofMinutes(5);

        private Builder() {}

        /** Most attempts, counting the first; at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Cap of the first backoff wait; positive. */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = positive(baseDelay, "baseDelay");
            return this;
        }

        /** Cap of any backoff wait; positive. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = positive(maxDelay, "maxDelay");
            return this;
        }

        /** Time budget from the first attempt; positive. */
        public Builder totalDeadline(Duration totalDeadline) {
            this.totalDeadline = positive(totalDeadline, "totalDeadline");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }

        /** Builds the policy. */
        public RetryPolicy build() {
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("maxDelay must not be shorter than baseDelay");
            }
            return new RetryPolicy(this);
        }
    }
}
