/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.client.exception.ParsApiException;
import org.parsjava.client.exception.ParsValidationException;
import org.parsjava.client.internal.HttpResult;
import org.parsjava.client.internal.Transport;
import org.parsjava.core.codec.ActivityAction;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.core.validation.ValidationReport;

/**
 * Activity operations: {@code SaveActivity} and {@code GetActivity}. Obtain from
 * {@link ParsClient#activities()}. Thread safe.
 */
public final class Activities {

    private final Transport transport;
    private final ParsValidator validator;
    private final Executor executor;

    Activities(Transport transport, ParsValidator validator, Executor executor) {
        this.transport = transport;
        this.validator = validator;
        this.executor = executor;
    }

    /**
     * Creates the activity in PARS, or updates it when it carries an ACCME Activity ID. An
     * update that would change the format, dates, ACCME Activity ID or provider activity ID is
     * refused, because PARS would create a new activity instead (docs/pars-reference.md 2.4).
     *
     * <p>Retried only when PARS cannot have applied the request. When the outcome is unknown
     * (a dropped connection or timeout: {@code ParsTransportException}; HTTP 500, 502 or 504:
     * {@code ParsServerException}; both with {@code outcomeUnknown()} true) nothing is resent:
     * read it back before saving again, with {@link #get(String)} for an update or
     * {@link #find(String, LocalDate, ActivityType)} for a create.
     *
     * @return the activity as PARS answered it (with its ACCME Activity ID), or the input when
     *     PARS answered without a body
     * @throws ParsValidationException when the activity is invalid or the update is refused
     */
    public Activity save(Activity activity) {
        transport.ensureOpen();
        Objects.requireNonNull(activity, "activity");
        Operation op = Operation.SAVE_ACTIVITY;
        ValidationReport report = validator.validateActivity(activity);
        if (!report.isValid()) {
            throw new ParsValidationException(op, report);
        }
        ActivityAction action = ActivityAction.ADD;
        if (activity.accmeActivityId().isPresent()) {
            String id = activity.accmeActivityId().get();
            Activity existing = get(id).orElseThrow(() -> new ParsApiException(
                    op,
                    404,
                    null,
                    null,
                    "PARS has no activity " + id + " for this provider; remove the ACCME Activity ID to create it",
                    1));
            ValidationReport update = validator.validateActivityUpdate(existing, activity);
            if (!update.isValid()) {
                throw new ParsValidationException(op, update);
            }
            action = ActivityAction.UPDATE;
        }
        HttpResult r = transport.call(
                Operation.SAVE_ACTIVITY, Map.of(), transport.codec().encodeActivity(activity, action), false);
        if (r.status() == 404) {
            throw transport.toException(Operation.SAVE_ACTIVITY, r, r.attempt());
        }
        if (r.body().length == 0) {
            return activity;
        }
        try {
            return transport.codec().decodeActivity(r.body());
        } catch (ParsCodecException e) {
            throw new ParsApiException(
                    op,
                    r.status(),
                    null,
                    e.excerpt(),
                    "PARS " + op.parsName() + " answered HTTP " + r.status() + " with an unreadable body: "
                            + e.getMessage(),
                    r.attempt());
        }
    }

    /** {@link #save(Activity)} on the client's executor. */
    public CompletableFuture<Activity> saveAsync(Activity activity) {
        return transport.async(() -> save(activity), executor);
    }

    /**
     * Reads one of the provider's activities.
     *
     * @return empty when PARS has no such activity (HTTP 404)
     */
    public Optional<Activity> get(String accmeActivityId) {
        transport.ensureOpen();
        Objects.requireNonNull(accmeActivityId, "accmeActivityId");
        HttpResult r = transport.call(
                Operation.GET_ACTIVITY, Map.of(Parameter.ACTIVITY_ID, accmeActivityId.strip()), null, true);
        if (r.status() == 404) {
            return Optional.empty();
        }
        try {
            return Optional.of(transport.codec().decodeActivity(r.body()));
        } catch (ParsCodecException e) {
            throw org.parsjava.client.internal.Failures.unreadable(Operation.GET_ACTIVITY, r, e);
        }
    }

    /**
     * Finds one of the provider's activities by the keys PARS knows it by before it has an
     * ACCME Activity ID: the provider's own activity ID, the start date and the type (the
     * draft's activity search, docs/pars-reference.md 2.2). Use it after a create whose outcome is
     * unknown, to learn whether PARS created the activity before saving it again.
     *
     * @return empty when PARS has no such activity (HTTP 404)
     */
    public Optional<Activity> find(String providerActivityId, LocalDate startDate, ActivityType type) {
        transport.ensureOpen();
        Objects.requireNonNull(providerActivityId, "providerActivityId");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(type, "type");
        String key = providerActivityId.strip();
        Operation op = Operation.FIND_ACTIVITIES;
        HttpResult r = transport.call(
                op,
                Map.of(
                        Parameter.PROVIDER_ACTIVITY_ID,
                        key,
                        Parameter.ACTIVITY_START_DATE,
                        startDate.toString(),
                        Parameter.ACTIVITY_TYPE_NAME,
                        transport.codec().activityTypeName(type)),
                null,
                true);
        if (r.status() == 404) {
            return Optional.empty();
        }
        List<Activity> answered;
        try {
            answered = transport.codec().decodeActivities(r.body());
        } catch (ParsCodecException e) {
            throw org.parsjava.client.internal.Failures.unreadable(op, r, e);
        }
        List<Activity> matching = answered.stream()
                .filter(a -> a.providerActivityId().equals(key) && a.startDate().equals(startDate) && a.type() == type)
                .toList();
        if (matching.isEmpty() && !answered.isEmpty()) {
            // An endpoint that ignores the search parameters must not pass for "it exists".
            throw new ParsApiException(
                    op,
                    r.status(),
                    null,
                    null,
                    "PARS " + op.parsName() + " answered the activity "
                            + "search with other activities only (ACCME Activity ID "
                            + answered.get(0).accmeActivityId().orElse("?")
                            + "); the search parameters may not be supported: check ParsEndpoints",
                    r.attempt());
        }
        if (matching.size() > 1) {
            throw new ParsApiException(
                    op,
                    r.status(),
                    null,
                    null,
                    "PARS " + op.parsName() + " found "
                            + matching.size() + " activities with the same provider activity ID, start date and type; "
                            + "read them by ACCME Activity ID",
                    r.attempt());
        }
        return matching.stream().findFirst();
    }

    /** {@link #find(String, LocalDate, ActivityType)} on the client's executor. */
    public CompletableFuture<Optional<Activity>> findAsync(
            String providerActivityId, LocalDate startDate, ActivityType type) {
        return transport.async(() -> find(providerActivityId, startDate, type), executor);
    }

    /** {@link #get(String)} on the client's executor. */
    public CompletableFuture<Optional<Activity>> getAsync(String accmeActivityId) {
        return transport.async(() -> get(accmeActivityId), executor);
    }
}
