/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.exception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parsjava.client.ParsEndpoints.Operation;

class ExceptionsTest {

    private static Set<String> permitted(Class<?> type) {
        return Arrays.stream(type.getPermittedSubclasses())
                .map(Class::getSimpleName)
                .collect(Collectors.toSet());
    }

    @Test
    void theHierarchyIsClosedSoACallerCanHandleEveryCase() {
        assertTrue(ParsException.class.isSealed());
        assertEquals(
                Set.of("ParsApiException", "ParsTransportException", "ParsValidationException"),
                permitted(ParsException.class));
        assertEquals(
                Set.of("ParsAuthenticationException", "ParsRateLimitException", "ParsServerException"),
                permitted(ParsApiException.class));
    }

    @Test
    void whetherTheRequestMayHaveReachedParsIsOnTheBaseType() {
        ParsException dropped = new ParsTransportException(Operation.SAVE_LEARNER_ACTIVITY, "dropped", true, null, 3);
        ParsException refused = new ParsTransportException(Operation.SAVE_LEARNER_ACTIVITY, "refused", false, null, 1);
        ParsException gateway = new ParsServerException(Operation.SAVE_ACTIVITY, 502, null, "", "bad gateway", 2);
        ParsException unavailable = new ParsServerException(Operation.SAVE_ACTIVITY, 503, null, "", "unavailable", 4);
        ParsException badRequest = new ParsApiException(Operation.SAVE_ACTIVITY, 400, "E1", "", "bad request", 1);
        assertTrue(dropped.outcomeUnknown());
        assertFalse(refused.outcomeUnknown());
        assertTrue(gateway.outcomeUnknown());
        assertFalse(unavailable.outcomeUnknown());
        assertFalse(badRequest.outcomeUnknown());
        assertEquals(3, dropped.attempts());
        assertEquals(4, unavailable.attempts());
        assertThrows(
                IllegalArgumentException.class,
                () -> new ParsApiException(Operation.SAVE_ACTIVITY, 400, null, "", "m", -1));
    }
}
