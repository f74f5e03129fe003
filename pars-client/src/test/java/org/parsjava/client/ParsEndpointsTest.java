/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parsjava.client.ParsEndpoints.Endpoint;
import org.parsjava.client.ParsEndpoints.Generation;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;

class ParsEndpointsTest {

    @Test
    void pathParametersAreEncodedAndReadBackAndTheRestGoesToTheQuery() {
        Endpoint records = ParsEndpoints.rest().endpoint(Operation.GET_LEARNER_ACTIVITY);
        ParsEndpoints.Resolved r = records.resolve(Map.of(Parameter.LEARNER_ID, "N 12/3?ä"));
        assertEquals("learner-activities/N%2012%2F3%3F%C3%A4", r.path());
        assertTrue(r.query().isEmpty());
        assertTrue(records.matches("/" + r.path()));
        assertEquals(Map.of(Parameter.LEARNER_ID, "N 12/3?ä"), records.pathValues(r.path()));
        assertFalse(records.matches("learner-activities/a/b"), "one segment per parameter");
        ParsEndpoints.Resolved byName = ParsEndpoints.wcf()
                .endpoint(Operation.GET_LEARNER_STATUS)
                .resolve(Map.of(Parameter.CREDIT_ID, "ccid:0001234:k-cme"));
        assertFalse(byName.query().isEmpty());
        assertFalse(byName.toString().contains("k-cme") || r.toString().contains("12"), "no value: " + byName);

        Endpoint status = ParsEndpoints.rest().endpoint(Operation.GET_LEARNER_STATUS);
        assertEquals(
                Map.of("CreditId", "ccid:0001234:k-cme"),
                status.resolve(Map.of(Parameter.CREDIT_ID, "ccid:0001234:k-cme"))
                        .query());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> status.resolve(Map.of(Parameter.NPI, "1234567893")));
        assertFalse(e.getMessage().contains("1234567893"), "messages never carry values");
        assertThrows(IllegalArgumentException.class, () -> records.resolve(Map.of()), "a path parameter is missing");
    }

    @Test
    void presetsAndCorrections() {
        assertEquals(ParsEndpoints.wcf(), ParsEndpoints.defaults());
        assertEquals(Generation.REST, ParsEndpoints.of(Generation.REST).generation());
        assertEquals(
                Set.of(201, 200),
                ParsEndpoints.rest().endpoint(Operation.SAVE_LEARNER_ACTIVITY).successStatuses());
        assertTrue(ParsEndpoints.wcf().endpoint(Operation.GET_ACTIVITY).isSuccess(204), "no list: any 2xx");
        assertFalse(
                ParsEndpoints.rest().endpoint(Operation.DELETE_LEARNER_ACTIVITY).isSuccess(200));
        ParsEndpoints corrected = ParsEndpoints.rest().toBuilder()
                .endpoint(
                        Operation.GET_LEARNER_STATUS,
                        Endpoint.of(
                                "GET",
                                "/learner-activities/status-by-credit",
                                Map.of(Parameter.CREDIT_ID, "CreditID"),
                                Set.of(200)))
                .remove(Operation.GET_LEARNER_TRANSCRIPT_PDF)
                .build();
        assertEquals(
                "learner-activities/status-by-credit",
                corrected.endpoint(Operation.GET_LEARNER_STATUS).pathTemplate());
        assertFalse(corrected.supports(Operation.GET_LEARNER_TRANSCRIPT_PDF));
        assertThrows(
                UnsupportedOperationException.class, () -> corrected.endpoint(Operation.GET_LEARNER_TRANSCRIPT_PDF));
        assertTrue(ParsEndpoints.rest().supports(Operation.GET_LEARNER_TRANSCRIPT_PDF), "presets are immutable");
        assertThrows(IllegalArgumentException.class, () -> Endpoint.of("GET", "x", Map.of(), Set.of(302)));
    }
}
