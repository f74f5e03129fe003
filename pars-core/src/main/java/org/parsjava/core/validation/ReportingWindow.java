/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * Which completion years PARS accepts on a given day (docs/pars-reference.md 5.5, where sources
 * disagree, so the rule is a policy object rather than code).
 *
 * <p>The default accepts completions from the current and the previous calendar year and
 * flags previous-year completions reported after 31 March as at risk, because the legacy
 * ACCME rule closed the year then, while a 2025 provider report says it stays open.
 */
public final class ReportingWindow {

    /** Where a completion date falls. */
    public enum Verdict {
        /** Inside the window. */
        INSIDE,
        /** Accepted by the current reading of the rules, refused by the legacy one. */
        AT_RISK,
        /** Outside the window: PARS will refuse it. */
        OUTSIDE
    }

    private static final ReportingWindow DEFAULT = new ReportingWindow(1, MonthDay.of(3, 31));

    private final int previousYears;
    private final MonthDay atRiskAfter;

    private ReportingWindow(int previousYears, MonthDay atRiskAfter) {
        this.previousYears = previousYears;
        this.atRiskAfter = atRiskAfter;
    }

    /** Current year and the one before; previous-year completions at risk after 31 March. */
    public static ReportingWindow defaults() {
        return DEFAULT;
    }

    /**
     * A window accepting the current year and {@code previousYears} before it; completions from
     * the oldest accepted year are at risk after {@code atRiskAfter} of the current year.
     */
    public static ReportingWindow of(int previousYears, MonthDay atRiskAfter) {
        if (previousYears < 0) {
            throw new IllegalArgumentException("previousYears must not be negative");
        }
        return new ReportingWindow(previousYears, Objects.requireNonNull(atRiskAfter, "atRiskAfter"));
    }

    /** Judges {@code completionDate} as of {@code today}. */
    public Verdict check(LocalDate completionDate, LocalDate today) {
        int age = today.getYear() - completionDate.getYear();
        if (age < 0 || age > previousYears) {
            return age < 0 ? Verdict.INSIDE : Verdict.OUTSIDE;
        }
        if (age > 0 && age == previousYears && MonthDay.from(today).isAfter(atRiskAfter)) {
            return Verdict.AT_RISK;
        }
        return Verdict.INSIDE;
    }

    @Override
    public String toString() {
        return "ReportingWindow[previousYears=" + previousYears + ", atRiskAfter=" + atRiskAfter + "]";
    }
}
