/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Which PARS a client reports to: its base URL (normalised: scheme and host in lower case, no
 * default port, no query, a trailing slash), the generation of its API, and the provider reported
 * as. Two targets are the same PARS only when all three are equal. Carries no credentials.
 *
 * @param baseUrl the normalised base URL
 * @param generation the generation of the PARS API
 * @param providerId the 7-digit ACCME provider ID
 */
public record ParsTarget(String baseUrl, ParsEndpoints.Generation generation, String providerId) {

    /** Normalises the URL and rejects nulls. */
    public ParsTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(providerId, "providerId");
        baseUrl = normalise(baseUrl);
    }

    /** HttpUrl lower-cases the scheme and host and drops a default port; the rest is done here. */
    private static String normalise(String url) {
        HttpUrl parsed = HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new IllegalArgumentException("baseUrl is not an http(s) URL");
        }
        String normal = parsed.newBuilder().query(null).fragment(null).build().toString();
        return normal.endsWith("/") ? normal : normal + "/";
    }

    /** The host, e.g. {@code parsii.accme.org}. */
    public String host() {
        return Objects.requireNonNull(HttpUrl.parse(baseUrl)).host();
    }

    /** In words for messages: {@code parsii.accme.org (WCF API, provider 0001234)}. */
    public String describe() {
        HttpUrl url = Objects.requireNonNull(HttpUrl.parse(baseUrl));
        return url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port()) + " ("
                + generation + " API, provider " + providerId + ")";
    }
}
