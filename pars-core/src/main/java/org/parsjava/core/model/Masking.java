/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

/** Masks personal data for {@code toString()}, logs and messages. */
final class Masking {

    private Masking() {}

    /** All characters but the last two replaced with {@code *}. */
    static String lastTwo(String s) {
        if (s.length() <= 2) {
            return "*".repeat(s.length());
        }
        return "*".repeat(s.length() - 2) + s.substring(s.length() - 2);
    }

    /** A name reduced to its initial and a full stop, e.g. {@code J.}. */
    static String initial(String name) {
        return name.isEmpty()
                ? ""
                : name.codePoints()
                                .limit(1)
                                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        + ".";
    }
}
