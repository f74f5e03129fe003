/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.internal;

/**
 * One HTTP answer, fully read.
 *
 * @param status HTTP status
 * @param retryAfter the {@code Retry-After} header, or null
 * @param body the body bytes (possibly empty)
 * @param attempt the attempt that got it, 1 for the first
 * @param contentType the {@code Content-Type} header, or null
 */
public record HttpResult(int status, String retryAfter, byte[] body, int attempt, String contentType) {

    /** 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
