/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicensingJurisdictionTest {

    @ParameterizedTest
    @CsvSource({
        "ca, CA",
        "CA, CA",
        "' California ', CA",
        "california, CA",
        "new  york, NY",
        "New York, NY",
        "D.C., DC",
        "District of Columbia, DC",
        "Washington DC, DC",
        "pr, PR",
        "Puerto Rico, PR",
        "Virgin Islands, VI",
        "guam, GU",
        "American Samoa, AS",
        "Northern Mariana Islands, MP",
        "Washington, WA"
    })
    void parsesCodesAndNamesInAnyCase(String raw, LicensingJurisdiction expected) {
        assertEquals(Optional.of(expected), LicensingJurisdiction.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UM", "XX", "", "Ontario", "C A", "Calif"})
    void rejectsWhatPARSDoesNotLicense(String raw) {
        assertTrue(LicensingJurisdiction.parse(raw).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> LicensingJurisdiction.of(raw));
    }

    @Test
    void hasFiftyStatesDcAndFiveTerritories() {
        long states = java.util.Arrays.stream(LicensingJurisdiction.values())
                .filter(j -> j.kind() == LicensingJurisdiction.Kind.STATE)
                .count();
        long territories = java.util.Arrays.stream(LicensingJurisdiction.values())
                .filter(j -> j.kind() == LicensingJurisdiction.Kind.TERRITORY)
                .count();
        assertEquals(50, states);
        assertEquals(5, territories);
        assertEquals(56, LicensingJurisdiction.values().length);
    }
}
