/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.codec.LearnerRecordAction;

/**
 * Observes what the client does: every request PARS answered (or did not), every retry it
 * waits for, and the outcome of every record a submission settled. The hook under the
 * Micrometer metrics ({@code org.parsjava.client.metrics.ParsMetrics}), open to any other
 * monitoring. Events carry operations, statuses, counts and times, never personal data.
 *
 * <p>Methods are called on the client's threads, concurrently: keep them fast and thread safe.
 * An exception thrown by a listener is logged (its class name) and otherwise ignored.
 */
public interface ParsEventListener {

    /** A listener that does nothing. */
    ParsEventListener NONE = new ParsEventListener() {};

    /** One HTTP exchange finished: answered (any status) or failed without an answer. */
    default void requestFinished(RequestEvent event) {}

    /** The client will wait and try again. */
    default void retryScheduled(RetryEvent event) {}

    /** A submission or delete settled this many records with this outcome (once per call and outcome). */
    default void recordsSettled(RecordsEvent event) {}

    /**
     * Calls every listener in turn; one that throws does not keep the others from the event
     * (the first exception is rethrown after all were called, and logged by the client).
     */
    static ParsEventListener composite(ParsEventListener... listeners) {
        ParsEventListener[] all = listeners.clone();
        for (ParsEventListener l : all) {
            Objects.requireNonNull(l, "listener");
        }
        return new ParsEventListener() {
            @Override
            public void requestFinished(RequestEvent event) {
                each(l -> l.requestFinished(event));
            }

            @Override
            public void retryScheduled(RetryEvent event) {
                each(l -> l.retryScheduled(event));
            }

            @Override
            public void recordsSettled(RecordsEvent event) {
                each(l -> l.recordsSettled(event));
            }

            private void each(java.util.function.Consumer<ParsEventListener> call) {
                RuntimeException first = null;
                for (ParsEventListener l : all) {
                    try {
                        call.accept(l);
                    } catch (RuntimeException e) {
                        first = first == null ? e : first;
                    }
                }
                if (first != null) {
                    throw first;
                }
            }
        };
    }

    /**
     * One HTTP exchange.
     *
     * @param operation the operation
     * @param status the HTTP status, or 0 when there was no answer
     * @param failure the exception's simple class name when there was no answer
     * @param duration from sending to the end of the answer (or the failure)
     * @param attempt which attempt of the operation this was, from 1
     */
    record RequestEvent(Operation operation, int status, Optional<String> failure, Duration duration, int attempt) {
        /** Rejects nulls. */
        public RequestEvent {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** Why the client tries again. */
    enum RetryReason {
        /** No answer (connection refused or dropped, timeout). */
        NO_ANSWER,
        /** HTTP 429. */
        RATE_LIMITED,
        /** HTTP 408 or 503: PARS did not process the request. */
        UNAVAILABLE,
        /** Another 5xx. */
        SERVER_ERROR,
        /** PARS answered success but a status lookup found the records absent. */
        NOT_HELD
    }

    /**
     * A retry about to be waited for.
     *
     * @param operation the operation
     * @param reason why
     * @param attempt the attempt that failed, from 1
     * @param delay how long the client waits before the next one
     */
    record RetryEvent(Operation operation, RetryReason reason, int attempt, Duration delay) {
        /** Rejects nulls. */
        public RetryEvent {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * Records a submission or delete settled.
     *
     * @param operation the operation ({@link Operation#SAVE_LEARNER_ACTIVITY})
     * @param action add or delete
     * @param outcome the outcome
     * @param count how many records ended with it
     */
    record RecordsEvent(Operation operation, LearnerRecordAction action, RecordOutcome outcome, int count) {
        /** Rejects nulls. */
        public RecordsEvent {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
