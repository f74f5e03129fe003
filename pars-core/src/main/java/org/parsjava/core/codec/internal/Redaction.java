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
    private static final Pattern XML = Pattern.compile("(<(?:\\w+:)?(?:" + PERSONAL + ")\\b[^>]*>)[^<]*(<)");
    private static final Pattern JSON = Pattern.compile("(\"(?:" + PERSONAL + "|value)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern DIGITS = Pattern.compile("(?<!\\d)\\d{10}(?!\\d)");
    private static final int MAX = 64 * 1024;

    private Redaction() {
    }

    /** The redacted body (at most 64 KiB of it); never throws. */
    public static String redact(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, MAX), StandardCharsets.UTF_8);
        s = XML.matcher(s).replaceAll("$1***$2");
        s = JSON.matcher(s).replaceAll("$1\"***\"");
        // An NPI echoed outside an identifier element (in a message, say) is masked too.
        s = DIGITS.matcher(s).replaceAll("##########");
        return body.length > MAX ? s + "... (" + body.length + " bytes)" : s;
    }
}
