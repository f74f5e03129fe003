/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.parsjava.core.testing.Fixtures;

class ModelTest {

    @Test
    void unreadableDecimalsNameTheirField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Fixtures.completion().toBuilder().cmeCredits("1,5"));
        assertTrue(e.getMessage().startsWith("cmeCredits must be a decimal"), e.getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> Activity.builder().maxCmeCredits("two"))
                .getMessage()
                .startsWith("maxCmeCredits"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> MocCredit.of(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, ""))
                .getMessage()
                .startsWith("points"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MocRegistration.of(Board.ABIM, "x"))
                .getMessage()
                .startsWith("points"));
        assertEquals(
                new java.math.BigDecimal("1.25"),
                Fixtures.completion().toBuilder()
                        .cmeCredits(" 1.25 ")
                        .build()
                        .cmeCredits()
                        .orElseThrow());
    }

    @Test
    void learnerToStringMasksEveryPersonalField() {
        String s = Fixtures.learner().toString();
        assertFalse(s.contains("Jane"), s);
        assertFalse(s.contains("Sample"), s);
        assertFalse(s.contains("1234567893"), s);
        assertFalse(s.contains("A99999"), s);
        assertFalse(s.contains("02-29") || s.contains("--02-29") || s.contains("2/29"), s);
        assertTrue(s.contains("J. S."), s);
        assertTrue(s.contains("********93"), s);
        assertTrue(s.contains("CA ****99"), s);
    }

    @Test
    void completionToStringMasksTheLearner() {
        String s = Fixtures.completion().toString();
        assertFalse(s.contains("Jane") || s.contains("Sample") || s.contains("1234567893"), s);
        assertTrue(s.contains("lms-88231"), s);
    }

    @Test
    void stateLicenseToStringMasksTheNumber() {
        assertEquals(
                "StateLicense[NY *****45]",
                StateLicense.of(LicensingJurisdiction.NY, " ab12345 ").toString());
        assertEquals(
                "AB12345",
                StateLicense.of(LicensingJurisdiction.NY, " ab12345 ").number());
    }

    @Test
    void birthDateFeb29IsAcceptedAndFeb30IsNot() {
        assertEquals(
                MonthDay.of(2, 29),
                Learner.builder()
                        .birthDate(2, 29)
                        .firstName("A")
                        .lastName("B")
                        .npi(Fixtures.NPI)
                        .build()
                        .birthDate());
        IllegalArgumentException feb30 = assertThrows(
                IllegalArgumentException.class, () -> Learner.builder().birthDate(2, 30));
        assertTrue(
                feb30.getMessage().startsWith("birthDate")
                        && !feb30.getMessage().contains("30"),
                feb30.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Learner.builder().birthDate(13, 1));
    }

    @Test
    void namesAreTrimmedAndInnerWhitespaceCollapsed() {
        Learner l = Learner.builder()
                .firstName("  Mary   Ann ")
                .lastName("de\tla  Cruz")
                .birthDate(1, 2)
                .npi(Fixtures.NPI)
                .build();
        assertEquals("Mary Ann", l.firstName());
        assertEquals("de la Cruz", l.lastName());
    }

    @Test
    void buildersNameTheMissingField() {
        NullPointerException e = assertThrows(
                NullPointerException.class,
                () -> Learner.builder().firstName("A").lastName("B").build());
        assertEquals("birthDate", e.getMessage());
        NullPointerException e2 = assertThrows(
                NullPointerException.class,
                () -> LearnerCompletion.builder().completionKey("k").build());
        assertEquals("activity", e2.getMessage());
        assertThrows(NullPointerException.class, () -> Learner.builder().firstName(null));
    }

    @Test
    void collectionsAreImmutable() {
        LearnerCompletion c = Fixtures.completion();
        assertThrows(UnsupportedOperationException.class, () -> c.mocCredits().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> c.learner().boardIds().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> c.activity().mocRegistrations().clear());
    }

    @Test
    void valueEqualityAndToBuilderRoundTrip() {
        LearnerCompletion c = Fixtures.completion();
        assertEquals(c, c.toBuilder().build());
        assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
        assertNotEquals(
                c, c.toBuilder().completionDate(LocalDate.of(2026, 2, 28)).build());
        assertEquals(
                Fixtures.activity(),
                Fixtures.activity().toBuilder().maxCmeCredits("1.50").build());
    }

    @Test
    void mocRegistrationRefusesAnotherBoardsCreditType() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> MocRegistration.of(Board.ABIM, "1", MocCreditType.ABS_ACCREDITED_CME));
        assertTrue(e.getMessage().contains("ABS"), e.getMessage());
    }

    @Test
    void boardAndActivityTypeParse() {
        assertEquals(Board.ABPATH, Board.parse("abpath").orElseThrow());
        assertEquals(ActivityType.COMMITTEE_LEARNING, ActivityType.parse("cml").orElseThrow());
        assertTrue(ActivityType.parse("CL").isEmpty());
        assertTrue(ActivityType.OTHER.legacyCode().isEmpty());
        for (MocCreditType t : MocCreditType.values()) {
            assertTrue(t.name().startsWith(t.board().name() + "_"), t.name());
        }
    }
}
