/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PARS's learner-reporting rules as versioned data: boards, board ID formats, credit types
 * with their validity dates, per-board rules and MOC eligibility by profession. Start at
 * {@link org.parsjava.core.rules.RulesCatalogue}.
 */
package org.parsjava.core.rules;
