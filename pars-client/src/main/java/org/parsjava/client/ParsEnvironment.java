/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.Optional;

/**
 * The PARS installations a client can talk to. Only the production host is known
 * ({@code parsii.accme.org}, docs/pars-reference.md 2.2); ACCME gives the sandbox URL with sandbox
 * credentials, so pass it to {@link ParsClient.Builder#baseUrl(String)}.
 */
public enum ParsEnvironment {
    /** Production PARS. */
    PRODUCTION("https://parsii.accme.org/services/"),
    /** The PARS sandbox; its URL is not published: set it with {@code baseUrl}. */
    SANDBOX(null);

    private final String baseUrl;

    ParsEnvironment(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The base URL, when published. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }
}
