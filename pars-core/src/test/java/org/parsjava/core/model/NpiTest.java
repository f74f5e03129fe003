/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpiTest {

    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1245319599", "1003000126", "1558598797", "1000000004", "2000000002"})
    void acceptsValidNpis(String npi) {
        assertTrue(Npi.isValid(npi));
        assertNull(Npi.check(npi));
        assertEquals(npi, Npi.of(npi).value());
    }

    @ParameterizedTest
    @CsvSource({
        "1234567890, CHECK_DIGIT",
        "1558589797, CHECK_DIGIT",
        "0000000000, CHECK_DIGIT",
        "123456789, LENGTH",
        "12345678901, LENGTH",
        "12345678A3, NOT_DIGITS"
    })
    void rejectsInvalidNpisWithTheRuleBroken(String npi, Npi.Problem problem) {
        assertFalse(Npi.isValid(npi));
        assertEquals(problem, Npi.check(npi));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npi.of(npi));
        assertTrue(e.getMessage().contains(problem.rule()), e.getMessage());
        assertFalse(e.getMessage().contains(npi), "message must not echo the NPI");
    }

    @Test
    void checkDigitMatchesHandComputation() {
        // 123456789: from the right, doubled digits 9,7,5,3,1 -> 18->9, 14->5, 10->1, 6, 2 = 23;
        // undoubled 8,6,4,2 = 20; plus 24 for the 80840 prefix = 67; (10 - 7) % 10 = 3.
        assertEquals(3, Npi.checkDigit("123456789"));
        // 000000000: only the prefix contributes 24 -> check digit 6? (10 - 4) % 10 = 6.
        assertEquals(6, Npi.checkDigit("000000000"));
        assertTrue(Npi.isValid("0000000006"));
    }

    @Test
    void ignoresSurroundingAndInnerSpacesAndHyphens() {
        assertEquals("1234567893", Npi.of(" 1234567893 ").value());
        assertEquals("1234567893", Npi.of("1234-567-893").value());
        assertEquals("1234567893", Npi.of("12345 67893").value());
    }

    @Test
    void isValidNeverThrows() {
        assertFalse(Npi.isValid(null));
        assertFalse(Npi.isValid(""));
        assertFalse(Npi.isValid("   "));
    }

    @Test
    void toStringShowsOnlyLastTwoDigits() {
        Npi npi = Npi.of("1234567893");
        assertEquals("Npi[********93]", npi.toString());
        assertEquals("********93", npi.masked());
    }

    @Test
    void flagsUnissuedPrefix() {
        assertTrue(Npi.of("1234567893").hasIssuedPrefix());
        assertFalse(Npi.of("0000000006").hasIssuedPrefix());
    }

    @Test
    void equalityByValue() {
        assertEquals(Npi.of("1234567893"), Npi.of(" 1234567893"));
        assertEquals(Npi.of("1234567893").hashCode(), Npi.of("1234567893").hashCode());
    }
}
