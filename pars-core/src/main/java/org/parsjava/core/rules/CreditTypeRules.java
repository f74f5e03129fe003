/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.model.MocCreditType;

/**
 * What the rules catalogue says about one MOC credit type: whether it is the board's
 * patient-safety credit (reported as its own record where the board asks for that), the dates it
 * can be earned on, and the sources for it. Immutable.
 */
public final class CreditTypeRules {

    private final MocCreditType type;
    private final boolean patientSafety;
    private final LocalDate validFrom;
    private final LocalDate validUntil;
    private final List<String> sources;

    private CreditTypeRules(Builder b) {
        this.type = b.type;
        this.patientSafety = b.patientSafety;
        this.validFrom = b.validFrom;
        this.validUntil = b.validUntil;
        this.sources = List.copyOf(b.sources);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException(type.code() + ": validUntil is before validFrom");
        }
    }

    /** A builder for {@code type}'s rules: no date limits, not patient safety, no sources. */
    public static Builder builder(MocCreditType type) {
        return new Builder(type);
    }

    /** The credit type. */
    public MocCreditType type() {
        return type;
    }

    /** True for a board's patient-safety credit. */
    public boolean patientSafety() {
        return patientSafety;
    }

    /** The first completion date the type can be earned on, if limited. */
    public Optional<LocalDate> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    /** The last completion date the type can be earned on, if discontinued. */
    public Optional<LocalDate> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** True when a completion on {@code date} can earn this type. */
    public boolean validOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
    }

    /** Keys of the catalogue's sources for this entry ({@code "inferred"} where none was found). */
    public List<String> sources() {
        return sources;
    }

    @Override
    public String toString() {
        return "CreditTypeRules[" + type.code() + "]";
    }

    /** Builds {@link CreditTypeRules}. Not thread safe. */
    public static final class Builder {
        private final MocCreditType type;
        private boolean patientSafety;
        private LocalDate validFrom;
        private LocalDate validUntil;
        private List<String> sources = List.of();

        private Builder(MocCreditType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /** Marks the board's patient-safety credit. */
        public Builder patientSafety(boolean patientSafety) {
            this.patientSafety = patientSafety;
            return this;
        }

        /** The first completion date the type can be earned on. */
        public Builder validFrom(LocalDate validFrom) {
            this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
            return this;
        }

        /** The last completion date the type can be earned on. */
        public Builder validUntil(LocalDate validUntil) {
            this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
            return this;
        }

        /** Source keys for the entry. */
        public Builder sources(List<String> sources) {
            this.sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
            return this;
        }

        /**
         * The rules.
         *
         * @throws IllegalArgumentException when {@code validUntil} is before {@code validFrom}
         */
        public CreditTypeRules build() {
            return new CreditTypeRules(this);
        }
    }
}
