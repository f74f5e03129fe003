/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.time.MonthDay;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.parsjava.core.validation.constraints.BoardIds;
import org.parsjava.core.validation.constraints.IdentityRequired;
import org.parsjava.core.validation.constraints.PersonName;

/**
 * A physician as PARS identifies them: name, birth month and day (never the year), and at
 * least one of NPI or state license, plus a certifying-board ID for each board that receives
 * MOC credit.
 *
 * <p>Immutable and thread safe. {@link #toString()} shows initials and the last two characters
 * of identifiers only. Rules that depend on content (name shape, identity present, board ID
 * format) are checked by {@link org.parsjava.core.validation.ParsValidator}, so a roster with
 * bad rows can still be built and reported on in full.
 */
@IdentityRequired
public final class Learner {

    @PersonName
    private final String firstName;

    @PersonName
    private final String lastName;

    private final MonthDay birthDate;
    private final Npi npi;
    private final StateLicense license;

    @BoardIds
    private final Map<Board, String> boardIds;

    private final Profession profession;
    // Built once: accessors are called for every rule on every record of large batches.
    private final transient Optional<Npi> npiView;
    private final transient Optional<StateLicense> licenseView;

    private Learner(Builder b) {
        this.firstName = Objects.requireNonNull(b.firstName, "firstName");
        this.lastName = Objects.requireNonNull(b.lastName, "lastName");
        this.birthDate = Objects.requireNonNull(b.birthDate, "birthDate");
        this.npi = b.npi;
        this.license = b.license;
        this.boardIds = b.boardIds.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(b.boardIds));
        this.profession = b.profession;
        this.npiView = Optional.ofNullable(npi);
        this.licenseView = Optional.ofNullable(license);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this learner's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.firstName = firstName;
        b.lastName = lastName;
        b.birthDate = birthDate;
        b.npi = npi;
        b.license = license;
        b.boardIds.putAll(boardIds);
        b.profession = profession;
        return b;
    }

    /** First (given) name, trimmed with inner white space collapsed. */
    public String firstName() {
        return firstName;
    }

    /** Last (family) name, trimmed with inner white space collapsed. */
    public String lastName() {
        return lastName;
    }

    /** Birth month and day; PARS never receives the year. */
    public MonthDay birthDate() {
        return birthDate;
    }

    /** The National Provider Identifier, if known. */
    public Optional<Npi> npi() {
        return npiView;
    }

    /** The state license, if known. */
    public Optional<StateLicense> license() {
        return licenseView;
    }

    /** Certifying-board IDs, by board; unmodifiable, never null. */
    public Map<Board, String> boardIds() {
        return boardIds;
    }

    /** The learner's profession, when the provider knows it. */
    public Optional<Profession> profession() {
        return Optional.ofNullable(profession);
    }

    /** The ID issued by {@code board}, if known. */
    public Optional<String> boardId(Board board) {
        return Optional.ofNullable(boardIds.get(Objects.requireNonNull(board, "board")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Learner l
                && firstName.equals(l.firstName)
                && lastName.equals(l.lastName)
                && birthDate.equals(l.birthDate)
                && Objects.equals(profession, l.profession)
                && Objects.equals(npi, l.npi)
                && Objects.equals(license, l.license)
                && boardIds.equals(l.boardIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstName, lastName, birthDate, npi, license, boardIds, profession);
    }

    /** Initials and masked identifiers only; the birth date is never shown. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Learner[")
                .append(Masking.initial(firstName))
                .append(' ')
                .append(Masking.initial(lastName))
                .append(", birthDate=**/**");
        if (npi != null) {
            b.append(", npi=").append(npi.masked());
        }
        if (license != null) {
            b.append(", license=")
                    .append(license.jurisdiction().code())
                    .append(' ')
                    .append(Masking.lastTwo(license.number()));
        }
        boardIds.forEach((board, id) ->
                b.append(", ").append(board.acronym()).append('=').append(Masking.lastTwo(id)));
        return b.append(']').toString();
    }

    /** Builds a {@link Learner}; not thread safe. */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private MonthDay birthDate;
        private Npi npi;
        private StateLicense license;
        private final Map<Board, String> boardIds = new TreeMap<>();
        private Profession profession;

        private Builder() {}

        /** Sets the first name; white space is trimmed and collapsed. */
        public Builder firstName(String firstName) {
            this.firstName = Text.normalizeName(Objects.requireNonNull(firstName, "firstName"));
            return this;
        }

        /** Sets the last name; white space is trimmed and collapsed. */
        public Builder lastName(String lastName) {
            this.lastName = Text.normalizeName(Objects.requireNonNull(lastName, "lastName"));
            return this;
        }

        /** Sets the birth month and day. */
        public Builder birthDate(MonthDay birthDate) {
            this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
            return this;
        }

        /**
         * Sets the birth month and day.
         *
         * @throws IllegalArgumentException if the pair is not a calendar day (02/29 is); the
         *     message does not repeat it
         */
        public Builder birthDate(int month, int day) {
            try {
                return birthDate(MonthDay.of(month, day));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("birthDate is not a calendar month and day (02/29 is accepted)");
            }
        }

        /** Sets the NPI. */
        public Builder npi(Npi npi) {
            this.npi = Objects.requireNonNull(npi, "npi");
            return this;
        }

        /** Parses and sets the NPI; see {@link Npi#of(String)}. */
        public Builder npi(String npi) {
            return npi(Npi.of(npi));
        }

        /** Sets the state license. */
        public Builder license(StateLicense license) {
            this.license = Objects.requireNonNull(license, "license");
            return this;
        }

        /** Sets the state license from its parts. */
        public Builder license(LicensingJurisdiction jurisdiction, String number) {
            return license(StateLicense.of(jurisdiction, number));
        }

        /** Sets the ID {@code board} issued to this physician; trimmed, leading zeros kept. */
        public Builder boardId(Board board, String id) {
            boardIds.put(
                    Objects.requireNonNull(board, "board"),
                    Objects.requireNonNull(id, "boardId").strip());
            return this;
        }

        /**
         * Sets the learner's profession. Optional: when it is known and the rules catalogue
         * does not let that profession earn MOC, MOC lines are refused before sending.
         */
        public Builder profession(Profession profession) {
            this.profession = Objects.requireNonNull(profession, "profession");
            return this;
        }

        /** Removes the board IDs set so far. */
        public Builder clearBoardIds() {
            boardIds.clear();
            return this;
        }

        /**
         * Builds the learner.
         *
         * @throws NullPointerException naming the first required field not set
         */
        public Learner build() {
            return new Learner(this);
        }
    }
}
