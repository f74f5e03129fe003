/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The PARS web-services client: {@link org.parsjava.client.ParsClient} and the results of its
 * operations. Cross-cutting behaviour (authentication, retries, logging) lives in
 * {@code org.parsjava.client.internal}; exceptions in {@code org.parsjava.client.exception}.
 */
package org.parsjava.client;
