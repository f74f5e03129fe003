/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.MocCreditType;

/**
 * What the rules catalogue says about one board: the shape of its learner IDs, whether a MOC
 * line needs one, its credit types and the rules that differ from board to board
 * (docs/pars-reference.md 12). Immutable.
 */
public final class BoardRules {

    /** The learner ID shape of a board that publishes none: 1-20 letters, digits or hyphens. */
    public static final String DEFAULT_ID_FORMAT = "[0-9A-Za-z-]{1,20}";

    private final Board board;
    private final Pattern idFormat;
    private final boolean idRequired;
    private final boolean oneRecordPerDiplomateActivityDay;
    private final boolean uniformCredit;
    private final BigDecimal dailyCreditCap;
    private final LocalDate activitiesFrom;
    private final LocalDate completionsFrom;
    private final Map<MocCreditType, CreditTypeRules> creditTypes;
    private final List<Set<MocCreditType>> incompatibleCreditTypes;
    private final List<String> sources;
    private final String note;

    private BoardRules(Builder b) {
        this.board = b.board;
        this.idFormat = b.idFormat;
        this.idRequired = b.idRequired;
        this.oneRecordPerDiplomateActivityDay = b.oneRecordPerDiplomateActivityDay;
        this.uniformCredit = b.uniformCredit;
        this.dailyCreditCap = b.dailyCreditCap;
        this.activitiesFrom = b.activitiesFrom;
        this.completionsFrom = b.completionsFrom;
        this.creditTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.creditTypes));
        this.incompatibleCreditTypes = List.copyOf(b.incompatible);
        this.sources = List.copyOf(b.sources);
        this.note = b.note;
        for (Set<MocCreditType> pair : incompatibleCreditTypes) {
            for (MocCreditType t : pair) {
                if (!creditTypes.containsKey(t)) {
                    throw new IllegalArgumentException(
                            board.code() + ": incompatible credit type " + t.code() + " is not one of the board's");
                }
            }
        }
    }

    /** A builder for {@code board}'s rules, starting from the permissive defaults. */
    public static Builder builder(Board board) {
        return new Builder(board);
    }

    /** A builder holding these rules, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(board);
        b.idFormat = idFormat;
        b.idRequired = idRequired;
        b.oneRecordPerDiplomateActivityDay = oneRecordPerDiplomateActivityDay;
        b.uniformCredit = uniformCredit;
        b.dailyCreditCap = dailyCreditCap;
        b.activitiesFrom = activitiesFrom;
        b.completionsFrom = completionsFrom;
        b.creditTypes.putAll(creditTypes);
        b.incompatible.addAll(incompatibleCreditTypes);
        b.sources = sources;
        b.note = note;
        return b;
    }

    /** The board. */
    public Board board() {
        return board;
    }

    /** The shape a learner's ID at this board must fully match. */
    public Pattern idFormat() {
        return idFormat;
    }

    /** True when the shape is {@link #DEFAULT_ID_FORMAT}. */
    public boolean hasDefaultIdFormat() {
        return DEFAULT_ID_FORMAT.equals(idFormat.pattern());
    }

    /**
     * True when a MOC line for this board needs the learner's board ID; false where the board
     * matches learners without it (ABS), and a missing ID is only a warning.
     */
    public boolean idRequired() {
        return idRequired;
    }

    /**
     * True when the board takes one record per diplomate, activity and completion date, with
     * patient-safety credit as a second record (ABA, docs/pars-reference.md 12 [N6]).
     */
    public boolean oneRecordPerDiplomateActivityDay() {
        return oneRecordPerDiplomateActivityDay;
    }

    /**
     * True when every learner of an activity must earn the same number of this board's MOC
     * credits (ABP, docs/pars-reference.md 12 [N7]).
     */
    public boolean uniformCredit() {
        return uniformCredit;
    }

    /** The most credit the board accepts for one learner on one day (ABS: 12), if capped. */
    public Optional<BigDecimal> dailyCreditCap() {
        return Optional.ofNullable(dailyCreditCap);
    }

    /** The first activity start date for which the board takes MOC through PARS, if limited. */
    public Optional<LocalDate> activitiesFrom() {
        return Optional.ofNullable(activitiesFrom);
    }

    /** The first completion date the board accepts through PARS, if limited. */
    public Optional<LocalDate> completionsFrom() {
        return Optional.ofNullable(completionsFrom);
    }

    /** The board's credit types and their rules, in catalogue order. */
    public Map<MocCreditType, CreditTypeRules> creditTypes() {
        return creditTypes;
    }

    /** Pairs of credit types one record may not combine (ABO: IMP and Patient Safety). */
    public List<Set<MocCreditType>> incompatibleCreditTypes() {
        return incompatibleCreditTypes;
    }

    /** Keys of the catalogue's sources for this board. */
    public List<String> sources() {
        return sources;
    }

    /** A remark for people (such as a retirement date), if any. */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    @Override
    public String toString() {
        return "BoardRules[" + board.code() + "]";
    }

    /** Builds {@link BoardRules}. Not thread safe. */
    public static final class Builder {
        private final Board board;
        private Pattern idFormat = Pattern.compile(DEFAULT_ID_FORMAT);
        private boolean idRequired = true;
        private boolean oneRecordPerDiplomateActivityDay;
        private boolean uniformCredit;
        private BigDecimal dailyCreditCap;
        private LocalDate activitiesFrom;
        private LocalDate completionsFrom;
        private final Map<MocCreditType, CreditTypeRules> creditTypes = new LinkedHashMap<>();
        private final List<Set<MocCreditType>> incompatible = new ArrayList<>();
        private List<String> sources = List.of();
        private String note;

        private Builder(Board board) {
            this.board = Objects.requireNonNull(board, "board");
        }

        /**
         * The regular expression a learner's ID must fully match.
         *
         * @throws IllegalArgumentException when it is not a valid regular expression
         */
        public Builder idFormat(String regex) {
            Objects.requireNonNull(regex, "regex");
            try {
                this.idFormat = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(board.code() + ": idFormat is not a regular expression", e);
            }
            return this;
        }

        /** Whether a MOC line needs the learner's board ID (default true). */
        public Builder idRequired(boolean idRequired) {
            this.idRequired = idRequired;
            return this;
        }

        /** One record per diplomate, activity and completion date (default false). */
        public Builder oneRecordPerDiplomateActivityDay(boolean value) {
            this.oneRecordPerDiplomateActivityDay = value;
            return this;
        }

        /** Every learner of an activity earns the same MOC credit (default false). */
        public Builder uniformCredit(boolean uniformCredit) {
            this.uniformCredit = uniformCredit;
            return this;
        }

        /** The most credit one learner may earn on one day. */
        public Builder dailyCreditCap(BigDecimal cap) {
            if (Objects.requireNonNull(cap, "cap").signum() <= 0) {
                throw new IllegalArgumentException(board.code() + ": dailyCreditCap must be positive");
            }
            this.dailyCreditCap = cap;
            return this;
        }

        /** The first activity start date the board takes. */
        public Builder activitiesFrom(LocalDate date) {
            this.activitiesFrom = Objects.requireNonNull(date, "date");
            return this;
        }

        /** The first completion date the board takes. */
        public Builder completionsFrom(LocalDate date) {
            this.completionsFrom = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * Adds (or replaces) a credit type's rules.
         *
         * @throws IllegalArgumentException when the type belongs to another board
         */
        public Builder creditType(CreditTypeRules rules) {
            Objects.requireNonNull(rules, "rules");
            if (!rules.type().board().equals(board)) {
                throw new IllegalArgumentException(
                        rules.type().code() + " belongs to " + rules.type().board() + ", not " + board);
            }
            creditTypes.put(rules.type(), rules);
            return this;
        }

        /** Records that one completion may not carry both {@code a} and {@code b}. */
        public Builder incompatible(MocCreditType a, MocCreditType b) {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
            if (a.equals(b)) {
                throw new IllegalArgumentException(board.code() + ": a credit type cannot be incompatible with itself");
            }
            incompatible.add(Set.of(a, b));
            return this;
        }

        /** Source keys for the board. */
        public Builder sources(List<String> sources) {
            this.sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
            return this;
        }

        /** A remark for people. */
        public Builder note(String note) {
            this.note = Objects.requireNonNull(note, "note");
            return this;
        }

        /**
         * The rules.
         *
         * @throws IllegalArgumentException when an incompatible pair names a type the board does
         *     not have
         */
        public BoardRules build() {
            return new BoardRules(this);
        }
    }
}
