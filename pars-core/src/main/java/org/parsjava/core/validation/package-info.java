/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Validation of PARS records: {@link org.parsjava.core.validation.ParsValidator} (the entry
 * point), its {@link org.parsjava.core.validation.ValidationReport}, stable
 * {@link org.parsjava.core.validation.ViolationCode}s and the policies it applies.
 */
package org.parsjava.core.validation;
