/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.parsjava.core.validation.internal.ConstraintValidators;

/**
 * A first or last name PARS can match: not blank, at least one letter, at most 100 characters.
 *
 * <p>Each violation carries its {@link org.parsjava.core.validation.ViolationCode}; read it with
 * {@link org.parsjava.core.validation.JakartaValidation#codeOf}.
 */
@Documented
@Constraint(validatedBy = ConstraintValidators.PersonNameValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    /** Fallback message; the validator replaces it with a specific one. */
    String message() default "invalid PARS value";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
