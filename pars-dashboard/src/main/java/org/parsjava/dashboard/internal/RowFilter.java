/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.parsjava.ledger.LedgerEntry;

/**
 * What the rows to fix are narrowed to: a problem code, an ACCME Activity ID, a latest due date;
 * each blank for any. The same filter serves the page, the CSV and the upload file.
 */
record RowFilter(String code, String activity, LocalDate dueBy) {

    /** The filter a query or form asks for; an unreadable date is no date. */
    static RowFilter of(Map<String, String> params) {
        LocalDate due = null;
        String d = params.getOrDefault("due-by", "").trim();
        if (!d.isEmpty()) {
            try {
                due = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                due = null;
            }
        }
        return new RowFilter(
                params.getOrDefault("code", "").trim(),
                params.getOrDefault("activity", "").trim(),
                due);
    }

    /** Whether {@code e} (with these problem codes) passes. */
    boolean matches(LedgerEntry e, List<String> codes) {
        return (code.isEmpty() || codes.contains(code))
                && (activity.isEmpty() || activity.equals(e.accmeActivityId().orElse("")))
                && (dueBy == null || !e.deadline().date().isAfter(dueBy));
    }

    /** The filter as parameters, blank ones left out. */
    Map<String, String> params() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!code.isEmpty()) {
            out.put("code", code);
        }
        if (!activity.isEmpty()) {
            out.put("activity", activity);
        }
        if (dueBy != null) {
            out.put("due-by", dueBy.toString());
        }
        return out;
    }

    /** The filter as a query string ({@code ?...}), or empty. */
    String query() {
        Map<String, String> p = params();
        return p.isEmpty()
                ? ""
                : p.entrySet().stream()
                        .map(e -> e.getKey() + "=" + Html.q(e.getValue()))
                        .collect(Collectors.joining("&", "?", ""));
    }
}
