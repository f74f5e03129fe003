/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.util.List;
import mockwebserver3.MockResponse;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.core.codec.ActivityAction;
import org.parsjava.core.model.Activity;
import org.parsjava.testkit.SimulatorErrors;

/** The activity service as PARS answers it: save (add, update, delete), read by ID, search. */
public final class ActivityRecords extends Part {

    /** Activity records of {@code state}. */
    public ActivityRecords(SimulatorState state) {
        super(state);
    }

    Answer saveActivity(byte[] body) {
        Activity a = codec.decodeActivity(body);
        ActivityAction action = peer.decodeActivityAction(body);
        synchronized (lock) {
            if (!providerId.equals(a.providerId())) {
                return new Answer(
                        fault(400, SimulatorErrors.PROVIDER_MISMATCH, "the activity names another provider"), 0);
            }
            if (action == ActivityAction.ADD
                    && (a.description().isEmpty() || a.sponsorship().isEmpty())) {
                return new Answer(
                        fault(
                                400,
                                SimulatorErrors.ACTIVITY_FIELD_MISSING,
                                "description and activitySponsorship are required"),
                        0);
            }
            if (action == ActivityAction.ADD) {
                Activity stored = a.toBuilder()
                        .accmeActivityId(Integer.toString(state.nextActivityId()))
                        .build();
                activities.put(stored.accmeActivityId().orElseThrow(), stored);
                return new Answer(ok(201, codec.encodeActivity(stored, ActivityAction.ADD)), 0);
            }
            String id = a.accmeActivityId().orElse("");
            Activity existing = activities.get(id);
            if (existing == null) {
                return new Answer(fault(404, SimulatorErrors.ACTIVITY_NOT_FOUND, "no such activity"), 0);
            }
            if (action == ActivityAction.DELETE) {
                activities.remove(id);
                return new Answer(new MockResponse.Builder().code(204).build(), 0);
            }
            if (existing.type() != a.type()
                    || !existing.startDate().equals(a.startDate())
                    || !existing.endDate().equals(a.endDate())) {
                return new Answer(
                        fault(
                                400,
                                SimulatorErrors.ACTIVITY_CHANGE_REFUSED,
                                "format and dates cannot change on an update"),
                        0);
            }
            activities.put(id, a);
            return new Answer(ok(200, codec.encodeActivity(a, ActivityAction.UPDATE)), 0);
        }
    }

    /** The activity search by the provider's own keys; every key must match. */
    Answer findActivity(String providerActivityId, String startDate, String typeName) {
        Activity found = null;
        synchronized (lock) {
            for (Activity a : activities.values()) {
                if (a.providerActivityId().equals(providerActivityId)
                        && a.startDate().toString().equals(startDate)
                        && codec.activityTypeName(a.type()).equals(typeName)) {
                    found = a;
                    break;
                }
            }
        }
        if (found == null) {
            return new Answer(fault(404, SimulatorErrors.ACTIVITY_NOT_FOUND, "no such activity"), 0);
        }
        // The draft REST search answers an array of activity documents; the WCF read, one document.
        return new Answer(
                ok(
                        200,
                        endpoints.generation() == ParsEndpoints.Generation.REST
                                ? peer.encodeActivities(List.of(found))
                                : codec.encodeActivity(found, ActivityAction.ADD)),
                0);
    }

    Answer getActivity(String id) {
        Activity a;
        synchronized (lock) {
            a = id == null ? null : activities.get(id);
        }
        return a == null
                ? new Answer(fault(404, SimulatorErrors.ACTIVITY_NOT_FOUND, "no such activity"), 0)
                : new Answer(ok(200, codec.encodeActivity(a, ActivityAction.ADD)), 0);
    }
}
