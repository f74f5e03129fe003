package org.parsjava.core.codec.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Replaces personal values in PARS documents with {@code ***} so bodies can be logged at TRACE.
 * Knows the element names because it lives beside the DTOs that define them.
 */
public final class Redaction {

    // Free-text elements too: PARS may echo a learner's name or license in an error text.
    private static final String PERSONAL = "GivenName|FamilyName|BirthDate|UniqueID|User|Password|ProviderPassword"
            + "|Message|message|Reason|Text|faultstring|Detail|detail";
    // A value runs to the next tag or closing quote, or to the end of a body cut short.
    private static final Pattern XML = Pattern.compile("(<(?:\\w+:)?(?:" + PERSONAL + ")\\b[^>]*>)[^<]*");
    private static final Pattern JSON = Pattern.compile("(\"(?:" + PERSONAL + "|value)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?");
    private static final Pattern DIGITS = Pattern.compile("(?<!\\d)\\d{10}(?!\\d)");
    private static final int MAX = 64 * 1024;

    private Redaction() {
    }

    /**
     * The redacted body, cut to its first 64 Ki characters after redaction (so a cut never
     * exposes half a value); never throws.
     */
    public static String redact(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, StandardCharsets.UTF_8);
        s = XML.matcher(s).replaceAll("$1***");
        s = JSON.matcher(s).replaceAll("$1\"***\"");
        // An NPI echoed outside an identifier element (in a message, say) is masked too.
        s = DIGITS.matcher(s).replaceAll("##########");
        return s.length() > MAX ? s.substring(0, MAX) + "... (" + body.length + " bytes)" : s;
    }
}
