/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.parsjava.ledger.EntryState;

/**
 * The charts: SVG drawn with presentation attributes only (no inline styles or scripts, so the
 * content security policy holds), each followed by a table of the same figures for those who
 * read rather than look, and for screen readers.
 */
final class Charts {

    /** States that mean PARS (or the board) took the record. */
    static final Set<EntryState> TAKEN =
            EnumSet.of(EntryState.ACCEPTED, EntryState.AWAITING_BOARD, EntryState.BOARD_ACCEPTED);
    /** States that need a person. */
    static final Set<EntryState> REFUSED =
            EnumSet.of(EntryState.INVALID, EntryState.REJECTED, EntryState.BOARD_REJECTED);

    private Charts() {}

    /** Open entries due in each coming week, as bars and a table. */
    static String deadlinesAhead(long[] weeks) {
        long max = 0;
        for (long n : weeks) {
            max = Math.max(max, n);
        }
        int barWidth = 60;
        StringBuilder b = new StringBuilder(
                "<figure><svg role=\"img\" aria-labelledby=\"ahead-title\" width=\"560\" height=\"170\" "
                        + "viewBox=\"0 0 560 170\"><title id=\"ahead-title\">Entries not yet with PARS, by the week "
                        + "they are due</title>");
        for (int w = 0; w < weeks.length; w++) {
            int h = max == 0 ? 0 : (int) Math.max(weeks[w] > 0 ? 2 : 0, 120 * weeks[w] / max);
            int x = w * (barWidth + 8) + 4;
            b.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(140 - h)
                    .append("\" width=\"")
                    .append(barWidth)
                    .append("\" height=\"")
                    .append(h)
                    .append("\" fill=\"")
                    .append(w == 0 ? "#ef6c00" : "#1565c0")
                    .append("\"></rect>");
            b.append("<text x=\"")
                    .append(x + 2)
                    .append("\" y=\"")
                    .append(Math.max(12, 136 - h))
                    .append("\" font-size=\"12\">")
                    .append(weeks[w])
                    .append("</text>");
            b.append("<text x=\"")
                    .append(x + 2)
                    .append("\" y=\"158\" font-size=\"12\">")
                    .append(w == 0 ? "this week" : "week " + (w + 1))
                    .append("</text>");
        }
        b.append("</svg><figcaption>Deadlines ahead: entries not yet with PARS, due in each of the next eight "
                + "weeks</figcaption></figure>");
        b.append("<table id=\"deadlines-ahead\"><caption>Due in the coming weeks (not yet with PARS)</caption>"
                + "<thead><tr><th scope=\"col\">Week</th><th scope=\"col\">Entries due</th></tr></thead><tbody>");
        for (int w = 0; w < weeks.length; w++) {
            b.append("<tr><th scope=\"row\">")
                    .append(w == 0 ? "this week (from today)" : "week " + (w + 1))
                    .append("</th><td>")
                    .append(weeks[w])
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /**
     * Per day: entries PARS took and entries refused (stacked bars), and a table with every state;
     * {@code zone} names the days' time zone (HTML-escaped).
     */
    static String volume(Map<LocalDate, Map<EntryState, Long>> byDay, LocalDate today, int days, String zone) {
        LocalDate first = today.minusDays(days - 1L);
        long max = 0;
        for (Map<EntryState, Long> day : byDay.values()) {
            max = Math.max(max, sum(day, TAKEN) + sum(day, REFUSED));
        }
        int step = Math.max(3, Math.min(24, 720 / days));
        int width = step * days + 10;
        StringBuilder b = new StringBuilder("<figure><svg role=\"img\" aria-labelledby=\"volume-title\" width=\"")
                .append(width)
                .append("\" height=\"170\" viewBox=\"0 0 ")
                .append(width)
                .append(" 170\"><title id=\"volume-title\">Entries PARS took (green) and entries refused (red), per "
                        + "day</title>");
        for (int i = 0; i < days; i++) {
            Map<EntryState, Long> day = byDay.getOrDefault(first.plusDays(i), Map.of());
            long taken = sum(day, TAKEN);
            long refused = sum(day, REFUSED);
            int ht = max == 0 ? 0 : (int) (140 * taken / max);
            int hr = max == 0 ? 0 : (int) (140 * refused / max);
            int x = 5 + i * step;
            b.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(150 - ht)
                    .append("\" width=\"")
                    .append(step - 1)
                    .append("\" height=\"")
                    .append(ht)
                    .append("\" fill=\"#2e7d32\"></rect>");
            b.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(150 - ht - hr)
                    .append("\" width=\"")
                    .append(step - 1)
                    .append("\" height=\"")
                    .append(hr)
                    .append("\" fill=\"#c62828\"></rect>");
        }
        b.append("<text x=\"5\" y=\"166\" font-size=\"12\">")
                .append(first)
                .append("</text>")
                .append("<text x=\"")
                .append(Math.max(90, width - 75))
                .append("\" y=\"166\" font-size=\"12\">")
                .append(today)
                .append("</text>");
        b.append("</svg><figcaption>Reporting volume: entries PARS took and entries refused, per day</figcaption>"
                + "</figure>");
        b.append("<table id=\"volume\"><caption>Changes of state per day (days with none left out)</caption>"
                + "<thead><tr><th scope=\"col\">Day (" + zone + ")</th><th scope=\"col\">Recorded or sent again</th>"
                + "<th scope=\"col\">Taken by PARS or the board</th><th scope=\"col\">Refused</th>"
                + "<th scope=\"col\">Retrying</th><th scope=\"col\">Withdrawn</th></tr></thead><tbody>");
        byDay.forEach((d, day) -> b.append("<tr><th scope=\"row\">")
                .append(d)
                .append("</th><td>")
                .append(day.getOrDefault(EntryState.PENDING, 0L))
                .append("</td><td>")
                .append(sum(day, TAKEN))
                .append("</td><td>")
                .append(sum(day, REFUSED))
                .append("</td><td>")
                .append(day.getOrDefault(EntryState.RETRYING, 0L))
                .append("</td><td>")
                .append(day.getOrDefault(EntryState.WITHDRAWN, 0L))
                .append("</td></tr>"));
        return b.append("</tbody></table>").toString();
    }

    private static long sum(Map<EntryState, Long> day, Set<EntryState> states) {
        long n = 0;
        for (EntryState s : states) {
            n += day.getOrDefault(s, 0L);
        }
        return n;
    }
}
