/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parsjava.core.model.Learner;

/**
 * Removes one learner's own values (names, license number, board IDs) from a text PARS sent
 * back about that learner, so a rejection message can be shown, logged or written to a report
 * file without personal data. Digits are already masked by the codec; a value holding letters
 * is also removed in that masked form.
 */
public final class PersonalText {

    /** A digit, as the codec masks it. */
    private static final java.util.regex.Pattern DIGIT = java.util.regex.Pattern.compile("[0-9]");

    /** What a removed value is replaced with. */
    public static final String MASK = "***";

    private PersonalText() {}

    /** {@code text} without {@code learner}'s values (matched case-insensitively); null stays null. */
    public static String scrub(String text, Learner learner) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> values = new ArrayList<>(4);
        values.add(learner.firstName());
        values.add(learner.lastName());
        learner.license().ifPresent(l -> values.add(l.number()));
        values.addAll(learner.boardIds().values());
        return scrub(text, values);
    }

    /** {@code text} without any of {@code values} (names, license numbers, identifiers a query carried). */
    public static String scrub(String text, java.util.Collection<String> values) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String value : values) {
            String v = value == null ? "" : value.strip();
            if (v.isEmpty()) {
                continue;
            }
            result = remove(result, v);
            // The codec masks digits before this runs, so "A99999" arrives as "A#####".
            String masked = DIGIT.matcher(v).replaceAll("#");
            if (!masked.equals(v) && masked.chars().anyMatch(Character::isLetter)) {
                result = remove(result, masked);
            }
        }
        return result;
    }

    private static String remove(String text, String value) {
        if (value.length() < 2) {
            return text; // a single letter would blank out ordinary words
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String needle = value.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(needle);
        if (at < 0 || lower.length() != text.length()) {
            return at < 0 ? text : text.replace(value, MASK);
        }
        StringBuilder b = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            b.append(text, from, at).append(MASK);
            from = at + needle.length();
            at = lower.indexOf(needle, from);
        }
        return b.append(text, from, text.length()).toString();
    }
}
