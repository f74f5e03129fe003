/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.MocRegistration;

/**
 * The reporting deadlines of docs/pars-reference.md §7, each configurable: a completion's due date is
 * the earliest that applies to it.
 *
 * <ul>
 * <li>{@link Rule#CME_PASSPORT}: ACCME asks for learner data within 30 days of completion.</li>
 * <li>{@link Rule#ABS}: the American Board of Surgery requires a report within 30 days.</li>
 * <li>{@link Rule#BOARD_YEAR_END}: boards count MOC points for a year reported by 31 December;
 *     ABP (legacy guidance) by 1 December.</li>
 * <li>{@link Rule#MOC_CLAIM_DATE}: the activity's {@code CreditClaimDate} for a board.</li>
 * <li>{@link Rule#PARS_YEAR_CLOSE}: PARS closes a reporting year on 31 March of the next.</li>
 * </ul>
 * Immutable and thread safe.
 */
public final class DeadlineRules {

    /** The rules a deadline can come from. */
    public enum Rule {
        /** Days after completion for CME Passport (ACCME guidance). */
        CME_PASSPORT,
        /** Days after completion for ABS. */
        ABS,
        /** A board's year end for MOC points. */
        BOARD_YEAR_END,
        /** The activity's MOC claim date for a board. */
        MOC_CLAIM_DATE,
        /** PARS's reporting-year close. */
        PARS_YEAR_CLOSE
    }

    private final int cmePassportDays;
    private final int absDays;
    private final MonthDay boardYearEnd;
    private final MonthDay abpYearEnd;
    private final MonthDay parsYearClose;

    private DeadlineRules(Builder b) {
        this.cmePassportDays = b.cmePassportDays;
        this.absDays = b.absDays;
        this.boardYearEnd = b.boardYearEnd;
        this.abpYearEnd = b.abpYearEnd;
        this.parsYearClose = b.parsYearClose;
    }

    /** 30 days (CME Passport, ABS), 31 December (boards), 1 December (ABP), 31 March (PARS). */
    public static DeadlineRules defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The due date of {@code completion}: the earliest deadline that applies. */
    public Deadline dueDate(LearnerCompletion completion) {
        Objects.requireNonNull(completion, "completion");
        LocalDate done = completion.completionDate();
        Deadline due = new Deadline(done.plusDays(cmePassportDays), Rule.CME_PASSPORT);
        due = earlier(due, new Deadline(parsYearClose.atYear(done.getYear() + 1), Rule.PARS_YEAR_CLOSE));
        for (MocCredit credit : completion.mocCredits()) {
            Board board = credit.board();
            if (board.equals(Board.ABS)) {
                due = earlier(due, new Deadline(done.plusDays(absDays), Rule.ABS));
            } else {
                MonthDay end = board.equals(Board.ABP) ? abpYearEnd : boardYearEnd;
                LocalDate yearEnd = end.atYear(done.getYear());
                // A completion after the board's year end counts for the next year.
                due = earlier(
                        due,
                        new Deadline(
                                yearEnd.isBefore(done) ? end.atYear(done.getYear() + 1) : yearEnd,
                                Rule.BOARD_YEAR_END));
            }
            MocRegistration reg = completion.activity().mocRegistrations().get(board);
            if (reg != null && reg.creditClaimDate().isPresent()) {
                due = earlier(due, new Deadline(reg.creditClaimDate().get(), Rule.MOC_CLAIM_DATE));
            }
        }
        return due;
    }

    private static Deadline earlier(Deadline a, Deadline b) {
        return b.date().isBefore(a.date()) ? b : a;
    }

    @Override
    public String toString() {
        return "DeadlineRules[cmePassportDays=" + cmePassportDays + ", absDays=" + absDays + ", boardYearEnd="
                + boardYearEnd + ", abpYearEnd=" + abpYearEnd + ", parsYearClose=" + parsYearClose + "]";
    }

    /** Builds {@link DeadlineRules}; not thread safe. */
    public static final class Builder {
        private int cmePassportDays = 30;
        private int absDays = 30;
        private MonthDay boardYearEnd = MonthDay.of(12, 31);
        private MonthDay abpYearEnd = MonthDay.of(12, 1);
        private MonthDay parsYearClose = MonthDay.of(3, 31);

        private Builder() {}

        private static int days(int days, String name) {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException(name + " must be 1 to 366 days");
            }
            return days;
        }

        /** Days after completion for CME Passport (default 30). */
        public Builder cmePassportDays(int days) {
            this.cmePassportDays = days(days, "cmePassportDays");
            return this;
        }

        /** Days after completion for ABS (default 30). */
        public Builder absDays(int days) {
            this.absDays = days(days, "absDays");
            return this;
        }

        /** Boards' year end for MOC points (default 31 December). */
        public Builder boardYearEnd(MonthDay day) {
            this.boardYearEnd = Objects.requireNonNull(day, "day");
            return this;
        }

        /** ABP's year end (default 1 December, legacy guidance). */
        public Builder abpYearEnd(MonthDay day) {
            this.abpYearEnd = Objects.requireNonNull(day, "day");
            return this;
        }

        /** PARS's year close, in the year after completion (default 31 March). */
        public Builder parsYearClose(MonthDay day) {
            this.parsYearClose = Objects.requireNonNull(day, "day");
            return this;
        }

        /** Builds the rules. */
        public DeadlineRules build() {
            return new DeadlineRules(this);
        }
    }
}
