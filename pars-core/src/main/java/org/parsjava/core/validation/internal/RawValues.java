/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.Npi;
import org.parsjava.core.model.StateLicense;
import org.parsjava.core.validation.Parsed;
import org.parsjava.core.validation.ViolationCode;

/** Reads the forms people type in rosters into typed values, without exceptions escaping. */
public final class RawValues {

    private RawValues() {}

    /**
     * Birth month and day: {@code 2/29}, {@code 02/29}, {@code 02-29}, {@code 2.9},
     * {@code --02-29}; a value carrying a year is refused because PARS never takes one.
     */
    public static Parsed<MonthDay> birthDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return Parsed.failed(ViolationCode.BIRTH_DATE_MISSING);
        }
        String s = raw.strip();
        if (s.startsWith("--")) {
            s = s.substring(2);
        }
        int[] parts = new int[3];
        int count = splitNumbers(s, parts);
        if (count == 3) {
            return Parsed.failed(
                    ViolationCode.BIRTH_DATE_INVALID,
                    "birth date must be month and day only; PARS never receives the birth year");
        }
        if (count != 2) {
            return Parsed.failed(ViolationCode.BIRTH_DATE_INVALID, "birth date must be written MM/DD, e.g. 02/29");
        }
        int month = parts[0];
        int day = parts[1];
        if (month < 1 || month > 12) {
            return Parsed.failed(ViolationCode.BIRTH_DATE_INVALID, "birth month must be 01-12");
        }
        if (!Rules.isCalendarDay(month, day)) {
            return Parsed.failed(ViolationCode.BIRTH_DATE_INVALID, "birth day does not exist in that month");
        }
        return Parsed.ok(MonthDay.of(month, day));
    }

    /** Calendar date: {@code 2026-02-27} or US {@code 2/27/2026}; a time of day is refused. */
    public static Parsed<LocalDate> completionDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return Parsed.failed(ViolationCode.COMPLETION_DATE_INVALID, "completion date is required");
        }
        String s = raw.strip();
        if (s.indexOf('T') >= 0 || s.indexOf(':') >= 0) {
            return Parsed.failed(
                    ViolationCode.COMPLETION_DATE_INVALID,
                    "completion date must be a calendar date without a time of day");
        }
        int[] parts = new int[3];
        if (splitNumbers(s, parts) != 3) {
            return Parsed.failed(ViolationCode.COMPLETION_DATE_INVALID);
        }
        boolean iso = s.indexOf('-') == 4;
        int year = iso ? parts[0] : parts[2];
        int month = iso ? parts[1] : parts[0];
        int day = iso ? parts[2] : parts[1];
        if (year < 1900 || year > 9999) {
            return Parsed.failed(ViolationCode.COMPLETION_DATE_INVALID, "completion date needs a four-digit year");
        }
        try {
            return Parsed.ok(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Parsed.failed(ViolationCode.COMPLETION_DATE_INVALID, "completion date is not a real calendar day");
        }
    }

    /** NPI with optional spaces or hyphens. */
    public static Parsed<Npi> npi(String raw) {
        if (raw == null || raw.isBlank()) {
            return Parsed.failed(ViolationCode.NPI_FORMAT, "NPI is empty");
        }
        Npi.Problem problem = Npi.check(raw);
        if (problem == null) {
            return Parsed.ok(Npi.of(raw));
        }
        return Parsed.failed(
                problem == Npi.Problem.CHECK_DIGIT ? ViolationCode.NPI_CHECK_DIGIT : ViolationCode.NPI_FORMAT,
                problem.rule());
    }

    /** State, DC or territory by code or name. */
    public static Parsed<LicensingJurisdiction> jurisdiction(String raw) {
        if (raw == null || raw.isBlank()) {
            return Parsed.failed(ViolationCode.JURISDICTION_UNKNOWN, "license state is empty");
        }
        return LicensingJurisdiction.parse(raw)
                .map(Parsed::ok)
                .orElseGet(() -> Parsed.failed(ViolationCode.JURISDICTION_UNKNOWN));
    }

    /** State license from its state and number cells. */
    public static Parsed<StateLicense> license(String state, String number) {
        if (number == null || number.isBlank()) {
            return Parsed.failed(ViolationCode.LICENSE_NUMBER_INVALID, "license number is empty");
        }
        if (state == null || state.isBlank()) {
            return Parsed.failed(ViolationCode.LICENSE_STATE_MISSING);
        }
        Parsed<LicensingJurisdiction> j = jurisdiction(state);
        if (!j.isOk()) {
            return Parsed.failed(ViolationCode.JURISDICTION_UNKNOWN);
        }
        StateLicense license = StateLicense.of(j.value(), number);
        if (!Rules.isLicenseNumber(license.number())) {
            return Parsed.failed(ViolationCode.LICENSE_NUMBER_INVALID);
        }
        return Parsed.ok(license);
    }

    /** A board by code, acronym or name as {@code catalogue} lists it, in any case. */
    public static Parsed<Board> board(String raw, org.parsjava.core.rules.RulesCatalogue catalogue) {
        if (raw == null || raw.isBlank()) {
            return Parsed.failed(ViolationCode.BOARD_UNKNOWN, "board is empty");
        }
        return catalogue.board(raw).map(Parsed::ok).orElseGet(() -> Parsed.failed(ViolationCode.BOARD_UNKNOWN));
    }

    /** A decimal credit amount such as {@code 1.25}; positivity and steps are checked later. */
    public static Parsed<BigDecimal> credits(String raw) {
        if (raw == null || raw.isBlank()) {
            return Parsed.failed(ViolationCode.CREDITS_INVALID, "credits are empty");
        }
        String s = raw.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || (i == 0 && (c == '-' || c == '+')))) {
                return Parsed.failed(ViolationCode.CREDITS_INVALID);
            }
        }
        try {
            return Parsed.ok(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return Parsed.failed(ViolationCode.CREDITS_INVALID);
        }
    }

    /**
     * Splits runs of digits separated by one of {@code / - .} into {@code out}; returns how many
     * numbers were read, or -1 when anything else appears or there are more than three.
     */
    private static int splitNumbers(String s, int[] out) {
        int count = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '/';
            if (c >= '0' && c <= '9') {
                if (++digits > 4) {
                    return -1;
                }
                value = value * 10 + (c - '0');
            } else if (c == '/' || c == '-' || c == '.') {
                if (digits == 0 || count == out.length) {
                    return -1;
                }
                out[count++] = value;
                value = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return count;
    }
}
