/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Micrometer metrics for the PARS client (optional: needs micrometer-core). */
package org.parsjava.client.metrics;
