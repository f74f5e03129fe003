/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes bodies safe to log at TRACE. Works by allow-list: in XML, the text of every element and
 * the value of every attribute is replaced with {@code ***} unless its name is one of the
 * structural names below (codes, statuses, CreditIDs, dates of the activity, counts); in JSON,
 * every string value likewise. So a body of an unexpected shape (an HTML error page naming a
 * learner, a new PARS element) shows its structure and nothing personal. A body that is neither
 * (plain text) is logged as a short excerpt, as in exception messages. Knows the element names
 * because it lives beside the DTOs that define them.
 */
public final class Redaction {

    /** Names whose values are never personal: kept so a log still says what happened. */
    private static final Set<String> STRUCTURAL = Set.of(
            "Index",
            "index",
            "CreditID",
            "Status",
            "status",
            "ErrorCode",
            "code",
            "Code",
            "Field",
            "field",
            "faultcode",
            "moduleID",
            "ProviderID",
            "providerId",
            "CompletedDateTime",
            "DateTimeCreated",
            "numberOfCredits",
            "activityCertification",
            "domain",
            "ActionType",
            "activityRecordAction",
            "Outcome",
            "outcome",
            "ActivityID",
            "ActivityId",
            "ReportingOrganization",
            "Accepted",
            "accepted",
            "startDateTime",
            "endDateTime",
            "activityFormat",
            "boardName",
            "mocPoints",
            "MOCCreditType");
    /** Any markup (tag, comment, CDATA, declaration) and the text after it. */
    private static final Pattern MARKUP_TEXT =
            Pattern.compile("(<!--.*?-->|<!\\[CDATA\\[.*?]]>|<[^>]*>)([^<]*)", Pattern.DOTALL);

    private static final Pattern OPENING = Pattern.compile("<((?:[\\w.-]+:)?([\\w.-]+))(\\s[^>]*?)?(/?)>");
    private static final Pattern JSON_NUMBER =
            Pattern.compile("(\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*)(-?\\d[\\d.eE+-]*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w.:-]+)\\s*=\\s*(\"[^\"]*\"?|'[^']*'?|[^\\s\"'>/]+)");
    private static final Pattern JSON_STRING =
            Pattern.compile("(\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*)?\"(?:[^\"\\\\]|\\\\.)*\"?");
    private static final Pattern DIGITS = Pattern.compile("(?<!\\d)\\d{10}(?!\\d)");
    private static final int MAX = 64 * 1024;

    private Redaction() {}

    /**
     * The redacted body, cut to its first 64 Ki characters after redaction (so a cut never
     * exposes half a value); never throws.
     */
    public static String redact(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        String trimmed = s.stripLeading();
        char first = trimmed.isEmpty() ? ' ' : trimmed.charAt(0);
        if (first == '<') {
            s = xml(s);
        } else if (first == '{' || first == '[') {
            s = json(s);
        } else {
            // Plain text has no names to tell values by: none of it is logged.
            return "(not a PARS document, " + body.length + " bytes; text not logged)";
        }
        // An NPI anywhere (in a kept value, say) is masked too.
        s = DIGITS.matcher(s).replaceAll("##########");
        return s.length() > MAX ? s.substring(0, MAX) + "... (" + body.length + " bytes)" : s;
    }

    private static String xml(String s) {
        Matcher m = MARKUP_TEXT.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        int end = 0;
        String leading = s.substring(0, Math.max(0, s.indexOf('<')));
        out.append(leading.isBlank() ? leading : "***");
        end = Math.max(0, s.indexOf('<'));
        m.region(end, s.length());
        while (m.find()) {
            String markup = m.group(1);
            String text = m.group(2);
            String keptMarkup;
            boolean structural = false;
            if (markup.startsWith("<!--") || markup.startsWith("<![CDATA[")) {
                keptMarkup = markup.startsWith("<!--") ? "<!--***-->" : "<![CDATA[***]]>";
            } else {
                Matcher open = OPENING.matcher(markup);
                if (open.matches()) {
                    structural =
                            STRUCTURAL.contains(open.group(2)) && open.group(4).isEmpty();
                    keptMarkup = "<" + open.group(1) + (open.group(3) == null ? "" : attributes(open.group(3)))
                            + open.group(4) + ">";
                } else {
                    keptMarkup = markup.startsWith("</") || markup.startsWith("<?") ? markup : "<***>";
                }
            }
            out.append(keptMarkup).append(structural || text.isBlank() ? text : "***");
            end = m.end();
        }
        if (end < s.length()) {
            out.append(s.substring(end).isBlank() ? s.substring(end) : "***");
        }
        return out.toString();
    }

    private static String attributes(String raw) {
        Matcher m = ATTRIBUTE.matcher(raw);
        StringBuilder out = new StringBuilder(raw.length());
        while (m.find()) {
            String local = m.group(1).substring(m.group(1).indexOf(':') + 1);
            boolean keep = STRUCTURAL.contains(local) || m.group(1).startsWith("xmlns");
            char quote = m.group(2).charAt(0);
            m.appendReplacement(
                    out, Matcher.quoteReplacement(keep ? m.group() : m.group(1) + "=" + quote + "***" + quote));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String json(String raw) {
        Matcher n = JSON_NUMBER.matcher(raw);
        StringBuilder numbers = new StringBuilder(raw.length());
        while (n.find()) {
            n.appendReplacement(
                    numbers,
                    Matcher.quoteReplacement(STRUCTURAL.contains(n.group(2)) ? n.group() : n.group(1) + "\"***\""));
        }
        n.appendTail(numbers);
        String s = numbers.toString();
        Matcher m = JSON_STRING.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) { // "key": "value"
                replacement = STRUCTURAL.contains(m.group(2)) ? m.group() : m.group(1) + "\"***\"";
            } else { // a key of an object or array value, or a string in an array
                int after = m.end();
                while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
                    after++;
                }
                boolean isKey = after < s.length() && s.charAt(after) == ':';
                // A key is kept when it is a name a schema would use, not free text.
                replacement = isKey && m.group().matches("\"[\\w.@$-]{1,64}\"") ? m.group() : "\"***\"";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
