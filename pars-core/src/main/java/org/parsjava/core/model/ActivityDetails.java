/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What ACCME's draft activity schema (v0.1.2) asks about an activity beyond what learner
 * reporting needs: location, commercial and in-kind support, target audience, participants,
 * outcomes measured, commendation criteria, delivery, content outlines, public listing, fee,
 * registration, MIPS, REMS and interprofessional education. All optional; an activity without
 * them uses {@link #NONE}. Immutable and thread safe; contains no personal data.
 */
public final class ActivityDetails {

    /** No details. */
    public static final ActivityDetails NONE = builder().build();

    private final Location location;
    private final Boolean commercialSupport;
    private final List<CommercialSupport> commercialSupportAmounts;
    private final List<String> inKindSupporters;
    private final Set<Profession> professions;
    private final List<String> specialties;
    private final Map<ParticipantCategory, Integer> participants;
    private final Set<MeasuredOutcome> measuredOutcomes;
    private final List<String> commendationTags;
    private final List<String> deliveryMethods;
    private final List<ContentOutline> contentOutlines;
    private final Boolean forPublicList;
    private final Fee fee;
    private final Registration registration;
    private final Boolean mips;
    private final Rems rems;
    private final Boolean interprofessional;

    private ActivityDetails(Builder b) {
        this.location = b.location;
        this.commercialSupport = b.commercialSupport;
        this.commercialSupportAmounts = List.copyOf(b.commercialSupportAmounts);
        this.inKindSupporters = List.copyOf(b.inKindSupporters);
        this.professions =
                b.professions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.professions));
        this.specialties = List.copyOf(b.specialties);
        this.participants =
                b.participants.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(b.participants));
        this.measuredOutcomes = b.measuredOutcomes.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(b.measuredOutcomes));
        this.commendationTags = List.copyOf(b.commendationTags);
        this.deliveryMethods = List.copyOf(b.deliveryMethods);
        this.contentOutlines = List.copyOf(b.contentOutlines);
        this.forPublicList = b.forPublicList;
        this.fee = b.fee;
        this.registration = b.registration;
        this.mips = b.mips;
        this.rems = b.rems;
        this.interprofessional = b.interprofessional;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these details. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.location = location;
        b.commercialSupport = commercialSupport;
        b.commercialSupportAmounts.addAll(commercialSupportAmounts);
        b.inKindSupporters.addAll(inKindSupporters);
        b.professions.addAll(professions);
        b.specialties.addAll(specialties);
        b.participants.putAll(participants);
        b.measuredOutcomes.addAll(measuredOutcomes);
        b.commendationTags.addAll(commendationTags);
        b.deliveryMethods.addAll(deliveryMethods);
        b.contentOutlines.addAll(contentOutlines);
        b.forPublicList = forPublicList;
        b.fee = fee;
        b.registration = registration;
        b.mips = mips;
        b.rems = rems;
        b.interprofessional = interprofessional;
        return b;
    }

    /** Where a live activity takes place. */
    public Optional<Location> location() {
        return Optional.ofNullable(location);
    }

    /** Whether the activity received commercial support (unset: not said). */
    public Optional<Boolean> commercialSupport() {
        return Optional.ofNullable(commercialSupport);
    }

    /** Commercial support received, by supporter. */
    public List<CommercialSupport> commercialSupportAmounts() {
        return commercialSupportAmounts;
    }

    /** Names of in-kind supporters. */
    public List<String> inKindSupporters() {
        return inKindSupporters;
    }

    /** Professions the activity is designed for. */
    public Set<Profession> professions() {
        return professions;
    }

    /** Specialties the activity is designed for (free text, ACCME Appendix F). */
    public List<String> specialties() {
        return specialties;
    }

    /** Participants by category. */
    public Map<ParticipantCategory, Integer> participants() {
        return participants;
    }

    /** Outcomes the provider measured. */
    public Set<MeasuredOutcome> measuredOutcomes() {
        return measuredOutcomes;
    }

    /** Commendation criteria met (ACCME Appendix H names, e.g. "Engages Teams"). */
    public List<String> commendationTags() {
        return commendationTags;
    }

    /** How the activity is delivered (e.g. "In-Person", "Online"). */
    public List<String> deliveryMethods() {
        return deliveryMethods;
    }

    /** Board content-outline entries the activity covers. */
    public List<ContentOutline> contentOutlines() {
        return contentOutlines;
    }

    /** Whether CME Passport may list the activity publicly. */
    public Optional<Boolean> forPublicList() {
        return Optional.ofNullable(forPublicList);
    }

    /** Whether learners pay to take part. */
    public Optional<Fee> fee() {
        return Optional.ofNullable(fee);
    }

    /** Who may register. */
    public Optional<Registration> registration() {
        return Optional.ofNullable(registration);
    }

    /** Whether the activity counts for the Merit-based Incentive Payment System. */
    public Optional<Boolean> mips() {
        return Optional.ofNullable(mips);
    }

    /** The FDA REMS program the activity serves, if any. */
    public Optional<Rems> rems() {
        return Optional.ofNullable(rems);
    }

    /** Whether the activity is interprofessional education (Joint Accreditation). */
    public Optional<Boolean> interprofessional() {
        return Optional.ofNullable(interprofessional);
    }

    /** True when nothing is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivityDetails d
                && Objects.equals(location, d.location)
                && Objects.equals(commercialSupport, d.commercialSupport)
                && commercialSupportAmounts.equals(d.commercialSupportAmounts)
                && inKindSupporters.equals(d.inKindSupporters)
                && professions.equals(d.professions)
                && specialties.equals(d.specialties)
                && participants.equals(d.participants)
                && measuredOutcomes.equals(d.measuredOutcomes)
                && commendationTags.equals(d.commendationTags)
                && deliveryMethods.equals(d.deliveryMethods)
                && contentOutlines.equals(d.contentOutlines)
                && Objects.equals(forPublicList, d.forPublicList)
                && fee == d.fee
                && registration == d.registration
                && Objects.equals(mips, d.mips)
                && Objects.equals(rems, d.rems)
                && Objects.equals(interprofessional, d.interprofessional);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                location,
                commercialSupport,
                commercialSupportAmounts,
                inKindSupporters,
                professions,
                specialties,
                participants,
                measuredOutcomes,
                commendationTags,
                deliveryMethods,
                contentOutlines,
                forPublicList,
                fee,
                registration,
                mips,
                rems,
                interprofessional);
    }

    @Override
    public String toString() {
        return "ActivityDetails[professions=" + professions + ", location=" + location + ", fee=" + fee
                + ", registration=" + registration + ", rems=" + rems + ", ...]";
    }

    /**
     * Where a live activity takes place.
     *
     * @param city the city
     * @param stateOrProvince two-letter state code for the USA, else the province as written
     * @param country three-letter ISO 3166 country code, e.g. {@code USA}
     */
    public record Location(String city, String stateOrProvince, String country) {
        /** Trims, upper-cases the country, and checks its three letters. */
        public Location {
            city = Objects.requireNonNull(city, "city").strip();
            stateOrProvince =
                    Objects.requireNonNull(stateOrProvince, "stateOrProvince").strip();
            country = Objects.requireNonNull(country, "country").strip().toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("country must be a three-letter ISO 3166 code such as USA");
            }
            if (country.equals("USA") && !stateOrProvince.matches("[A-Za-z]{2}")) {
                throw new IllegalArgumentException("stateOrProvince must be a two-letter state code in the USA");
            }
        }
    }

    /**
     * Commercial support from one supporter.
     *
     * @param source the commercial interest's name
     * @param currency ISO 4217 code, e.g. {@code USD}
     * @param amount the amount, in whole units of the currency
     */
    public record CommercialSupport(String source, String currency, BigDecimal amount) {
        /** Checks the values. */
        public CommercialSupport {
            source = Objects.requireNonNull(source, "source").strip();
            currency = Objects.requireNonNull(currency, "currency").strip().toUpperCase(Locale.ROOT);
            Objects.requireNonNull(amount, "amount");
            if (source.isEmpty() || !currency.matches("[A-Z]{3}") || amount.signum() < 0) {
                throw new IllegalArgumentException(
                        "commercial support needs a source, a 3-letter currency and an " + "amount of zero or more");
            }
        }
    }

    /**
     * One entry of a board's content outline (e.g. the ABA MOCA outline).
     *
     * @param source the outline, e.g. {@code ABA}
     * @param keyword the entry's key
     * @param value the entry's value
     */
    public record ContentOutline(String source, String keyword, String value) {
        /** Rejects nulls and blanks. */
        public ContentOutline {
            source = Objects.requireNonNull(source, "source").strip();
            keyword = Objects.requireNonNull(keyword, "keyword").strip();
            value = Objects.requireNonNull(value, "value").strip();
            if (source.isEmpty() || keyword.isEmpty()) {
                throw new IllegalArgumentException("a content outline entry needs a source and a keyword");
            }
        }
    }

    /**
     * A Risk Evaluation and Mitigation Strategy the activity serves.
     *
     * @param type the program
     * @param identifier the FDA REMS identifier, e.g. {@code EG-123456-001}
     */
    public record Rems(RemsType type, String identifier) {
        /** Rejects nulls and a blank identifier. */
        public Rems {
            Objects.requireNonNull(type, "type");
            identifier = Objects.requireNonNull(identifier, "identifier").strip();
            if (identifier.isEmpty()) {
                throw new IllegalArgumentException("a REMS needs its identifier");
            }
        }
    }

    /** Professions an activity targets (draft activity schema, target audience). */
    public enum Profession {
        /** Physician. */
        PHYSICIAN("Physician"),
        /** Nurse. */
        NURSE("Nurse"),
        /** Pharmacist. */
        PHARMACIST("Pharmacist"),
        /** Pharmacy technician. */
        PHARMACY_TECHNICIAN("Pharmacy Technician"),
        /** Physician assistant. */
        PHYSICIAN_ASSISTANT("Physician Assistant"),
        /** Psychologist. */
        PSYCHOLOGIST("Psychologist"),
        /** Optometrist. */
        OPTOMETRIST("Optometrist"),
        /** Social worker. */
        SOCIAL_WORKER("Social Worker"),
        /** Dentist. */
        DENTIST("Dentist"),
        /** Allied dental staff. */
        ALLIED_DENTAL_STAFF("Allied Dental Staff"),
        /** Registered dietitian. */
        REGISTERED_DIETITIAN("Registered Dietitian"),
        /** Dietetic technician, registered. */
        DIETETIC_TECHNICIAN("Dietetic Technician Registered"),
        /** Athletic trainer. */
        ATHLETIC_TRAINER("Athletic Trainer");

        private final String label;

        Profession(String label) {
            this.label = label;
        }

        /** The name the draft schema uses. */
        public String label() {
            return label;
        }
    }

    /** Participant categories (draft activity schema, participation metrics). */
    public enum ParticipantCategory {
        /** Physicians. */
        PHYSICIAN("physician"),
        /** Nurses. */
        NURSE("nurse"),
        /** Pharmacists. */
        PHARMACIST("pharmacist"),
        /** Pharmacy technicians. */
        PHARMACY_TECHNICIAN("pharmacy technician"),
        /** Physician assistants. */
        PHYSICIAN_ASSISTANT("physician assistant"),
        /** Psychologists. */
        PSYCHOLOGIST("psychologist"),
        /** Optometrists. */
        OPTOMETRIST("optometrist"),
        /** Social workers. */
        SOCIAL_WORKER("social worker"),
        /** Dentists. */
        DENTIST("dentist"),
        /** Allied dental staff. */
        ALLIED_DENTAL_STAFF("allied dental staff"),
        /** Registered dietitians. */
        REGISTERED_DIETITIAN("registered dietitians"),
        /** Dietetic technicians, registered. */
        DIETETIC_TECHNICIAN("dietetic technicians registered"),
        /** Athletic trainers. */
        ATHLETIC_TRAINER("athletic trainers"),
        /** Everyone else. */
        OTHER("other");

        private final String label;

        ParticipantCategory(String label) {
            this.label = label;
        }

        /** The name the draft schema uses. */
        public String label() {
            return label;
        }
    }

    /** Outcomes a provider may measure. */
    public enum MeasuredOutcome {
        /** Learner knowledge. */
        LEARNER_KNOWLEDGE("Learner Knowledge"),
        /** Learner competence. */
        LEARNER_COMPETENCE("Learner Competence"),
        /** Learner performance. */
        LEARNER_PERFORMANCE("Learner Performance"),
        /** Patient health. */
        PATIENT_HEALTH("Patient Health"),
        /** Community health. */
        COMMUNITY_HEALTH("Community Health");

        private final String label;

        MeasuredOutcome(String label) {
            this.label = label;
        }

        /** The name the draft schema uses. */
        public String label() {
            return label;
        }
    }

    /** Whether learners pay. */
    public enum Fee {
        /** A fee applies. */
        YES,
        /** Free to learners. */
        FREE,
        /** Depends on the learner. */
        VARIABLE
    }

    /** Who may register. */
    public enum Registration {
        /** Open to all. */
        OPEN_TO_ALL,
        /** Limited to some learners. */
        LIMITED
    }

    /** REMS programs the draft schema names. */
    public enum RemsType {
        /** Opioid Analgesic REMS. */
        OPIOID_ANALGESIC,
        /** Mycophenolate REMS. */
        MYCOPHENOLATE
    }

    /** Builds {@link ActivityDetails}; not thread safe. */
    public static final class Builder {
        private Location location;
        private Boolean commercialSupport;
        private final List<CommercialSupport> commercialSupportAmounts = new ArrayList<>();
        private final List<String> inKindSupporters = new ArrayList<>();
        private final Set<Profession> professions = EnumSet.noneOf(Profession.class);
        private final List<String> specialties = new ArrayList<>();
        private final Map<ParticipantCategory, Integer> participants = new EnumMap<>(ParticipantCategory.class);
        private final Set<MeasuredOutcome> measuredOutcomes = EnumSet.noneOf(MeasuredOutcome.class);
        private final List<String> commendationTags = new ArrayList<>();
        private final List<String> deliveryMethods = new ArrayList<>();
        private final List<ContentOutline> contentOutlines = new ArrayList<>();
        private Boolean forPublicList;
        private Fee fee;
        private Registration registration;
        private Boolean mips;
        private Rems rems;
        private Boolean interprofessional;

        private Builder() {}

        private static String text(String value, String name) {
            String s = Objects.requireNonNull(value, name).strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return s;
        }

        /** Sets the location. */
        public Builder location(Location location) {
            this.location = Objects.requireNonNull(location, "location");
            return this;
        }

        /** Says whether the activity received commercial support. */
        public Builder commercialSupport(boolean received) {
            this.commercialSupport = received;
            return this;
        }

        /** Adds commercial support received from one supporter (and marks the activity supported). */
        public Builder commercialSupport(CommercialSupport support) {
            commercialSupportAmounts.add(Objects.requireNonNull(support, "support"));
            this.commercialSupport = Boolean.TRUE;
            return this;
        }

        /** Adds an in-kind supporter. */
        public Builder inKindSupporter(String name) {
            inKindSupporters.add(text(name, "name"));
            return this;
        }

        /** Adds a target profession. */
        public Builder profession(Profession profession) {
            professions.add(Objects.requireNonNull(profession, "profession"));
            return this;
        }

        /** Adds a target specialty. */
        public Builder specialty(String specialty) {
            specialties.add(text(specialty, "specialty"));
            return this;
        }

        /** Sets the number of participants in a category (zero or more). */
        public Builder participants(ParticipantCategory category, int count) {
            Objects.requireNonNull(category, "category");
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
            participants.put(category, count);
            return this;
        }

        /** Adds a measured outcome. */
        public Builder measuredOutcome(MeasuredOutcome outcome) {
            measuredOutcomes.add(Objects.requireNonNull(outcome, "outcome"));
            return this;
        }

        /** Adds a commendation criterion met. */
        public Builder commendationTag(String tag) {
            commendationTags.add(text(tag, "tag"));
            return this;
        }

        /** Adds a delivery method. */
        public Builder deliveryMethod(String method) {
            deliveryMethods.add(text(method, "method"));
            return this;
        }

        /** Adds a content-outline entry. */
        public Builder contentOutline(ContentOutline entry) {
            contentOutlines.add(Objects.requireNonNull(entry, "entry"));
            return this;
        }

        /** Says whether CME Passport may list the activity. */
        public Builder forPublicList(boolean listed) {
            this.forPublicList = listed;
            return this;
        }

        /** Sets the fee. */
        public Builder fee(Fee fee) {
            this.fee = Objects.requireNonNull(fee, "fee");
            return this;
        }

        /** Sets who may register. */
        public Builder registration(Registration registration) {
            this.registration = Objects.requireNonNull(registration, "registration");
            return this;
        }

        /** Says whether the activity counts for MIPS. */
        public Builder mips(boolean counts) {
            this.mips = counts;
            return this;
        }

        /** Sets the REMS program. */
        public Builder rems(Rems rems) {
            this.rems = Objects.requireNonNull(rems, "rems");
            return this;
        }

        /** Says whether the activity is interprofessional. */
        public Builder interprofessional(boolean interprofessional) {
            this.interprofessional = interprofessional;
            return this;
        }

        /** Builds the details. */
        public ActivityDetails build() {
            return new ActivityDetails(this);
        }
    }
}
