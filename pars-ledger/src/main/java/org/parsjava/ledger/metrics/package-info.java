/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Micrometer gauges for the reporting ledger (optional: needs micrometer-core). */
package org.parsjava.ledger.metrics;
