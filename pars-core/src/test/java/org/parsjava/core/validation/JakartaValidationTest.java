/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.core.validation.constraints.BirthMonthDay;
import org.parsjava.core.validation.constraints.Jurisdiction;
import org.parsjava.core.validation.constraints.LicenseNumber;
import org.parsjava.core.validation.constraints.ValidNpi;

class JakartaValidationTest {

    private static final ValidatorFactory FACTORY = JakartaValidation.newValidatorFactory(Fixtures.CLOCK);
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static <T> Set<ViolationCode> codes(Set<ConstraintViolation<T>> violations) {
        return violations.stream()
                .map(v -> JakartaValidation.codeOf(v).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ViolationCode.class)));
    }

    /** A host application's own form, using the string-level constraints. */
    record SignUpForm(
            @ValidNpi String npi,
            @BirthMonthDay String birthDate,
            @Jurisdiction String state,
            @LicenseNumber String license) {}

    @Test
    void bootstrapsWithoutAnExpressionLanguageImplementation() {
        assertTrue(VALIDATOR.validate(Fixtures.completion()).isEmpty());
    }

    @Test
    void reportsTheSameCodesAsParsValidator() {
        LearnerCompletion bad = Fixtures.completion().toBuilder()
                .consent(false)
                .cmeCredits("1.1")
                .completionDate(LocalDate.of(2026, 7, 1))
                .completionKey("bad key")
                .mocCredit(MocCreditType.ABP_LIFELONG_LEARNING, "1")
                .learner(Fixtures.learner().toBuilder().firstName("--").build())
                .build();
        Set<ViolationCode> jakarta = codes(VALIDATOR.validate(bad));
        Set<ViolationCode> fast =
                ParsValidator.builder().clock(Fixtures.CLOCK).build().validate(bad).violations().stream()
                        .map(Violation::code)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ViolationCode.class)));
        assertEquals(fast, jakarta);
        assertTrue(
                jakarta.containsAll(Set.of(
                        ViolationCode.CONSENT_MISSING,
                        ViolationCode.CREDITS_NOT_QUARTER_STEP,
                        ViolationCode.COMPLETION_DATE_IN_FUTURE,
                        ViolationCode.COMPLETION_KEY_INVALID,
                        ViolationCode.MOC_BOARD_NOT_REGISTERED,
                        ViolationCode.NAME_INVALID)),
                jakarta.toString());
    }

    @Test
    void violationPathsNameTheField() {
        LearnerCompletion bad = Fixtures.completion().toBuilder()
                .consent(false)
                .learner(Fixtures.learner().toBuilder().lastName(" ").build())
                .build();
        Set<String> paths = VALIDATOR.validate(bad).stream()
                .map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toSet());
        assertEquals(Set.of("consent", "learner.lastName"), paths);
    }

    @Test
    void stringConstraintsCheckHostForms() {
        SignUpForm good = new SignUpForm(" 1234567893 ", "2/29", "california", "A99999");
        assertTrue(VALIDATOR.validate(good).isEmpty());
        SignUpForm bad = new SignUpForm("1234567890", "02/30", "UM", "??");
        Set<ConstraintViolation<SignUpForm>> v = VALIDATOR.validate(bad);
        assertEquals(
                EnumSet.of(
                        ViolationCode.NPI_CHECK_DIGIT,
                        ViolationCode.BIRTH_DATE_INVALID,
                        ViolationCode.JURISDICTION_UNKNOWN,
                        ViolationCode.LICENSE_NUMBER_INVALID),
                codes(v));
        for (ConstraintViolation<SignUpForm> c : v) {
            assertFalse(c.getMessage().contains("1234567890"), c.getMessage());
            assertFalse(c.getMessage().contains("{"), c.getMessage());
        }
    }
}
