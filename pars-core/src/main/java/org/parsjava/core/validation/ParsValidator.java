/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.Npi;
import org.parsjava.core.model.Profession;
import org.parsjava.core.model.StateLicense;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.validation.internal.RawValues;
import org.parsjava.core.validation.internal.Rules;
import org.parsjava.core.validation.internal.ViolationSink;

/**
 * The one entry point for checking records before they go to PARS.
 *
 * <p>{@code validate} returns a {@link ValidationReport} listing every violation of every
 * record (never stopping at the first), with the record's index and completion key, the field
 * path, a stable {@link ViolationCode} and a message free of personal data. Rules report into
 * a list; no exception is created per bad record. The {@code parse*} methods read the messy
 * values people type in rosters and report precisely what is wrong instead of throwing.
 *
 * <p>Immutable and thread safe: build one and share it.
 *
 * <pre>{@code
 * ParsValidator validator = ParsValidator.defaults();
 * ValidationReport report = validator.validate(completions);
 * report.errors().forEach(v -> log.warn("{}", v));   // no PII in a Violation
 * }</pre>
 */
public final class ParsValidator {

    private static final ParsValidator DEFAULTS = builder().build();

    private final Clock clock;
    private final Rules rules;
    private final RulesCatalogue catalogue;

    private ParsValidator(Builder b) {
        this.clock = b.clock;
        this.catalogue = b.catalogue;
        this.rules = new Rules(b.catalogue, b.reportingWindow);
    }

    /** A validator on the system clock with the default reporting window and the shipped rules catalogue. */
    public static ParsValidator defaults() {
        return DEFAULTS;
    }

    /** A builder to set the clock, reporting window and rules catalogue. */
    public static Builder builder() {
        return new Builder();
    }

    /** Validates one completion, including its learner. */
    public ValidationReport validate(LearnerCompletion completion) {
        Objects.requireNonNull(completion, "completion");
        return new ValidationReport(1, check(completion, 0, LocalDate.now(clock)));
    }

    /** Validates every completion, including cross-record checks (duplicates, daily caps). */
    public ValidationReport validate(Iterable<LearnerCompletion> completions) {
        Objects.requireNonNull(completions, "completions");
        // A known size presizes the duplicate-detection sets, which otherwise rehash as they grow.
        Batch batch = completions instanceof java.util.Collection<?> known ? newBatch(known.size()) : newBatch();
        for (LearnerCompletion c : completions) {
            batch.add(c);
        }
        return batch.report();
    }

    /** Validates a stream of completions; the stream is consumed. */
    public ValidationReport validate(Stream<LearnerCompletion> completions) {
        Objects.requireNonNull(completions, "completions");
        Batch batch = newBatch();
        completions.forEachOrdered(batch::add);
        return batch.report();
    }

    /** Validates an activity before it is saved in PARS. */
    public ValidationReport validateActivity(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        List<Violation> out = new ArrayList<>(0);
        String key = activity.providerActivityId().length() <= 100 ? activity.providerActivityId() : "";
        ViolationSink sink =
                (field, code, message) -> out.add(new Violation(-1, key, field, code, code.severity(), message));
        Rules.checkActivity(activity, "", sink);
        rules.boards().checkRegistrations(activity, "", sink);
        return new ValidationReport(1, out);
    }

    /** The rules catalogue this validator applies. */
    public RulesCatalogue rules() {
        return catalogue;
    }

    /**
     * Validates an update of {@code existing} (as PARS holds it) to {@code updated}: the activity
     * rules plus {@link ViolationCode#ACTIVITY_PROTECTED_FIELD_CHANGED} for each field PARS would
     * treat as a different activity.
     */
    public ValidationReport validateActivityUpdate(Activity existing, Activity updated) {
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(updated, "updated");
        List<Violation> out = new ArrayList<>(validateActivity(updated).violations());
        String key = updated.providerActivityId().length() <= 100 ? updated.providerActivityId() : "";
        Rules.checkActivityUpdate(
                existing,
                updated,
                (field, code, message) -> out.add(new Violation(-1, key, field, code, code.severity(), message)));
        return new ValidationReport(1, out);
    }

    /**
     * Starts a streaming validation: add records one at a time, get each record's violations
     * back at once, and the cumulative report at the end. Use it to validate while reading a
     * large file without holding the records.
     */
    public Batch newBatch() {
        return new Batch(this, LocalDate.now(clock), 0);
    }

    /**
     * {@link #newBatch()} sized for about {@code expectedRecords} records, which spares the
     * duplicate checks their rehashing on large batches.
     *
     * @throws IllegalArgumentException when {@code expectedRecords} is negative
     */
    public Batch newBatch(int expectedRecords) {
        if (expectedRecords < 0) {
            throw new IllegalArgumentException("expectedRecords must not be negative: " + expectedRecords);
        }
        return new Batch(this, LocalDate.now(clock), expectedRecords);
    }

    List<Violation> check(LearnerCompletion c, long index, LocalDate today) {
        return check(c, index, today, new RecordSink());
    }

    /** Runs every record rule; the sink is reused across records, so clean records allocate nothing here. */
    List<Violation> check(LearnerCompletion c, long index, LocalDate today, RecordSink sink) {
        sink.start(index, Rules.isCompletionKey(c.completionKey()) ? c.completionKey() : "");
        rules.checkCompletion(c, today, sink);
        rules.checkLearner(c.learner(), Rules.LearnerPaths.IN_COMPLETION, sink);
        return sink.finish();
    }

    /** Collects one record's violations; the list is created only when there is one. */
    static final class RecordSink implements ViolationSink {
        private long index;
        private String key;
        private List<Violation> found;

        void start(long index, String key) {
            this.index = index;
            this.key = key;
            this.found = null;
        }

        @Override
        public void report(String field, ViolationCode code, String message) {
            if (found == null) {
                found = new ArrayList<>(2);
            }
            found.add(new Violation(index, key, field, code, code.severity(), message));
        }

        List<Violation> finish() {
            return found == null ? List.of() : found;
        }

        /** The record's key as shown in violations: empty when the key itself is invalid. */
        String shownKey() {
            return key;
        }
    }

    /** Reads a birth month and day ({@code 2/29}, {@code 02-29}, {@code --02-29}). */
    public Parsed<MonthDay> parseBirthDate(String raw) {
        return RawValues.birthDate(raw);
    }

    /** Reads a completion date ({@code 2026-02-27} or {@code 2/27/2026}); refuses times. */
    public Parsed<LocalDate> parseCompletionDate(String raw) {
        return RawValues.completionDate(raw);
    }

    /** Reads an NPI ({@code " 1234567893 "}, {@code "1234 567 893"}). */
    public Parsed<Npi> parseNpi(String raw) {
        return RawValues.npi(raw);
    }

    /** Reads a license state by code or name ({@code "ca"}, {@code "California"}). */
    public Parsed<LicensingJurisdiction> parseJurisdiction(String raw) {
        return RawValues.jurisdiction(raw);
    }

    /**
     * Reads a state license from its two roster cells. A number without a state is
     * {@link ViolationCode#LICENSE_STATE_MISSING}; an unknown state is
     * {@link ViolationCode#JURISDICTION_UNKNOWN}; a malformed number is
     * {@link ViolationCode#LICENSE_NUMBER_INVALID}.
     */
    public Parsed<StateLicense> parseLicense(String state, String number) {
        return RawValues.license(state, number);
    }

    /** Reads a board by code, acronym or name as the rules catalogue lists it ({@code "abim"}). */
    public Parsed<Board> parseBoard(String raw) {
        return RawValues.board(raw, catalogue);
    }

    /** Reads a profession as people type it ({@code "MD"}, {@code "nurse practitioner"}, {@code "PA-C"}). */
    public Parsed<Profession> parseProfession(String raw) {
        if (raw == null || raw.isBlank()) {
            return Parsed.failed(ViolationCode.PROFESSION_UNKNOWN, "profession is empty");
        }
        return Profession.parse(raw).map(Parsed::ok).orElseGet(() -> Parsed.failed(ViolationCode.PROFESSION_UNKNOWN));
    }

    /** Reads a credit amount ({@code "1.25"}). */
    public Parsed<BigDecimal> parseCredits(String raw) {
        return RawValues.credits(raw);
    }

    /** Configures a {@link ParsValidator}. */
    public static final class Builder {
        private Clock clock = Clock.systemDefaultZone();
        private ReportingWindow reportingWindow = ReportingWindow.defaults();
        private RulesCatalogue catalogue = RulesCatalogue.defaults();

        private Builder() {}

        /** The clock that decides "today" (future dates, reporting window, deadlines). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The completion years PARS accepts. */
        public Builder reportingWindow(ReportingWindow reportingWindow) {
            this.reportingWindow = Objects.requireNonNull(reportingWindow, "reportingWindow");
            return this;
        }

        /**
         * The rules catalogue: boards, their ID formats, credit types and per-board rules
         * (default: {@link RulesCatalogue#defaults()}).
         */
        public Builder rules(RulesCatalogue catalogue) {
            this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
            return this;
        }

        /** Builds the validator. */
        public ParsValidator build() {
            return new ParsValidator(this);
        }
    }
}
