/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.Npi;

/**
 * Whose transcript to read (the draft transcript API's query): a physician found by NPI, by
 * state license, or by name, optionally limited to completions in a date range. Every value is
 * checked when built (an NPI's check digit, the state's code, the range's order), and errors
 * name the field, never the value. Immutable; {@link #toString()} shows no personal data.
 */
public final class TranscriptQuery {

    private final String firstName;
    private final String lastName;
    private final LicensingJurisdiction state;
    private final String licenseNumber;
    private final Npi npi;
    private final LocalDate completedFrom;
    private final LocalDate completedTo;

    private TranscriptQuery(Builder b) {
        this.firstName = b.firstName;
        this.lastName = b.lastName;
        this.state = b.state;
        this.licenseNumber = b.licenseNumber;
        this.npi = b.npi;
        this.completedFrom = b.completedFrom;
        this.completedTo = b.completedTo;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The NPI, if the query has one. */
    public Optional<Npi> npi() {
        return Optional.ofNullable(npi);
    }

    /** The first completion date asked for, if any. */
    public Optional<LocalDate> completedFrom() {
        return Optional.ofNullable(completedFrom);
    }

    /** The last completion date asked for, if any. */
    public Optional<LocalDate> completedTo() {
        return Optional.ofNullable(completedTo);
    }

    /** The query's parameters; {@code withRangeEnd} false for the credits-by-date operation. */
    Map<Parameter, String> parameters(boolean withRangeEnd) {
        Map<Parameter, String> p = new EnumMap<>(Parameter.class);
        if (firstName != null) {
            p.put(Parameter.FIRST_NAME, firstName);
        }
        if (lastName != null) {
            p.put(Parameter.LAST_NAME, lastName);
        }
        if (state != null) {
            p.put(Parameter.STATE_OF_LICENSURE, state.code());
            p.put(Parameter.STATE_MEDICAL_LICENSE_ID, licenseNumber);
        }
        if (npi != null) {
            p.put(Parameter.NPI, npi.value());
        }
        if (completedFrom != null) {
            p.put(Parameter.COMPLETION_DATE_RANGE_START, completedFrom.toString());
        }
        if (completedTo != null && withRangeEnd) {
            p.put(Parameter.COMPLETION_DATE_RANGE_END, completedTo.toString());
        }
        return p;
    }

    /** The personal values the query carries, to keep out of exception messages. */
    java.util.List<String> personalValues() {
        java.util.List<String> v = new java.util.ArrayList<>();
        for (String s : new String[] {firstName, lastName, licenseNumber, npi == null ? null : npi.value()}) {
            if (s != null) {
                v.add(s);
            }
        }
        return v;
    }

    @Override
    public String toString() {
        return "TranscriptQuery[" + (npi != null ? "npi" : state != null ? "license" : "name")
                + (completedFrom != null || completedTo != null ? ", dated" : "") + "]";
    }

    /** Builds a {@link TranscriptQuery}. Not thread safe. */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private LicensingJurisdiction state;
        private String licenseNumber;
        private Npi npi;
        private LocalDate completedFrom;
        private LocalDate completedTo;

        private Builder() {}

        /** The physician's given name. */
        public Builder firstName(String firstName) {
            this.firstName = text(firstName, "firstName");
            return this;
        }

        /** The physician's family name. */
        public Builder lastName(String lastName) {
            this.lastName = text(lastName, "lastName");
            return this;
        }

        /** A state medical license: the licensing state and the license number. */
        public Builder license(LicensingJurisdiction state, String number) {
            this.state = Objects.requireNonNull(state, "state");
            this.licenseNumber = text(number, "stateMedicalLicenseID");
            return this;
        }

        /**
         * The physician's NPI.
         *
         * @throws IllegalArgumentException when it is not 10 digits with a valid check digit
         */
        public Builder npi(String npi) {
            Objects.requireNonNull(npi, "npi");
            if (!Npi.isValid(npi.strip())) {
                throw new IllegalArgumentException("npi is not a valid NPI (10 digits with a Luhn check digit)");
            }
            this.npi = Npi.of(npi.strip());
            return this;
        }

        /** Only completions on or after this date. */
        public Builder completedFrom(LocalDate date) {
            this.completedFrom = Objects.requireNonNull(date, "completedFrom");
            return this;
        }

        /** Only completions on or before this date. */
        public Builder completedTo(LocalDate date) {
            this.completedTo = Objects.requireNonNull(date, "completedTo");
            return this;
        }

        /**
         * Builds the query.
         *
         * @throws IllegalStateException when it names no physician (an NPI, a license, or both
         *     names are needed) or the date range ends before it starts
         */
        public TranscriptQuery build() {
            if (npi == null && state == null && (firstName == null || lastName == null)) {
                throw new IllegalStateException(
                        "a transcript query needs an NPI, a state license, or first and last " + "name");
            }
            if (completedFrom != null && completedTo != null && completedTo.isBefore(completedFrom)) {
                throw new IllegalStateException("completedTo is before completedFrom");
            }
            return new TranscriptQuery(this);
        }

        private static String text(String value, String field) {
            Objects.requireNonNull(value, field);
            String v = value.strip();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(field + " is blank");
            }
            return v;
        }
    }
}
