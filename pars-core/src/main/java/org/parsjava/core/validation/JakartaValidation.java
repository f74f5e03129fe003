/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bridges the model's Jakarta Bean Validation constraints to applications that validate
 * through {@code jakarta.validation}. Prefer {@link ParsValidator} for batches: it is faster
 * and reports in PARS terms. Both run the same record rules, with one difference: the Jakarta
 * constraints always use the default board-ID formats and reporting window, while a
 * {@code ParsValidator} can be configured with others. Rules across records (duplicate keys,
 * the ABS daily cap) exist only in {@link ParsValidator}. In both, a completion checks its
 * activity only as a reference (ID, provider, status); validate the activity itself when saving it.
 */
public final class JakartaValidation {

    private JakartaValidation() {}

    /**
     * A Hibernate Validator factory that needs no Expression Language implementation
     * (it interpolates with {@link ParameterMessageInterpolator}) and judges dates by
     * {@code clock}. Close it when done.
     */
    public static ValidatorFactory newValidatorFactory(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> clock)
                .buildValidatorFactory();
    }

    /** A validator from {@link #newValidatorFactory(Clock)} on the system clock. */
    public static Validator newValidator() {
        return newValidatorFactory(Clock.systemDefaultZone()).getValidator();
    }

    /** The PARS code of a violation raised by one of this SDK's constraints. */
    public static Optional<ViolationCode> codeOf(ConstraintViolation<?> violation) {
        Objects.requireNonNull(violation, "violation");
        try {
            HibernateConstraintViolation<?> hv = violation.unwrap(HibernateConstraintViolation.class);
            return Optional.ofNullable(hv.getDynamicPayload(ViolationCode.class));
        } catch (RuntimeException notHibernate) {
            return Optional.empty();
        }
    }
}
