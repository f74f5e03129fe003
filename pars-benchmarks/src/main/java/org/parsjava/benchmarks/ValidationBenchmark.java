/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.Npi;
import org.parsjava.core.validation.ParsValidator;

/**
 * ParsValidator over 100,000 completions (90% valid) against its floor: a hand-written loop
 * doing the same field checks with no report, no duplicate detection and no messages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidationBenchmark {

    /** Records per operation. */
    public static final int RECORDS = 100_000;

    private List<LearnerCompletion> completions;
    private ParsValidator validator;
    private LocalDate today;

    /** Builds the data once. */
    @Setup
    public void setUp() {
        completions = BenchData.completions(RECORDS, 42);
        validator = ParsValidator.builder().clock(BenchData.AS_OF).build();
        today = LocalDate.now(BenchData.AS_OF);
    }

    /** The SDK: every rule, per-record violations and cross-record checks. */
    @Benchmark
    public long parsValidator() {
        return validator.validate(completions).invalidRecordCount();
    }

    /** The floor: the same field checks in one loop. */
    @Benchmark
    public long handLoop() {
        long invalid = 0;
        for (LearnerCompletion c : completions) {
            if (!valid(c)) {
                invalid++;
            }
        }
        return invalid;
    }

    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private boolean valid(LearnerCompletion c) {
        Learner l = c.learner();
        if (!hasLetter(l.firstName()) || !hasLetter(l.lastName()) || !c.consent()) {
            return false;
        }
        if (l.npi().isEmpty() && l.license().isEmpty()) {
            return false;
        }
        if (l.npi().isPresent()) {
            String v = l.npi().get().value();
            if (Npi.checkDigit(v.subSequence(0, 9)) != v.charAt(9) - '0') {
                return false;
            }
        }
        if (l.license().isPresent() && l.license().get().jurisdiction() == null) {
            return false;
        }
        int m = l.birthDate().getMonthValue();
        if (l.birthDate().getDayOfMonth() > java.time.Month.of(m).maxLength()) {
            return false;
        }
        Activity a = c.activity();
        LocalDate d = c.completionDate();
        if (d.isAfter(today) || d.isBefore(a.startDate())) {
            return false;
        }
        if (c.cmeCredits().isPresent()) {
            BigDecimal cr = c.cmeCredits().get();
            if (cr.signum() <= 0
                    || cr.multiply(FOUR).stripTrailingZeros().scale() > 0
                    || cr.compareTo(a.maxCmeCredits()) > 0) {
                return false;
            }
        }
        for (MocCredit mc : c.mocCredits()) {
            if (!a.mocRegistrations().containsKey(mc.board()) || !l.boardIds().containsKey(mc.board())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
