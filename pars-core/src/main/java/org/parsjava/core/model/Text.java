/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

/** Text normalisation shared by the model's builders. */
final class Text {

    private Text() {}

    /** Trims and collapses runs of inner white space to one space (docs/pars-reference.md 5.6). */
    static String normalizeName(String raw) {
        String s = raw.strip();
        boolean clean = true;
        for (int i = 0; i < s.length() && clean; i++) {
            char c = s.charAt(i);
            clean = !Character.isWhitespace(c) || (c == ' ' && s.charAt(i + 1) != ' ');
        }
        if (clean) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A decimal from its text, such as {@code "1.25"}; an unreadable one is refused with a
     * message naming the field (credits are not personal data, so the text is quoted).
     */
    static java.math.BigDecimal decimal(String text, String field) {
        java.util.Objects.requireNonNull(text, field);
        try {
            return new java.math.BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a decimal number such as 1.25, not \"" + text + "\"");
        }
    }
}
