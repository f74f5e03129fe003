/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

/**
 * Where the provider ID, user and password travel. PARS requires all three on every request
 * but no source says where (docs/pars-reference.md 2.3, open question 2), so this is a setting.
 */
public enum CredentialPlacement {
    /** Headers {@code ProviderId}, {@code User}, {@code Password} (default; inferred). */
    HEADERS,
    /** HTTP Basic authentication for user and password, plus a {@code ProviderId} header. */
    BASIC_AUTH
}
