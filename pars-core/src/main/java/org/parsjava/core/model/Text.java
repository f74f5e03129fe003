package org.parsjava.core.model;

/** Text normalisation shared by the model's builders. */
final class Text {

    private Text() {
    }

    /** Trims and collapses runs of inner white space to one space (REFERENCE.md 5.6). */
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
}
