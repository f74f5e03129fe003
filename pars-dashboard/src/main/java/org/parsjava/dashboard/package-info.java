/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The reporting dashboard: {@link org.parsjava.dashboard.Dashboard}. */
package org.parsjava.dashboard;
