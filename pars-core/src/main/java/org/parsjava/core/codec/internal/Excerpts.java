/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import java.nio.charset.StandardCharsets;

/**
 * Makes short, personal-data-free excerpts of bodies and texts for error messages: markup is
 * kept (it shows what the body was), element text and JSON strings are elided, plain text is
 * not shown (only its length), and every digit is masked, since NPIs, license numbers and birth
 * dates are digits.
 */
public final class Excerpts {

    /** Longest excerpt, in characters. */
    public static final int MAX = 80;

    private Excerpts() {}

    /** An excerpt of a raw body. */
    public static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        int n = Math.min(body.length, MAX * 4);
        return of(new String(body, 0, n, StandardCharsets.UTF_8));
    }

    /** An excerpt of a body already decoded to text. */
    public static String of(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return "";
        }
        char first = s.charAt(0);
        if (first != '<' && first != '{' && first != '[') {
            return plain(s);
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 1);
        boolean markup = first == '<';
        boolean json = first == '{' || first == '[';
        boolean inText = false;
        boolean inString = false;
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            if (markup) {
                if (c == '<') {
                    inText = false;
                } else if (inText) {
                    continue;
                } else if (c == '>') {
                    b.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) != '<') {
                        b.append('\u2026');
                    }
                    inText = true;
                    continue;
                }
            } else if (json && c == '"') {
                inString = !inString;
                if (inString) {
                    b.append("\"\u2026");
                    continue;
                }
            } else if (inString) {
                continue;
            }
            b.append(masked(c));
        }
        if (s.length() > MAX) {
            b.append('\u2026');
        }
        return b.toString();
    }

    /**
     * Plain text (a proxy's "Service Unavailable", or a server echoing the request) has no markup
     * to tell values by, and may start with a learner's name: only its length is kept.
     */
    private static String plain(String s) {
        return "(" + s.length() + " chars of text)";
    }

    /** Masks every digit of a PARS message (they may be NPIs, licenses or birth dates). */
    public static String scrubDigits(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            b.append(masked(text.charAt(i)));
        }
        return b.toString();
    }

    private static char masked(char c) {
        if (c >= '0' && c <= '9') {
            return '#';
        }
        return Character.isISOControl(c) ? ' ' : c;
    }
}
