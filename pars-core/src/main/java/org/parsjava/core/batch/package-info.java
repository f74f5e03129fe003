/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Learner rosters as files: {@link org.parsjava.core.batch.RosterReader} streams a CSV export
 * into completions, accounting for every row.
 */
package org.parsjava.core.batch;
