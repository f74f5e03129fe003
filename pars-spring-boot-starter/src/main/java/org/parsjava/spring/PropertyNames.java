/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's builder settings as the {@code pars.*} properties a Spring Boot user wrote: a
 * builder's message ("providerId is required") becomes the property's ("pars.provider-id is
 * required"), so the rules stay in one place, the builders.
 */
final class PropertyNames {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("baseUrl", "pars.base-url");
        NAMES.put("providerId", "pars.provider-id");
        NAMES.put("providerName", "pars.provider-name");
        NAMES.put("credentials are", "pars.user and pars.password are");
        NAMES.put("connectTimeout", "pars.connect-timeout");
        NAMES.put("readTimeout", "pars.read-timeout");
        NAMES.put("maxConcurrentRequests", "pars.max-concurrent-requests");
        NAMES.put("maxAttempts", "pars.retry.max-attempts");
        NAMES.put("totalDeadline", "pars.retry.total-deadline");
        NAMES.put("Invalid ParsClient configuration", "Invalid pars.* settings");
    }

    private static final Pattern WORDS = Pattern.compile(String.join(
            "|",
            NAMES.keySet().stream().map(k -> "\\b" + Pattern.quote(k) + "\\b").toList()));

    private PropertyNames() {}

    /** {@code message} with every builder setting named as its property. */
    static String of(String message) {
        Matcher m = WORDS.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(NAMES.get(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
