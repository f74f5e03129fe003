/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.testing.Fixtures;

class DeadlineRulesTest {

    private static final DeadlineRules RULES = DeadlineRules.defaults();

    private static LearnerCompletion cmeOnly(LocalDate done) {
        return Fixtures.completion().toBuilder()
                .clearMocCredits()
                .completionDate(done)
                .build();
    }

    @Test
    void cmeIsDueThirtyDaysAfterCompletion() {
        assertEquals(
                new Deadline(LocalDate.of(2026, 3, 29), DeadlineRules.Rule.CME_PASSPORT),
                RULES.dueDate(cmeOnly(LocalDate.of(2026, 2, 27))));
    }

    @Test
    void absIsDueThirtyDaysAfterCompletionAndAConfiguredShorterLimitWins() {
        LearnerCompletion abs = Fixtures.completion().toBuilder()
                .clearMocCredits()
                .clearCmeCredits()
                .mocCredit(MocCreditType.ABS_ACCREDITED_CME, "1")
                .completionDate(LocalDate.of(2026, 2, 27))
                .build();
        assertEquals(
                new Deadline(LocalDate.of(2026, 3, 29), DeadlineRules.Rule.CME_PASSPORT),
                RULES.dueDate(abs),
                "a tie keeps the first rule");
        assertEquals(
                new Deadline(LocalDate.of(2026, 3, 19), DeadlineRules.Rule.ABS),
                DeadlineRules.builder().absDays(20).build().dueDate(abs));
    }

    @Test
    void boardPointsAreDueByTheBoardsYearEndWhenThatComesFirst() {
        LearnerCompletion abim = Fixtures.completion().toBuilder()
                .completionDate(LocalDate.of(2026, 12, 20))
                .activity(Fixtures.activity().toBuilder()
                        .startDate(LocalDate.of(2026, 1, 1))
                        .build())
                .build();
        assertEquals(new Deadline(LocalDate.of(2026, 12, 31), DeadlineRules.Rule.BOARD_YEAR_END), RULES.dueDate(abim));
        LearnerCompletion abp = abim.toBuilder()
                .clearMocCredits()
                .mocCredit(MocCreditType.ABP_LIFELONG_LEARNING, "1")
                .completionDate(LocalDate.of(2026, 11, 25))
                .build();
        assertEquals(new Deadline(LocalDate.of(2026, 12, 1), DeadlineRules.Rule.BOARD_YEAR_END), RULES.dueDate(abp));
        // After ABP's 1 December, the points count for the next year.
        LearnerCompletion lateAbp =
                abp.toBuilder().completionDate(LocalDate.of(2026, 12, 10)).build();
        assertEquals(new Deadline(LocalDate.of(2027, 1, 9), DeadlineRules.Rule.CME_PASSPORT), RULES.dueDate(lateAbp));
    }

    @Test
    void theActivitysMocClaimDateWinsWhenEarlier() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .completionDate(LocalDate.of(2026, 3, 1))
                .activity(Fixtures.activity().toBuilder()
                        .mocRegistration(MocRegistration.of(Board.ABIM, "1.5", MocCreditType.ABIM_MEDICAL_KNOWLEDGE)
                                .withCreditClaimDate(LocalDate.of(2026, 3, 15)))
                        .build())
                .build();
        assertEquals(new Deadline(LocalDate.of(2026, 3, 15), DeadlineRules.Rule.MOC_CLAIM_DATE), RULES.dueDate(c));
    }

    @Test
    void parsClosesTheYearOnThe31stOfMarchAfterIt() {
        DeadlineRules lenient = DeadlineRules.builder().cmePassportDays(366).build();
        assertEquals(
                new Deadline(LocalDate.of(2027, 3, 31), DeadlineRules.Rule.PARS_YEAR_CLOSE),
                lenient.dueDate(cmeOnly(LocalDate.of(2026, 6, 1))));
        assertEquals(
                new Deadline(LocalDate.of(2027, 2, 28), DeadlineRules.Rule.PARS_YEAR_CLOSE),
                DeadlineRules.builder()
                        .cmePassportDays(366)
                        .parsYearClose(MonthDay.of(2, 28))
                        .build()
                        .dueDate(cmeOnly(LocalDate.of(2026, 6, 1))));
    }
}
