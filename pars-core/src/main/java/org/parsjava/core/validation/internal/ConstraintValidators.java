/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.Parsed;
import org.parsjava.core.validation.ViolationCode;
import org.parsjava.core.validation.constraints.BirthMonthDay;
import org.parsjava.core.validation.constraints.BoardIds;
import org.parsjava.core.validation.constraints.CompletionKey;
import org.parsjava.core.validation.constraints.ConsentGiven;
import org.parsjava.core.validation.constraints.IdentityRequired;
import org.parsjava.core.validation.constraints.InReportingWindow;
import org.parsjava.core.validation.constraints.Jurisdiction;
import org.parsjava.core.validation.constraints.LicenseNumber;
import org.parsjava.core.validation.constraints.PersonName;
import org.parsjava.core.validation.constraints.ValidActivity;
import org.parsjava.core.validation.constraints.ValidCredits;
import org.parsjava.core.validation.constraints.ValidNpi;

/**
 * Jakarta {@code ConstraintValidator}s: thin adapters that run {@link Rules} / {@link RawValues}
 * and turn what they report into constraint violations carrying the {@link ViolationCode} as
 * Hibernate Validator dynamic payload.
 */
public final class ConstraintValidators {

    private ConstraintValidators() {}

    private static final Rules RULES = Rules.defaults();

    /** Adapts a {@link ConstraintValidatorContext} to a {@link ViolationSink}. */
    static final class ContextSink implements ViolationSink {
        private final ConstraintValidatorContext context;
        private final boolean classLevel;
        private boolean valid = true;

        ContextSink(ConstraintValidatorContext context, boolean classLevel) {
            this.context = context;
            this.classLevel = classLevel;
        }

        @Override
        public void report(String field, ViolationCode code, String message) {
            if (valid) {
                context.disableDefaultConstraintViolation();
                valid = false;
            }
            if (context instanceof HibernateConstraintValidatorContext) {
                context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(code);
            }
            var builder = context.buildConstraintViolationWithTemplate(escape(message));
            if (classLevel && !field.isEmpty()) {
                builder.addPropertyNode(field).addConstraintViolation();
            } else {
                builder.addConstraintViolation();
            }
        }

        boolean valid() {
            return valid;
        }

        private static String escape(String message) {
            StringBuilder b = new StringBuilder(message.length() + 8);
            for (int i = 0; i < message.length(); i++) {
                char c = message.charAt(i);
                if (c == '{' || c == '}' || c == '$' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            return b.toString();
        }
    }

    private static boolean report(Parsed<?> parsed, ConstraintValidatorContext context) {
        if (parsed.isOk()) {
            return true;
        }
        ViolationCode code = parsed.code().orElseThrow();
        new ContextSink(context, false).report("", code, parsed.message().orElse(code.message()));
        return false;
    }

    /** {@link PersonName}. */
    public static final class PersonNameValidator implements ConstraintValidator<PersonName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            ContextSink sink = new ContextSink(context, false);
            Rules.checkName(value, "", sink);
            return sink.valid();
        }
    }

    /** {@link LicenseNumber}. */
    public static final class LicenseNumberValidator implements ConstraintValidator<LicenseNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            ContextSink sink = new ContextSink(context, false);
            Rules.checkLicenseNumber(value.strip(), "", sink);
            return sink.valid();
        }
    }

    /** {@link BoardIds}. */
    public static final class BoardIdsValidator implements ConstraintValidator<BoardIds, Map<Board, String>> {
        @Override
        public boolean isValid(Map<Board, String> value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            ContextSink sink = new ContextSink(context, false);
            RULES.checkBoardIds(value, "", sink);
            return sink.valid();
        }
    }

    /** {@link IdentityRequired}. */
    public static final class IdentityRequiredValidator implements ConstraintValidator<IdentityRequired, Learner> {
        @Override
        public boolean isValid(Learner value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            ContextSink sink = new ContextSink(context, true);
            Rules.checkIdentity(value, Rules.LearnerPaths.ROOT, sink);
            return sink.valid();
        }
    }

    /** {@link ValidCredits}. */
    public static final class ValidCreditsValidator implements ConstraintValidator<ValidCredits, LearnerCompletion> {
        @Override
        public boolean isValid(LearnerCompletion value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            ContextSink sink = new ContextSink(context, true);
            RULES.checkCredits(value, sink);
            Rules.checkActivityReference(value.activity(), sink);
            return sink.valid();
        }
    }

    /** {@link InReportingWindow}. */
    public static final class InReportingWindowValidator
            implements ConstraintValidator<InReportingWindow, LearnerCompletion> {
        @Override
        public boolean isValid(LearnerCompletion value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            ContextSink sink = new ContextSink(context, true);
            RULES.checkDates(value, LocalDate.now(context.getClockProvider().getClock()), sink);
            return sink.valid();
        }
    }

    /** {@link ConsentGiven}. */
    public static final class ConsentGivenValidator implements ConstraintValidator<ConsentGiven, Boolean> {
        @Override
        public boolean isValid(Boolean value, ConstraintValidatorContext context) {
            if (Boolean.TRUE.equals(value)) {
                return true;
            }
            new ContextSink(context, false).report("", ViolationCode.CONSENT_MISSING);
            return false;
        }
    }

    /** {@link CompletionKey}. */
    public static final class CompletionKeyValidator implements ConstraintValidator<CompletionKey, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Rules.isCompletionKey(value)) {
                return true;
            }
            new ContextSink(context, false).report("", ViolationCode.COMPLETION_KEY_INVALID);
            return false;
        }
    }

    /** {@link ValidActivity}. */
    public static final class ValidActivityValidator implements ConstraintValidator<ValidActivity, Activity> {
        @Override
        public boolean isValid(Activity value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            ContextSink sink = new ContextSink(context, true);
            Rules.checkActivity(value, "", sink);
            RULES.boards().checkRegistrations(value, "", sink);
            return sink.valid();
        }
    }

    /** {@link ValidNpi}. */
    public static final class ValidNpiValidator implements ConstraintValidator<ValidNpi, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || report(RawValues.npi(value), context);
        }
    }

    /** {@link BirthMonthDay}. */
    public static final class BirthMonthDayValidator implements ConstraintValidator<BirthMonthDay, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || report(RawValues.birthDate(value), context);
        }
    }

    /** {@link Jurisdiction}. */
    public static final class JurisdictionValidator implements ConstraintValidator<Jurisdiction, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || report(RawValues.jurisdiction(value), context);
        }
    }
}
