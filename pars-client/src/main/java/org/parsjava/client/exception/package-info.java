/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The exceptions of the PARS client, arranged so a caller can catch exactly what it can act
 * on: credentials, rate limits, server failures, transport failures and local validation.
 */
package org.parsjava.client.exception;
