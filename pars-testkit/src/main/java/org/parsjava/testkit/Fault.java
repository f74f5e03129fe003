/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the {@link ParsSimulator} applies to one request, scripted per test with
 * {@link ParsSimulator#inject}. Some faults happen before PARS applies the request (nothing is
 * stored), others after (the request is stored, but the client cannot tell).
 */
public final class Fault {

    /** The kinds of fault. */
    public enum Kind {
        /** Apply, then answer after a delay. */
        LATENCY,
        /** Refuse with 429 and a {@code Retry-After}; nothing applied. */
        RATE_LIMITED,
        /** Fail with a 5xx status; nothing applied. */
        SERVER_ERROR,
        /** Apply, then drop the connection before answering. */
        DROP_AFTER_APPLY,
        /** Drop the connection without applying. */
        DROP_BEFORE_APPLY,
        /** Apply, then answer 200 with a document cut short. */
        TRUNCATED_BODY,
        /** Apply, then answer 200 with an HTML page instead of XML. */
        MALFORMED_BODY,
        /** Apply, then send the answer a few bytes at a time. */
        SLOW_DRIP,
        /**
         * Apply only the first {@link Fault#count()} records and answer 200 with verdicts for
         * those alone: the rest are neither stored nor mentioned.
         */
        PARTIAL_APPLY,
        /** Answer 200 with an HTML page instead of XML, without applying. */
        MALFORMED_BODY_BEFORE_APPLY
    }

    private final Kind kind;
    private final Duration duration;
    private final int status;
    private final int count;

    private Fault(Kind kind, Duration duration, int status) {
        this(kind, duration, status, 0);
    }

    private Fault(Kind kind, Duration duration, int status, int count) {
        this.kind = kind;
        this.duration = duration;
        this.status = status;
        this.count = count;
    }

    /** Answer after {@code delay}. */
    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, Objects.requireNonNull(delay, "delay"), 0);
    }

    /** 429 with {@code Retry-After} in whole seconds. */
    public static Fault rateLimited(Duration retryAfter) {
        return new Fault(Kind.RATE_LIMITED, Objects.requireNonNull(retryAfter, "retryAfter"), 429);
    }

    /** A 5xx answer (500, 502, 503, 504) without applying the request. */
    public static Fault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be 5xx");
        }
        return new Fault(Kind.SERVER_ERROR, Duration.ZERO, status);
    }

    /** Store the request, then drop the connection: the client cannot know it succeeded. */
    public static Fault dropAfterApply() {
        return new Fault(Kind.DROP_AFTER_APPLY, Duration.ZERO, 0);
    }

    /** Drop the connection without storing anything. */
    public static Fault dropBeforeApply() {
        return new Fault(Kind.DROP_BEFORE_APPLY, Duration.ZERO, 0);
    }

    /** Store, then answer with a document cut in the middle. */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, Duration.ZERO, 200);
    }

    /** Store, then answer 200 with an HTML error page. */
    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, Duration.ZERO, 200);
    }

    /** Store, then send the answer 8 bytes every {@code period}. */
    public static Fault slowDrip(Duration period) {
        return new Fault(Kind.SLOW_DRIP, Objects.requireNonNull(period, "period"), 0);
    }

    /**
     * Store only the first {@code records} records of the document and answer 200 with verdicts
     * for those alone ({@code 0}: an empty result, nothing stored).
     */
    public static Fault partialApply(int records) {
        if (records < 0) {
            throw new IllegalArgumentException("records must not be negative");
        }
        return new Fault(Kind.PARTIAL_APPLY, Duration.ZERO, 200, records);
    }

    /** Answer 200 with an HTML page, storing nothing. */
    public static Fault malformedBodyBeforeApply() {
        return new Fault(Kind.MALFORMED_BODY_BEFORE_APPLY, Duration.ZERO, 200);
    }

    /** Records applied by {@link Kind#PARTIAL_APPLY}. */
    public int count() {
        return count;
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The delay, Retry-After or drip period, where the kind has one. */
    public Duration duration() {
        return duration;
    }

    /** The status for {@link Kind#SERVER_ERROR}. */
    public int status() {
        return status;
    }

    /** True when PARS has stored the request before the fault shows. */
    public boolean appliesRequest() {
        return kind != Kind.RATE_LIMITED
                && kind != Kind.SERVER_ERROR
                && kind != Kind.DROP_BEFORE_APPLY
                && kind != Kind.PARTIAL_APPLY
                && kind != Kind.MALFORMED_BODY_BEFORE_APPLY;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (duration.isZero() ? "" : " " + duration) + (status == 0 ? "" : " " + status)
                + (kind == Kind.PARTIAL_APPLY ? " first " + count : "") + "]";
    }
}
