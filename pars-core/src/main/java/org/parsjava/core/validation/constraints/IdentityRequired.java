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
 * A learner carries an NPI or a state license (and an issued-looking NPI, a well-formed license number).
 *
 * <p>Each violation carries its {@link org.parsjava.core.validation.ViolationCode}; read it with
 * {@link org.parsjava.core.validation.JakartaValidation#codeOf}.
 */
@Documented
@Constraint(validatedBy = ConstraintValidators.IdentityRequiredValidator.class)
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdentityRequired {

    /** Fallback message; the validator replaces it with a specific one. */
    String message() default "invalid PARS value";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
