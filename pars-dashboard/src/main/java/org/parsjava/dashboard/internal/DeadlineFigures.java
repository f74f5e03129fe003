/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.parsjava.ledger.ReportingLedger;

/**
 * The overview's deadline figures, counted together: entries overdue on {@code today}, and open
 * entries due on each day of the {@link #DAYS_AHEAD} from {@code today}.
 *
 * @param today the day they were counted on (the dashboard clock's)
 * @param overdue entries past their deadline and not yet settled
 * @param ahead open entries by due date, from today to {@link #DAYS_AHEAD} days ahead
 */
record DeadlineFigures(LocalDate today, long overdue, Map<LocalDate, Long> ahead) {

    /** The days the overview's deadlines look ahead, today included: eight weeks. */
    static final int DAYS_AHEAD = 56;

    DeadlineFigures {
        ahead = Map.copyOf(ahead);
    }

    /** The figures of {@code ledger} today, by {@code clock}. */
    static DeadlineFigures count(ReportingLedger ledger, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        return new DeadlineFigures(
                today, ledger.countOverdue(), ledger.dueByDay(today, today.plusDays(DAYS_AHEAD - 1L)));
    }

    /** Open entries due from today to {@code days} days ahead, both included. */
    long dueWithin(int days) {
        return due(today, today.plusDays(days));
    }

    /** Entries due from {@code from} to {@code to}, both included. */
    private long due(LocalDate from, LocalDate to) {
        long n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            n += ahead.getOrDefault(d, 0L);
        }
        return n;
    }

    /** Open entries due in each of the eight weeks ahead (the first from today). */
    long[] weeks() {
        long[] weeks = new long[DAYS_AHEAD / 7];
        for (int w = 0; w < weeks.length; w++) {
            weeks[w] = due(today.plusDays(7L * w), today.plusDays(7L * w + 6));
        }
        return weeks;
    }
}
