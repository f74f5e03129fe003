/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityStatus;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Profession;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.testing.Fixtures;

class ParsValidatorTest {

    private static final ParsValidator VALIDATOR =
            ParsValidator.builder().clock(Fixtures.CLOCK).build();

    private static Set<ViolationCode> codes(ValidationReport r) {
        return r.violations().stream()
                .map(Violation::code)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ViolationCode.class)));
    }

    private static Set<ViolationCode> codes(LearnerCompletion c) {
        return codes(VALIDATOR.validate(c));
    }

    private static Set<ViolationCode> codes(Parsed<?> p) {
        return p.code().map(EnumSet::of).orElse(EnumSet.noneOf(ViolationCode.class));
    }

    private static LearnerCompletion.Builder base() {
        return Fixtures.completion().toBuilder();
    }

    private static Learner.Builder learner() {
        return Fixtures.learner().toBuilder();
    }

    private static LearnerCompletion withLearner(Learner l) {
        return base().learner(l).build();
    }

    private static LearnerCompletion withActivity(Activity a) {
        return base().activity(a).build();
    }

    private static LearnerCompletion onDate(int y, int m, int d) {
        return base().completionDate(LocalDate.of(y, m, d)).build();
    }

    private static Activity.Builder activity() {
        return Fixtures.activity().toBuilder();
    }

    private static LearnerCompletion withMoc(MocCreditType type, String points) {
        return LearnerCompletion.builder()
                .completionKey("k1")
                .activity(Fixtures.activity())
                .learner(Fixtures.learner())
                .completionDate(LocalDate.of(2026, 2, 27))
                .consent(true)
                .mocCredit(type, points)
                .build();
    }

    /**
     * A completion with only MOC credit for {@code board}: {@code points} of each type, for an
     * activity registered with the board for those types, by a learner with the board's ID.
     */
    private static LearnerCompletion boardCompletion(Board board, String points, MocCreditType... types) {
        Activity a = activity()
                .mocRegistration(MocRegistration.of(board, "10", types))
                .build();
        LearnerCompletion.Builder c = LearnerCompletion.builder()
                .completionKey("k1")
                .activity(a)
                .learner(learner().boardId(board, "123456").build())
                .completionDate(LocalDate.of(2026, 2, 27))
                .consent(true);
        for (MocCreditType t : types) {
            c.mocCredit(t, points);
        }
        return c.build();
    }

    private static Learner noIdentity() {
        return Learner.builder()
                .firstName("Jane")
                .lastName("Sample")
                .birthDate(2, 29)
                .build();
    }

    /** One way to reach every code. */
    static Stream<Arguments> everyCode() {
        Activity absHeavy = activity()
                .mocRegistration(MocRegistration.of(
                        Board.ABS, "20", MocCreditType.ABS_ACCREDITED_CME, MocCreditType.ABS_SELF_ASSESSMENT))
                .maxCmeCredits("20")
                .build();
        List<Object[]> cases = List.of(
                new Object[] {
                    ViolationCode.NAME_MISSING,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(withLearner(learner().firstName("   ").build()))
                },
                new Object[] {
                    ViolationCode.NAME_INVALID,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(withLearner(learner().lastName("--").build()))
                },
                new Object[] {
                    ViolationCode.NAME_TOO_LONG,
                    (Supplier<Set<ViolationCode>>) () -> codes(
                            withLearner(learner().lastName("a".repeat(101)).build()))
                },
                new Object[] {
                    ViolationCode.BIRTH_DATE_MISSING,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseBirthDate(" "))
                },
                new Object[] {
                    ViolationCode.BIRTH_DATE_INVALID,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseBirthDate("02/30"))
                },
                new Object[] {
                    ViolationCode.NPI_FORMAT, (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseNpi("123"))
                },
                new Object[] {
                    ViolationCode.NPI_CHECK_DIGIT,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseNpi("1234567890"))
                },
                new Object[] {
                    ViolationCode.NPI_UNUSUAL_PREFIX,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(withLearner(learner().npi("0000000006").build()))
                },
                new Object[] {
                    ViolationCode.JURISDICTION_UNKNOWN,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseJurisdiction("UM"))
                },
                new Object[] {
                    ViolationCode.LICENSE_STATE_MISSING,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseLicense("", "A123"))
                },
                new Object[] {
                    ViolationCode.LICENSE_NUMBER_INVALID,
                    (Supplier<Set<ViolationCode>>) () -> codes(withLearner(
                            learner().license(LicensingJurisdiction.CA, "???").build()))
                },
                new Object[] {
                    ViolationCode.IDENTITY_MISSING,
                    (Supplier<Set<ViolationCode>>) () ->
                            codes(base().learner(noIdentity()).clearMocCredits().build())
                },
                new Object[] {
                    ViolationCode.BOARD_UNKNOWN, (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseBoard("ABX"))
                },
                new Object[] {
                    ViolationCode.BOARD_ID_INVALID,
                    (Supplier<Set<ViolationCode>>) () -> codes(
                            withLearner(learner().boardId(Board.ABIM, "12 34!").build()))
                },
                new Object[] {
                    ViolationCode.BOARD_ID_MISSING,
                    (Supplier<Set<ViolationCode>>) () -> codes(withLearner(Learner.builder()
                            .firstName("J")
                            .lastName("S")
                            .birthDate(1, 1)
                            .npi(Fixtures.NPI)
                            .build()))
                },
                new Object[] {
                    ViolationCode.BOARD_ID_ADVISED,
                    (Supplier<Set<ViolationCode>>) () -> codes(withMoc(MocCreditType.ABS_ACCREDITED_CME, "1"))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_ID_MISSING,
                    (Supplier<Set<ViolationCode>>) () -> codes(withActivity(Activity.builder()
                            .providerId("0001234")
                            .providerActivityId("X")
                            .title("T")
                            .type(ActivityType.COURSE)
                            .startDate(LocalDate.of(2026, 1, 1))
                            .endDate(LocalDate.of(2026, 12, 31))
                            .maxCmeCredits("2")
                            .build()))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_ID_INVALID,
                    (Supplier<Set<ViolationCode>>) () -> codes(
                            withActivity(activity().accmeActivityId("12345").build()))
                },
                new Object[] {
                    ViolationCode.PROVIDER_ID_INVALID,
                    (Supplier<Set<ViolationCode>>) () ->
                            codes(withActivity(activity().providerId("1234").build()))
                },
                new Object[] {
                    ViolationCode.PROVIDER_ACTIVITY_ID_INVALID,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.validateActivity(
                            activity().providerActivityId(" ").build()))
                },
                new Object[] {
                    ViolationCode.TITLE_INVALID,
                    (Supplier<Set<ViolationCode>>) () -> codes(
                            VALIDATOR.validateActivity(activity().title("").build()))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_DATES_INVERTED,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.validateActivity(
                            activity().endDate(LocalDate.of(2025, 1, 1)).build()))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_DESCRIPTION_MISSING,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.validateActivity(
                            activity().description("").build()))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_DESCRIPTION_TOO_LONG,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.validateActivity(
                            activity().description("x".repeat(2501)).build()))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_SPONSORSHIP_MISSING,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.validateActivity(Activity.builder()
                            .providerId("0001234")
                            .providerActivityId("X")
                            .title("T")
                            .description("D")
                            .type(ActivityType.COURSE)
                            .startDate(LocalDate.of(2026, 1, 1))
                            .endDate(LocalDate.of(2026, 12, 31))
                            .maxCmeCredits("2")
                            .build()))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_PROTECTED_FIELD_CHANGED,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.validateActivityUpdate(
                            Fixtures.activity(),
                            activity().type(ActivityType.COURSE).build()))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_UNKNOWN,
                    (Supplier<Set<ViolationCode>>) () -> org.parsjava.core.batch.RosterReaderTest.codes(
                            org.parsjava.core.batch.RosterReaderTest.read(
                                            org.parsjava.core.batch.RosterReaderTest.HEADER
                                                    + "k,999999999,A,B,1/1,1245319599,,,,2026-02-01,1,,yes\n")
                                    .get(0))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_LOOKUP_FAILED,
                    (Supplier<Set<ViolationCode>>) () -> org.parsjava.core.batch.RosterReaderTest.codes(
                            org.parsjava.core.batch.RosterReaderTest.readWithFailingLookup(
                                            org.parsjava.core.batch.RosterReaderTest.HEADER
                                                    + "k,201234567,A,B,1/1,1245319599,,,,2026-02-01,1,,yes\n")
                                    .get(0))
                },
                new Object[] {
                    ViolationCode.ROW_MALFORMED,
                    (Supplier<Set<ViolationCode>>) () -> org.parsjava.core.batch.RosterReaderTest.codes(
                            org.parsjava.core.batch.RosterReaderTest.read(
                                            org.parsjava.core.batch.RosterReaderTest.HEADER + "k,201234567\n")
                                    .get(0))
                },
                new Object[] {
                    ViolationCode.ROW_ENCODING,
                    (Supplier<Set<ViolationCode>>) () -> org.parsjava.core.batch.RosterReaderTest.codes(
                            org.parsjava.core.batch.RosterReaderTest.readBytes(
                                            (org.parsjava.core.batch.RosterReaderTest.HEADER
                                                            + "k,201234567,Jos\u00e9,B,1/1,1245319599,,,,2026-02-01,1,,yes\n")
                                                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                                            java.nio.charset.StandardCharsets.UTF_8)
                                    .get(0))
                },
                new Object[] {
                    ViolationCode.MOC_CREDIT_TYPE_UNKNOWN,
                    (Supplier<Set<ViolationCode>>) () -> org.parsjava.core.batch.RosterReaderTest.codes(
                            org.parsjava.core.batch.RosterReaderTest.read(
                                            org.parsjava.core.batch.RosterReaderTest.HEADER
                                                    + "k,201234567,A,B,1/1,1245319599,,,,2026-02-01,1,XYZ=1,yes\n")
                                    .get(0))
                },
                new Object[] {
                    ViolationCode.ACTIVITY_NOT_ACTIVE,
                    (Supplier<Set<ViolationCode>>) () -> codes(withActivity(
                            activity().status(ActivityStatus.CLOSED).build()))
                },
                new Object[] {
                    ViolationCode.COMPLETION_KEY_INVALID,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(base().completionKey("a b").build())
                },
                new Object[] {
                    ViolationCode.COMPLETION_KEY_DUPLICATE,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(VALIDATOR.validate(List.of(Fixtures.completion(), Fixtures.completion())))
                },
                new Object[] {
                    ViolationCode.COMPLETION_POSSIBLE_DUPLICATE,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.validate(List.of(
                            Fixtures.completion(), base().completionKey("other").build())))
                },
                new Object[] {
                    ViolationCode.CONSENT_MISSING,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(base().consent(false).build())
                },
                new Object[] {
                    ViolationCode.COMPLETION_DATE_INVALID,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseCompletionDate("2026-02-27T10:00"))
                },
                new Object[] {
                    ViolationCode.COMPLETION_DATE_IN_FUTURE,
                    (Supplier<Set<ViolationCode>>) () -> codes(onDate(2026, 6, 16))
                },
                new Object[] {
                    ViolationCode.COMPLETION_DATE_BEFORE_ACTIVITY,
                    (Supplier<Set<ViolationCode>>) () -> codes(onDate(2026, 1, 14))
                },
                new Object[] {
                    ViolationCode.COMPLETION_DATE_AFTER_ACTIVITY,
                    (Supplier<Set<ViolationCode>>) () -> codes(withActivity(activity()
                            .type(ActivityType.COURSE)
                            .endDate(LocalDate.of(2026, 1, 16))
                            .build()))
                },
                new Object[] {
                    ViolationCode.COMPLETION_DATE_OUTSIDE_REPORTING_WINDOW,
                    (Supplier<Set<ViolationCode>>) () -> codes(base().activity(activity()
                                    .startDate(LocalDate.of(2020, 1, 1))
                                    .build())
                            .completionDate(LocalDate.of(2024, 12, 31))
                            .build())
                },
                new Object[] {
                    ViolationCode.REPORTING_WINDOW_AT_RISK,
                    (Supplier<Set<ViolationCode>>) () -> codes(base().activity(activity()
                                    .startDate(LocalDate.of(2020, 1, 1))
                                    .build())
                            .completionDate(LocalDate.of(2025, 12, 31))
                            .build())
                },
                new Object[] {
                    ViolationCode.COMPLETION_DATE_BEFORE_BOARD_PROGRAM,
                    (Supplier<Set<ViolationCode>>) () ->
                            codes(withMoc(MocCreditType.ABS_ACCREDITED_CME, "1").toBuilder()
                                    .activity(activity()
                                            .startDate(LocalDate.of(2020, 1, 1))
                                            .build())
                                    .completionDate(LocalDate.of(2021, 2, 28))
                                    .build())
                },
                new Object[] {
                    ViolationCode.MOC_CLAIM_DEADLINE_PASSED,
                    (Supplier<Set<ViolationCode>>) () -> codes(withActivity(activity()
                            .mocRegistration(MocRegistration.of(Board.ABIM, "1.5", MocCreditType.ABIM_MEDICAL_KNOWLEDGE)
                                    .withCreditClaimDate(LocalDate.of(2026, 3, 31)))
                            .build()))
                },
                new Object[] {
                    ViolationCode.CREDITS_MISSING,
                    (Supplier<Set<ViolationCode>>) () -> codes(LearnerCompletion.builder()
                            .completionKey("k")
                            .activity(Fixtures.activity())
                            .learner(Fixtures.learner())
                            .completionDate(LocalDate.of(2026, 2, 27))
                            .consent(true)
                            .build())
                },
                new Object[] {
                    ViolationCode.CREDITS_INVALID,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseCredits("1,5"))
                },
                new Object[] {
                    ViolationCode.CREDITS_NOT_POSITIVE,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(base().cmeCredits("0").build())
                },
                new Object[] {
                    ViolationCode.CREDITS_NOT_QUARTER_STEP,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(base().cmeCredits("1.1").build())
                },
                new Object[] {
                    ViolationCode.CREDITS_ABOVE_MAXIMUM,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(base().cmeCredits("1.75").build())
                },
                new Object[] {
                    ViolationCode.CREDITS_ABOVE_DAILY_CAP,
                    (Supplier<Set<ViolationCode>>) () ->
                            codes(withMoc(MocCreditType.ABS_ACCREDITED_CME, "12.25").toBuilder()
                                    .activity(absHeavy)
                                    .learner(learner()
                                            .boardId(Board.ABS, "12345")
                                            .build())
                                    .build())
                },
                new Object[] {
                    ViolationCode.MOC_BOARD_NOT_REGISTERED,
                    (Supplier<Set<ViolationCode>>) () -> codes(withMoc(MocCreditType.ABP_LIFELONG_LEARNING, "1"))
                },
                new Object[] {
                    ViolationCode.MOC_CREDIT_TYPE_NOT_REGISTERED,
                    (Supplier<Set<ViolationCode>>) () -> codes(withMoc(MocCreditType.ABIM_PATIENT_SAFETY, "1"))
                },
                new Object[] {
                    ViolationCode.MOC_CREDIT_DUPLICATE,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(base().mocCredit(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, "0.25")
                                    .build())
                },
                new Object[] {
                    ViolationCode.PROFESSION_UNKNOWN,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.parseProfession("astronaut"))
                },
                new Object[] {
                    ViolationCode.MOC_PROFESSION_NOT_ELIGIBLE,
                    (Supplier<Set<ViolationCode>>) () -> codes(withLearner(
                            learner().profession(Profession.NURSE_PRACTITIONER).build()))
                },
                new Object[] {
                    ViolationCode.MOC_BOARD_NOT_YET_COLLABORATING,
                    (Supplier<Set<ViolationCode>>) () -> codes(VALIDATOR.validateActivity(activity()
                            .startDate(LocalDate.of(2024, 6, 1))
                            .mocRegistration(
                                    MocRegistration.of(Board.ABPMR, "2", MocCreditType.ABPMR_LIFELONG_LEARNING))
                            .build()))
                },
                new Object[] {
                    ViolationCode.MOC_CREDIT_TYPE_NOT_VALID_ON_DATE,
                    (Supplier<Set<ViolationCode>>)
                            () -> codes(boardCompletion(Board.ABPATH, "1", MocCreditType.ABPATH_SELF_ASSESSMENT))
                },
                new Object[] {
                    ViolationCode.MOC_CREDIT_TYPES_INCOMPATIBLE,
                    (Supplier<Set<ViolationCode>>) () -> codes(boardCompletion(
                            Board.ABO,
                            "1",
                            MocCreditType.ABO_IMPROVEMENT_IN_MEDICAL_PRACTICE,
                            MocCreditType.ABO_PATIENT_SAFETY))
                },
                new Object[] {
                    ViolationCode.MOC_PATIENT_SAFETY_SEPARATE,
                    (Supplier<Set<ViolationCode>>) () -> codes(boardCompletion(
                            Board.ABA, "1", MocCreditType.ABA_LIFELONG_LEARNING, MocCreditType.ABA_PATIENT_SAFETY))
                },
                new Object[] {
                    ViolationCode.MOC_ONE_RECORD_PER_DAY,
                    (Supplier<Set<ViolationCode>>) () -> {
                        LearnerCompletion first = boardCompletion(Board.ABA, "1", MocCreditType.ABA_LIFELONG_LEARNING);
                        return codes(VALIDATOR.validate(List.of(
                                first, first.toBuilder().completionKey("k2").build())));
                    }
                },
                new Object[] {
                    ViolationCode.MOC_CREDIT_NOT_UNIFORM,
                    (Supplier<Set<ViolationCode>>) () -> {
                        LearnerCompletion first = boardCompletion(Board.ABP, "1", MocCreditType.ABP_LIFELONG_LEARNING);
                        LearnerCompletion other =
                                boardCompletion(Board.ABP, "2", MocCreditType.ABP_LIFELONG_LEARNING).toBuilder()
                                        .completionKey("k2")
                                        .learner(learner()
                                                .npi("1245319599")
                                                .boardId(Board.ABP, "777777")
                                                .build())
                                        .build();
                        return codes(VALIDATOR.validate(List.of(first, other)));
                    }
                });
        return cases.stream().map(a -> Arguments.of(a[0], a[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCode")
    void reachesCode(ViolationCode expected, Supplier<Set<ViolationCode>> run) {
        Set<ViolationCode> found = run.get();
        assertTrue(found.contains(expected), "expected " + expected + " but got " + found);
    }

    @Test
    void boardRulesAllowWhatTheBoardsAllow() {
        LearnerCompletion abaCredit = boardCompletion(Board.ABA, "1", MocCreditType.ABA_LIFELONG_LEARNING);
        LearnerCompletion abaSafety = boardCompletion(Board.ABA, "1", MocCreditType.ABA_PATIENT_SAFETY).toBuilder()
                .completionKey("k2")
                .build();
        LearnerCompletion abaNextDay = abaCredit.toBuilder()
                .completionKey("k3")
                .completionDate(LocalDate.of(2026, 2, 28))
                .build();
        // Patient safety is a record of its own, and another day is another record (ABA, [N6]).
        assertTrue(VALIDATOR.validate(List.of(abaCredit, abaSafety, abaNextDay)).isValid());
        LearnerCompletion abp = boardCompletion(Board.ABP, "1", MocCreditType.ABP_LIFELONG_LEARNING);
        LearnerCompletion abpSame = abp.toBuilder()
                .completionKey("k2")
                .learner(
                        learner().npi("1245319599").boardId(Board.ABP, "777777").build())
                .build();
        assertTrue(VALIDATOR.validate(List.of(abp, abpSame)).isValid());
        // Variable credit is fine for ABIM ([N7]).
        LearnerCompletion abimOther = base().completionKey("k2")
                .learner(learner().npi("1245319599").build())
                .clearMocCredits()
                .mocCredit(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, "0.5")
                .build();
        assertTrue(VALIDATOR.validate(List.of(Fixtures.completion(), abimOther)).isValid());
        assertTrue(VALIDATOR
                .validate(boardCompletion(Board.ABO, "1", MocCreditType.ABO_PATIENT_SAFETY))
                .isValid());
        assertTrue(VALIDATOR
                .validate(withLearner(learner().profession(Profession.PHYSICIAN).build()))
                .isValid());
        // A nurse practitioner may still report CME credit.
        LearnerCompletion npCme = base().learner(
                        learner().profession(Profession.NURSE_PRACTITIONER).build())
                .clearMocCredits()
                .build();
        assertTrue(
                VALIDATOR.validate(npCme).isValid(), VALIDATOR.validate(npCme).toString());
        LearnerCompletion abpmr = boardCompletion(Board.ABPMR, "1", MocCreditType.ABPMR_LIFELONG_LEARNING);
        assertTrue(
                VALIDATOR.validate(abpmr).isValid(), VALIDATOR.validate(abpmr).toString());
    }

    @Test
    void aRejectedRecordDoesNotCountTowardTheCrossRecordBoardRules() {
        LearnerCompletion badFirst = boardCompletion(Board.ABP, "1", MocCreditType.ABP_LIFELONG_LEARNING).toBuilder()
                .consent(false)
                .build();
        LearnerCompletion second = boardCompletion(Board.ABP, "2", MocCreditType.ABP_LIFELONG_LEARNING).toBuilder()
                .completionKey("k2")
                .build();
        ValidationReport r = VALIDATOR.validate(List.of(badFirst, second));
        assertTrue(r.violationsFor(1).stream().noneMatch(Violation::isError), r.toString());
    }

    @Test
    void everyCodeHasACase() {
        Set<ViolationCode> covered = everyCode()
                .map(a -> (ViolationCode) a.get()[0])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ViolationCode.class)));
        assertEquals(EnumSet.allOf(ViolationCode.class), covered);
    }

    @Test
    void activityUpdateMayChangeTitleAndCreditsButNotIdentityOrDuration() {
        assertTrue(VALIDATOR
                .validateActivityUpdate(
                        Fixtures.activity(),
                        activity()
                                .title("Sepsis Update 2026")
                                .maxCmeCredits("2")
                                .build())
                .isValid());
        ValidationReport r = VALIDATOR.validateActivityUpdate(
                Fixtures.activity(),
                activity()
                        .endDate(LocalDate.of(2029, 1, 1))
                        .providerActivityId("OTHER")
                        .build());
        assertEquals(
                Set.of("endDate", "providerActivityId"),
                r.violations().stream().map(Violation::field).collect(Collectors.toSet()));
    }

    @Test
    void validCompletionHasNoViolations() {
        ValidationReport r = VALIDATOR.validate(Fixtures.completion());
        assertTrue(r.violations().isEmpty(), r.violations().toString());
        assertTrue(r.isValid());
        assertEquals(1, r.validRecordCount());
    }

    @Test
    void reportsEveryViolationOfARecordNotJustTheFirst() {
        LearnerCompletion bad = base().consent(false)
                .cmeCredits("1.1")
                .completionKey("bad key")
                .learner(learner().firstName("").build())
                .build();
        Set<ViolationCode> found = codes(bad);
        assertTrue(
                found.containsAll(Set.of(
                        ViolationCode.CONSENT_MISSING,
                        ViolationCode.CREDITS_NOT_QUARTER_STEP,
                        ViolationCode.COMPLETION_KEY_INVALID,
                        ViolationCode.NAME_MISSING)),
                found.toString());
    }

    @Test
    void batchReportsEveryBadRowAndCountsEveryGoodOne() {
        List<LearnerCompletion> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            LearnerCompletion.Builder b = base().completionKey("row-" + i)
                    .learner(learner()
                            .npi(i % 2 == 0 ? "1245319599" : "1003000126")
                            .firstName("P" + i)
                            .build());
            if (i == 3) {
                b.consent(false);
            }
            if (i == 7) {
                b.cmeCredits("9");
            }
            rows.add(b.build());
        }
        ValidationReport r = VALIDATOR.validate(rows);
        assertEquals(10, r.recordCount());
        assertEquals(2, r.invalidRecordCount());
        assertEquals(8, r.validRecordCount());
        assertTrue(r.hasErrors(3));
        assertTrue(r.hasErrors(7));
        assertEquals("row-3", r.violationsFor(3).get(0).recordKey());
        assertEquals("consent", r.violationsFor(3).get(0).field());
        assertEquals(
                ViolationCode.CREDITS_ABOVE_MAXIMUM, r.violationsFor(7).get(0).code());
        assertEquals("cmeCredits", r.violationsFor(7).get(0).field());
        assertFalse(r.hasErrors(0));
    }

    @Test
    void streamAndIterableGiveTheSameReport() {
        List<LearnerCompletion> rows = IntStream.range(0, 5)
                .mapToObj(i -> base().completionKey("k" + i)
                        .cmeCredits(i == 2 ? "0.3" : "1")
                        .build())
                .toList();
        ValidationReport a = VALIDATOR.validate(rows);
        ValidationReport b = VALIDATOR.validate(rows.stream());
        assertEquals(a.violations(), b.violations());
    }

    @Test
    void absDailyCapAddsUpAcrossRecordsOfTheSameLearnerAndDay() {
        Activity abs = activity()
                .maxCmeCredits("10")
                .mocRegistration(MocRegistration.of(Board.ABS, "10", MocCreditType.ABS_ACCREDITED_CME))
                .build();
        Learner surgeon = learner().boardId(Board.ABS, "55555").build();
        LearnerCompletion first = withMoc(MocCreditType.ABS_ACCREDITED_CME, "8").toBuilder()
                .activity(abs)
                .learner(surgeon)
                .completionKey("a")
                .build();
        Activity other = abs.toBuilder().accmeActivityId("201234568").build();
        LearnerCompletion second =
                first.toBuilder().activity(other).completionKey("b").build();
        ValidationReport r = VALIDATOR.validate(List.of(first, second));
        assertFalse(r.hasErrors(0));
        assertTrue(r.violationsFor(1).stream().anyMatch(v -> v.code() == ViolationCode.CREDITS_ABOVE_DAILY_CAP));
        // A record refused for another reason is never sent, so its credits do not count; nor do
        // those of a record refused by the cap itself.
        LearnerCompletion unconsented = first.toBuilder().consent(false).build();
        LearnerCompletion small = withMoc(MocCreditType.ABS_ACCREDITED_CME, "4").toBuilder()
                .activity(abs.toBuilder().accmeActivityId("201234569").build())
                .learner(surgeon)
                .completionKey("c")
                .build();
        ValidationReport s = VALIDATOR.validate(List.of(unconsented, second, small)); // 8 + 4: at the cap
        assertTrue(s.hasErrors(0));
        assertFalse(s.hasErrors(1), s.violationsFor(1).toString());
        assertFalse(s.hasErrors(2), s.violationsFor(2).toString());
        ValidationReport t = VALIDATOR.validate(List.of(first, second, small)); // 8, refused, 8 + 4
        assertTrue(t.hasErrors(1));
        assertFalse(t.hasErrors(2), t.violationsFor(2).toString());
    }

    @Test
    void absWithoutBoardIdIsOnlyAWarning() {
        Activity abs = activity()
                .mocRegistration(MocRegistration.of(Board.ABS, "1.5", MocCreditType.ABS_ACCREDITED_CME))
                .build();
        ValidationReport r = VALIDATOR.validate(withMoc(MocCreditType.ABS_ACCREDITED_CME, "1").toBuilder()
                .activity(abs)
                .build());
        assertTrue(r.isValid(), r.violations().toString());
        assertEquals(ViolationCode.BOARD_ID_ADVISED, r.warnings().get(0).code());
    }

    @Test
    void quarterStepsAreAcceptedAndOthersAreNot() {
        for (String ok : new String[] {"0.25", "0.5", "0.75", "1", "1.00", "1.250"}) {
            assertFalse(codes(base().cmeCredits(ok).build()).contains(ViolationCode.CREDITS_NOT_QUARTER_STEP), ok);
        }
        for (String bad : new String[] {"0.1", "0.2", "1.33", "0.125"}) {
            assertTrue(codes(base().cmeCredits(bad).build()).contains(ViolationCode.CREDITS_NOT_QUARTER_STEP), bad);
        }
    }

    @Test
    void reportingWindowIsDrivenByTheClock() {
        LearnerCompletion dec2025 = base().activity(
                        activity().startDate(LocalDate.of(2025, 1, 1)).build())
                .completionDate(LocalDate.of(2025, 12, 1))
                .build();
        ParsValidator inMarch = ParsValidator.builder()
                .clock(java.time.Clock.fixed(java.time.Instant.parse("2026-03-15T12:00:00Z"), java.time.ZoneOffset.UTC))
                .build();
        assertTrue(inMarch.validate(dec2025).violations().isEmpty());
        assertEquals(Set.of(ViolationCode.REPORTING_WINDOW_AT_RISK), codes(VALIDATOR.validate(dec2025)));
        ParsValidator strict = ParsValidator.builder()
                .clock(Fixtures.CLOCK)
                .reportingWindow(ReportingWindow.of(0, java.time.MonthDay.of(3, 31)))
                .build();
        assertEquals(Set.of(ViolationCode.COMPLETION_DATE_OUTSIDE_REPORTING_WINDOW), codes(strict.validate(dec2025)));
    }

    @Test
    void boardIdFormatsComeFromTheRulesCatalogue() {
        // ABIM IDs are six digits (docs/pars-reference.md 12 [N8]).
        LearnerCompletion fiveDigits =
                withLearner(learner().boardId(Board.ABIM, "12345").build());
        assertTrue(VALIDATOR.validate(Fixtures.completion()).isValid());
        assertEquals(Set.of(ViolationCode.BOARD_ID_INVALID), codes(VALIDATOR.validate(fiveDigits)));
        RulesCatalogue loose = RulesCatalogue.defaults().toBuilder()
                .board(RulesCatalogue.defaults().rules(Board.ABIM).orElseThrow().toBuilder()
                        .idFormat("[0-9]{5,6}")
                        .build())
                .build();
        ParsValidator looser =
                ParsValidator.builder().clock(Fixtures.CLOCK).rules(loose).build();
        assertTrue(looser.validate(fiveDigits).isValid());
    }

    @Test
    void messagesAndToStringsCarryNoPersonalData() {
        LearnerCompletion bad = base().consent(false)
                .cmeCredits("7")
                .completionKey("bad key!")
                .learner(learner()
                        .license(LicensingJurisdiction.CA, "A99999?")
                        .boardId(Board.ABIM, "9 9")
                        .build())
                .build();
        ValidationReport r = VALIDATOR.validate(List.of(bad, bad));
        assertFalse(r.violations().isEmpty());
        String all = r.violations().toString() + r;
        for (String pii : new String[] {"Jane", "Sample", Fixtures.NPI, "A99999", "9 9", "bad key!", "02-29", "2/29"}) {
            assertFalse(all.contains(pii), () -> "leaked " + pii + " in " + all);
        }
    }

    @Test
    void parsesMessyRosterValues() {
        assertEquals(
                java.time.MonthDay.of(2, 29), VALIDATOR.parseBirthDate("2/29").value());
        assertEquals(
                java.time.MonthDay.of(2, 29), VALIDATOR.parseBirthDate("02-29").value());
        assertEquals(
                java.time.MonthDay.of(2, 9), VALIDATOR.parseBirthDate(" 2/9 ").value());
        assertEquals(
                java.time.MonthDay.of(2, 29),
                VALIDATOR.parseBirthDate("--02-29").value());
        assertEquals(LicensingJurisdiction.CA, VALIDATOR.parseJurisdiction("ca").value());
        assertEquals(Fixtures.NPI, VALIDATOR.parseNpi(" 1234567893 ").value().value());
        assertEquals(
                LocalDate.of(2026, 2, 7),
                VALIDATOR.parseCompletionDate("2/7/2026").value());
        assertEquals(
                LocalDate.of(2026, 2, 7),
                VALIDATOR.parseCompletionDate("2026-02-07").value());
        assertEquals(
                new java.math.BigDecimal("1.50"),
                VALIDATOR.parseCredits(" 1.50 ").value());
        assertEquals(Board.ABPATH, VALIDATOR.parseBoard("ABPath").value());
    }

    @Test
    void refusesImpossibleBirthDatesWithAPreciseReason() {
        for (String bad : new String[] {"02/30", "04/31", "13/01", "00/10", "2-", "ab/cd", "1/2/3/4"}) {
            Parsed<java.time.MonthDay> p = VALIDATOR.parseBirthDate(bad);
            assertFalse(p.isOk(), bad);
            assertEquals(ViolationCode.BIRTH_DATE_INVALID, p.code().orElseThrow(), bad);
        }
        assertTrue(
                VALIDATOR.parseBirthDate("02/29/1980").message().orElseThrow().contains("year"));
        assertTrue(VALIDATOR.parseBirthDate("13/01").message().orElseThrow().contains("month"));
        assertEquals(
                "Parsed[BIRTH_DATE_INVALID]", VALIDATOR.parseBirthDate("02/30").toString());
    }

    @Test
    void refusesCompletionDatesWithATime() {
        for (String bad : new String[] {"2026-02-27T00:00:00", "2/27/2026 10:00", "2026-02-30", "27.02.26", ""}) {
            assertEquals(
                    ViolationCode.COMPLETION_DATE_INVALID,
                    VALIDATOR.parseCompletionDate(bad).code().orElseThrow(),
                    bad);
        }
    }

    @Test
    void parsedFailureTurnsIntoAViolationNamingRecordAndField() {
        Violation v = VALIDATOR.parseNpi("1234567890").toViolation(41, "row-41", "npi");
        assertEquals(41, v.recordIndex());
        assertEquals("npi", v.field());
        assertEquals(ViolationCode.NPI_CHECK_DIGIT, v.code());
        assertTrue(v.toString().startsWith("record 41 [row-41] npi NPI_CHECK_DIGIT"), v.toString());
        try {
            VALIDATOR.parseNpi("98765x4321").value();
            fail("value() of a failed parse must throw");
        } catch (java.util.NoSuchElementException expected) {
            assertTrue(expected.getMessage().startsWith("NPI_FORMAT: "), expected.getMessage());
            assertFalse(expected.getMessage().contains("98765"), expected.getMessage());
        }
    }

    @Test
    void aPresizedBatchFindsTheSameDuplicatesAndRefusesANegativeSize() {
        List<LearnerCompletion> twice = List.of(Fixtures.completion(), Fixtures.completion());
        Batch sized = VALIDATOR.newBatch(2);
        Batch plain = VALIDATOR.newBatch();
        for (LearnerCompletion c : twice) {
            assertEquals(plain.add(c), sized.add(c));
        }
        assertEquals(
                ViolationCode.COMPLETION_KEY_DUPLICATE,
                sized.report().errors().get(0).code());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VALIDATOR.newBatch(-1));
        assertTrue(e.getMessage().contains("expectedRecords"), e.getMessage());
    }
}
