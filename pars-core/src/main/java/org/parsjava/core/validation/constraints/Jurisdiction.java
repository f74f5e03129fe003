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
 * A string naming a US state, DC or territory PARS accepts, by code or name. {@code null} is valid: combine with {@code @NotNull}.
 *
 * <p>Each violation carries its {@link org.parsjava.core.validation.ViolationCode}; read it with
 * {@link org.parsjava.core.validation.JakartaValidation#codeOf}.
 */
@Documented
@Constraint(validatedBy = ConstraintValidators.JurisdictionValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Jurisdiction {

    /** Fallback message; the validator replaces it with a specific one. */
    String message() default "invalid PARS value";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
