/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.Objects;

/**
 * A National Provider Identifier: ten digits whose last digit is the CMS check digit.
 *
 * <p>The check digit is the Luhn digit computed over the first nine digits prefixed with
 * {@code 80840} (CMS NPI standard). Instances are always valid; use {@link #check(String)} to
 * learn why a raw value is not, without an exception. {@link #toString()} shows only the last
 * two digits, because an NPI identifies a physician.
 */
public final class Npi {

    /** Why a raw string is not a valid NPI. */
    public enum Problem {
        /** The value is not exactly ten characters after trimming. */
        LENGTH("an NPI has exactly 10 digits"),
        /** The value contains a character other than an ASCII digit. */
        NOT_DIGITS("an NPI contains only digits 0-9"),
        /** The tenth digit does not match the Luhn check digit of the first nine. */
        CHECK_DIGIT("the NPI check digit (10th digit) does not match the first nine digits");

        private final String rule;

        Problem(String rule) {
            this.rule = rule;
        }

        /** The rule that was broken, worded for a person and free of the value itself. */
        public String rule() {
            return rule;
        }
    }

    /** Sum contributed by the prefix 80840 when the Luhn walk doubles the base's last digit. */
    private static final int PREFIX_80840_SUM = 24;

    private final String value;

    private Npi(String value) {
        this.value = value;
    }

    /**
     * Parses an NPI, ignoring surrounding white space and inner spaces or hyphens.
     *
     * @throws IllegalArgumentException naming the rule broken (never echoing the value)
     */
    public static Npi of(String raw) {
        Objects.requireNonNull(raw, "npi");
        String digits = normalize(raw);
        Problem problem = checkNormalized(digits);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid NPI: " + problem.rule());
        }
        return new Npi(digits);
    }

    /** True when {@code raw} is a valid NPI; never throws, {@code null} is simply invalid. */
    public static boolean isValid(String raw) {
        return raw != null && checkNormalized(normalize(raw)) == null;
    }

    /**
     * Returns why {@code raw} is not a valid NPI, or {@code null} when it is valid.
     * Allocation-free apart from normalisation; never throws.
     */
    public static Problem check(String raw) {
        if (raw == null) {
            return Problem.LENGTH;
        }
        return checkNormalized(normalize(raw));
    }

    /** Computes the check digit for a nine-digit base (used by tests and generators). */
    public static int checkDigit(CharSequence nineDigits) {
        if (nineDigits.length() != 9) {
            throw new IllegalArgumentException("an NPI base has exactly 9 digits");
        }
        int sum = PREFIX_80840_SUM;
        for (int i = 8, pos = 0; i >= 0; i--, pos++) {
            int d = nineDigits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("an NPI contains only digits 0-9");
            }
            if (pos % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when the first digit is 1 or 2, the prefixes CMS assigns (docs/pars-reference.md 5.1; warn otherwise). */
    public boolean hasIssuedPrefix() {
        char c = value.charAt(0);
        return c == '1' || c == '2';
    }

    /** The ten digits, unmasked: send them to PARS, never to a log. */
    public String value() {
        return value;
    }

    /** The NPI with all but its last two digits masked, e.g. {@code ********93}. */
    public String masked() {
        return Masking.lastTwo(value);
    }

    private static String normalize(String raw) {
        String s = raw.strip();
        if (s.indexOf(' ') < 0 && s.indexOf('-') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '-') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Problem checkNormalized(String s) {
        if (s.length() != 10) {
            return Problem.LENGTH;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Problem.NOT_DIGITS;
            }
        }
        return checkDigit(s.subSequence(0, 9)) == s.charAt(9) - '0' ? null : Problem.CHECK_DIGIT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Npi other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Npi[" + masked() + "]";
    }
}
