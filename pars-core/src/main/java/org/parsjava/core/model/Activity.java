/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.parsjava.core.validation.constraints.ValidActivity;

/**
 * A CME activity as PARS knows it: who provides it, its identifiers, title, description,
 * format, dates, sponsorship, the credits it is designated for and its MOC registrations, plus
 * the draft schema's optional {@link ActivityDetails}.
 *
 * <p>The ACCME Activity ID (nine digits) is issued by PARS when the activity is first saved;
 * learners are reported against it. Immutable and thread safe; contains no personal data.
 */
@ValidActivity
public final class Activity {

    private final String providerId;
    private final String providerActivityId;
    private final String accmeActivityId;
    private final String title;
    private final ActivityType type;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final BigDecimal maxCmeCredits;
    private final Map<Board, MocRegistration> mocRegistrations;
    private final ActivityStatus status;
    private final String description;
    private final Sponsorship sponsorship;
    private final CreditType creditType;
    private final ActivityDetails details;
    private final transient Optional<String> accmeActivityIdView;

    private Activity(Builder b) {
        this.providerId = Objects.requireNonNull(b.providerId, "providerId");
        this.providerActivityId = Objects.requireNonNull(b.providerActivityId, "providerActivityId");
        this.accmeActivityId = b.accmeActivityId;
        this.title = Objects.requireNonNull(b.title, "title");
        this.type = Objects.requireNonNull(b.type, "type");
        this.startDate = Objects.requireNonNull(b.startDate, "startDate");
        this.endDate = Objects.requireNonNull(b.endDate, "endDate");
        this.maxCmeCredits = Objects.requireNonNull(b.maxCmeCredits, "maxCmeCredits");
        this.mocRegistrations = b.mocRegistrations.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(b.mocRegistrations));
        this.status = b.status;
        this.description = b.description;
        this.sponsorship = b.sponsorship;
        this.creditType = b.creditType;
        this.details = b.details;
        this.accmeActivityIdView = Optional.ofNullable(accmeActivityId);
    }

    /** A new builder; status defaults to {@link ActivityStatus#ACTIVE}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this activity's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.providerId = providerId;
        b.providerActivityId = providerActivityId;
        b.accmeActivityId = accmeActivityId;
        b.title = title;
        b.type = type;
        b.startDate = startDate;
        b.endDate = endDate;
        b.maxCmeCredits = maxCmeCredits;
        b.mocRegistrations.putAll(mocRegistrations);
        b.status = status;
        b.description = description;
        b.sponsorship = sponsorship;
        b.creditType = creditType;
        b.details = details;
        return b;
    }

    /** The ACCME-issued provider ID: seven digits, leading zeros significant. */
    public String providerId() {
        return providerId;
    }

    /** The provider's own ID for the activity, unique per provider. */
    public String providerActivityId() {
        return providerActivityId;
    }

    /** The nine-digit ACCME Activity ID, once PARS has issued one. */
    public Optional<String> accmeActivityId() {
        return accmeActivityIdView;
    }

    /** The activity title. */
    public String title() {
        return title;
    }

    /** The activity format. */
    public ActivityType type() {
        return type;
    }

    /** First day of the activity. */
    public LocalDate startDate() {
        return startDate;
    }

    /** Last day of the activity (for enduring material, when it expires). */
    public LocalDate endDate() {
        return endDate;
    }

    /** AMA PRA Category 1 credits designated: the most a learner may claim. */
    public BigDecimal maxCmeCredits() {
        return maxCmeCredits;
    }

    /** MOC registrations by board; unmodifiable, never null. */
    public Map<Board, MocRegistration> mocRegistrations() {
        return mocRegistrations;
    }

    /** The registration for {@code board}, if the activity is registered with it. */
    public Optional<MocRegistration> mocRegistration(Board board) {
        return Optional.ofNullable(mocRegistrations.get(Objects.requireNonNull(board, "board")));
    }

    /** Life-cycle status. */
    public ActivityStatus status() {
        return status;
    }

    /**
     * What the activity is about (at most 2,500 characters). Required by the draft activity
     * schema to save an activity; an activity read back from PARS may lack it.
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Direct or joint providership. Required to save an activity, like the description. */
    public Optional<Sponsorship> sponsorship() {
        return Optional.ofNullable(sponsorship);
    }

    /** The credit system {@link #maxCmeCredits()} is designated in; AMA PRA Category 1 by default. */
    public CreditType creditType() {
        return creditType;
    }

    /** The optional descriptive fields of the draft activity schema; {@link ActivityDetails#NONE} by default. */
    public ActivityDetails details() {
        return details;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activity a
                && providerId.equals(a.providerId)
                && providerActivityId.equals(a.providerActivityId)
                && Objects.equals(accmeActivityId, a.accmeActivityId)
                && title.equals(a.title)
                && type == a.type
                && startDate.equals(a.startDate)
                && endDate.equals(a.endDate)
                && maxCmeCredits.compareTo(a.maxCmeCredits) == 0
                && mocRegistrations.equals(a.mocRegistrations)
                && status == a.status
                && Objects.equals(description, a.description)
                && sponsorship == a.sponsorship
                && creditType == a.creditType
                && details.equals(a.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                providerId,
                providerActivityId,
                accmeActivityId,
                title,
                type,
                startDate,
                endDate,
                maxCmeCredits.stripTrailingZeros(),
                mocRegistrations,
                status,
                description,
                sponsorship,
                creditType,
                details);
    }

    @Override
    public String toString() {
        return "Activity[provider=" + providerId + ", providerActivityId=" + providerActivityId
                + ", accmeActivityId=" + accmeActivityId + ", type=" + type + ", " + startDate
                + ".." + endDate + ", maxCmeCredits=" + maxCmeCredits.toPlainString()
                + ", boards=" + mocRegistrations.keySet() + ", status=" + status + "]";
    }

    /** Builds an {@link Activity}; not thread safe. */
    public static final class Builder {
        private String providerId;
        private String providerActivityId;
        private String accmeActivityId;
        private String title;
        private ActivityType type;
        private LocalDate startDate;
        private LocalDate endDate;
        private BigDecimal maxCmeCredits;
        private final Map<Board, MocRegistration> mocRegistrations = new TreeMap<>();
        private ActivityStatus status = ActivityStatus.ACTIVE;
        private String description;
        private Sponsorship sponsorship;
        private CreditType creditType = CreditType.AMA_PRA_CATEGORY_1;
        private ActivityDetails details = ActivityDetails.NONE;

        private Builder() {}

        /** Sets the description (trimmed). */
        public Builder description(String description) {
            this.description =
                    Objects.requireNonNull(description, "description").strip();
            return this;
        }

        /** Sets direct or joint providership. */
        public Builder sponsorship(Sponsorship sponsorship) {
            this.sponsorship = Objects.requireNonNull(sponsorship, "sponsorship");
            return this;
        }

        /** Sets the credit system of the designated credits. */
        public Builder creditType(CreditType creditType) {
            this.creditType = Objects.requireNonNull(creditType, "creditType");
            return this;
        }

        /** Sets the optional descriptive fields. */
        public Builder details(ActivityDetails details) {
            this.details = Objects.requireNonNull(details, "details");
            return this;
        }

        /** Sets the seven-digit ACCME provider ID (trimmed). */
        public Builder providerId(String providerId) {
            this.providerId = Objects.requireNonNull(providerId, "providerId").strip();
            return this;
        }

        /** Sets the provider's own activity ID (trimmed). */
        public Builder providerActivityId(String providerActivityId) {
            this.providerActivityId = Objects.requireNonNull(providerActivityId, "providerActivityId")
                    .strip();
            return this;
        }

        /** Sets the nine-digit ACCME Activity ID (trimmed). */
        public Builder accmeActivityId(String accmeActivityId) {
            this.accmeActivityId =
                    Objects.requireNonNull(accmeActivityId, "accmeActivityId").strip();
            return this;
        }

        /** Sets the title (trimmed). */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title").strip();
            return this;
        }

        /** Sets the format. */
        public Builder type(ActivityType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Sets the first day. */
        public Builder startDate(LocalDate startDate) {
            this.startDate = Objects.requireNonNull(startDate, "startDate");
            return this;
        }

        /** Sets the last day. */
        public Builder endDate(LocalDate endDate) {
            this.endDate = Objects.requireNonNull(endDate, "endDate");
            return this;
        }

        /** Sets the designated AMA PRA Category 1 credits. */
        public Builder maxCmeCredits(BigDecimal maxCmeCredits) {
            this.maxCmeCredits = Objects.requireNonNull(maxCmeCredits, "maxCmeCredits");
            return this;
        }

        /** Sets the designated credits from a decimal string such as {@code "1.5"}. */
        public Builder maxCmeCredits(String maxCmeCredits) {
            return maxCmeCredits(Text.decimal(maxCmeCredits, "maxCmeCredits"));
        }

        /** Adds (or replaces) the registration for its board. */
        public Builder mocRegistration(MocRegistration registration) {
            Objects.requireNonNull(registration, "registration");
            mocRegistrations.put(registration.board(), registration);
            return this;
        }

        /** Sets the life-cycle status. */
        public Builder status(ActivityStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Builds the activity.
         *
         * @throws NullPointerException naming the first required field not set
         */
        public Activity build() {
            return new Activity(this);
        }
    }
}
