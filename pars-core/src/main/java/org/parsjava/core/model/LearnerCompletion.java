/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.validation.constraints.CompletionKey;
import org.parsjava.core.validation.constraints.ConsentGiven;
import org.parsjava.core.validation.constraints.InReportingWindow;
import org.parsjava.core.validation.constraints.ValidCredits;

/**
 * One learner's completion of one activity: the credit to report to PARS.
 *
 * <p>It carries the AMA PRA Category 1 credits, MOC points per board and credit type, the
 * learner's permission to share the record with ACCME, and the caller's own completion key
 * (for example the LMS enrolment ID). The PARS {@code CreditID} of every credit line is
 * derived from the provider ID and that key, so the same completion always maps to the same
 * PARS records: that is what makes status checks and retries exact.
 *
 * <p>Immutable and thread safe; {@link #toString()} masks the learner.
 */
@ValidCredits
@InReportingWindow
public final class LearnerCompletion {

    @CompletionKey
    private final String completionKey;
    // Not cascaded: a completion checks its activity only as a reference (ID, provider, status);
    // the activity's own rules apply when it is saved (ParsValidator.validateActivity).
    private final Activity activity;

    @Valid
    private final Learner learner;

    private final LocalDate completionDate;
    private final BigDecimal cmeCredits;
    private final List<MocCredit> mocCredits;

    @ConsentGiven
    private final boolean consent;

    private final transient Optional<BigDecimal> cmeView;

    private LearnerCompletion(Builder b) {
        this.completionKey = Objects.requireNonNull(b.completionKey, "completionKey");
        this.activity = Objects.requireNonNull(b.activity, "activity");
        this.learner = Objects.requireNonNull(b.learner, "learner");
        this.completionDate = Objects.requireNonNull(b.completionDate, "completionDate");
        this.cmeCredits = b.cmeCredits;
        this.mocCredits = List.copyOf(b.mocCredits);
        this.consent = b.consent;
        this.cmeView = Optional.ofNullable(cmeCredits);
    }

    /** A new builder; consent defaults to {@code false} (not given). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this completion's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.completionKey = completionKey;
        b.activity = activity;
        b.learner = learner;
        b.completionDate = completionDate;
        b.cmeCredits = cmeCredits;
        b.mocCredits.addAll(mocCredits);
        b.consent = consent;
        return b;
    }

    /** The caller's own key for this completion; PARS credit IDs derive from it. */
    public String completionKey() {
        return completionKey;
    }

    /** The activity completed. */
    public Activity activity() {
        return activity;
    }

    /** The physician who completed it. */
    public Learner learner() {
        return learner;
    }

    /** The calendar day of completion (never a time: PARS shifts times across zones). */
    public LocalDate completionDate() {
        return completionDate;
    }

    /** AMA PRA Category 1 credits earned, if any are reported. */
    public Optional<BigDecimal> cmeCredits() {
        return cmeView;
    }

    /** MOC points earned, one entry per credit type; unmodifiable, never null. */
    public List<MocCredit> mocCredits() {
        return mocCredits;
    }

    /** Whether the learner gave permission to share this record with ACCME. */
    public boolean consent() {
        return consent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearnerCompletion c
                && completionKey.equals(c.completionKey)
                && activity.equals(c.activity)
                && learner.equals(c.learner)
                && completionDate.equals(c.completionDate)
                && Objects.equals(cmeCredits, c.cmeCredits)
                && mocCredits.equals(c.mocCredits)
                && consent == c.consent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(completionKey, activity, learner, completionDate, cmeCredits, mocCredits, consent);
    }

    @Override
    public String toString() {
        return "LearnerCompletion[key=" + completionKey + ", activity="
                + activity.accmeActivityId().orElse(activity.providerActivityId())
                + ", learner=" + learner + ", completed=" + completionDate
                + ", cme=" + (cmeCredits == null ? "-" : cmeCredits.toPlainString())
                + ", moc=" + mocCredits + ", consent=" + consent + "]";
    }

    /** Builds a {@link LearnerCompletion}; not thread safe. */
    public static final class Builder {
        private String completionKey;
        private Activity activity;
        private Learner learner;
        private LocalDate completionDate;
        private BigDecimal cmeCredits;
        private final java.util.ArrayList<MocCredit> mocCredits = new java.util.ArrayList<>();
        private boolean consent;

        private Builder() {}

        /** Sets the caller's completion key (trimmed), e.g. the LMS enrolment ID. */
        public Builder completionKey(String completionKey) {
            this.completionKey =
                    Objects.requireNonNull(completionKey, "completionKey").strip();
            return this;
        }

        /** Sets the activity completed. */
        public Builder activity(Activity activity) {
            this.activity = Objects.requireNonNull(activity, "activity");
            return this;
        }

        /** Sets the learner. */
        public Builder learner(Learner learner) {
            this.learner = Objects.requireNonNull(learner, "learner");
            return this;
        }

        /** Sets the day of completion. */
        public Builder completionDate(LocalDate completionDate) {
            this.completionDate = Objects.requireNonNull(completionDate, "completionDate");
            return this;
        }

        /** Sets the AMA PRA Category 1 credits earned. */
        public Builder cmeCredits(BigDecimal cmeCredits) {
            this.cmeCredits = Objects.requireNonNull(cmeCredits, "cmeCredits");
            return this;
        }

        /** Sets the AMA PRA Category 1 credits from a decimal string such as {@code "1.25"}. */
        public Builder cmeCredits(String cmeCredits) {
            return cmeCredits(Text.decimal(cmeCredits, "cmeCredits"));
        }

        /** Adds MOC points for one board and credit type. */
        public Builder mocCredit(MocCredit credit) {
            mocCredits.add(Objects.requireNonNull(credit, "mocCredit"));
            return this;
        }

        /** Adds MOC points for one board and credit type. */
        public Builder mocCredit(MocCreditType type, String points) {
            return mocCredit(MocCredit.of(type, points));
        }

        /** Removes the AMA PRA Category 1 credits (a MOC-only completion). */
        public Builder clearCmeCredits() {
            this.cmeCredits = null;
            return this;
        }

        /** Removes the MOC credits added so far. */
        public Builder clearMocCredits() {
            mocCredits.clear();
            return this;
        }

        /** Records whether the learner gave permission to share with ACCME. */
        public Builder consent(boolean consent) {
            this.consent = consent;
            return this;
        }

        /**
         * Builds the completion.
         *
         * @throws NullPointerException naming the first required field not set
         */
        public LearnerCompletion build() {
            return new LearnerCompletion(this);
        }
    }
}
