/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** HTML escaping and the page frame every page shares. */
final class Html {

    private Html() {}

    /** Text escaped for element content and quoted attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A query parameter value. */
    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A whole page: the title names the page only, never an entry's data. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " - PARS reporting</title>"
                + "<link rel=\"stylesheet\" href=\"style.css\"></head><body>"
                + "<header><p class=\"brand\">PARS reporting</p><nav aria-label=\"Main\"><ul>"
                + "<li><a href=\"overview\">Overview</a></li>"
                + "<li><a href=\"rows-to-fix\">Rows to fix</a></li>"
                + "<li><a href=\"at-risk\">At risk</a></li>"
                + "<li><a href=\"overdue\">Overdue</a></li>"
                + "<li><a href=\"volume\">Volume</a></li>"
                + "</ul></nav></header><main>"
                + "<h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
    }
}
