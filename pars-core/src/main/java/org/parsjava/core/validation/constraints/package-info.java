/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Jakarta Bean Validation constraints for PARS records. The model carries them, and host
 * applications may put the string-level ones ({@code @ValidNpi}, {@code @BirthMonthDay},
 * {@code @Jurisdiction}) on their own forms. Every constraint runs the same rule code as
 * {@link org.parsjava.core.validation.ParsValidator}.
 */
package org.parsjava.core.validation.constraints;
