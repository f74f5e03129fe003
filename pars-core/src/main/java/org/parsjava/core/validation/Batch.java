/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.validation.internal.Rules;

/**
 * A streaming validation over many records, from {@link ParsValidator#newBatch()}. Adds the
 * checks that need more than one record: repeated completion keys, the same learner reported
 * twice for the same activity and day, and the ABS cap of 12 credits per learner per day.
 *
 * <p>Not thread safe: one batch per reading thread. Memory grows with the number of distinct
 * keys, not with the records themselves.
 */
public final class Batch {

    private final ParsValidator validator;
    private final LocalDate today;
    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> keys;
    private final ParsValidator.RecordSink sink = new ParsValidator.RecordSink();
    private final Set<LearnerDay> learnerDays;
    private final Map<LearnerDay, BigDecimal> absPerDay = new HashMap<>();

    /** A learner on a day, for one activity (empty activity: any activity). */
    private record LearnerDay(String activity, LocalDate date, Object learner) {}

    private long count;

    Batch(ParsValidator validator, LocalDate today, int expectedRecords) {
        this.validator = validator;
        this.today = today;
        int capacity = (int) Math.min(1 << 30, Math.max(16, expectedRecords / 0.75 + 1));
        this.keys = new HashSet<>(capacity);
        this.learnerDays = new HashSet<>(capacity);
    }

    /**
     * Validates the next record (its index is the number of records added before it).
     *
     * @return this record's violations; empty when it is clean
     */
    public List<Violation> add(LearnerCompletion completion) {
        Objects.requireNonNull(completion, "completion");
        long index = count++;
        List<Violation> found = validator.check(completion, index, today, sink);
        String key = completion.completionKey();
        String shownKey = sink.shownKey();
        List<Violation> cross = null;
        if (!keys.add(key)) {
            cross = append(
                    cross,
                    new Violation(
                            index,
                            shownKey,
                            "completionKey",
                            ViolationCode.COMPLETION_KEY_DUPLICATE,
                            Severity.ERROR,
                            ViolationCode.COMPLETION_KEY_DUPLICATE.message()));
        }
        Object learner = identity(completion.learner());
        if (!learnerDays.add(new LearnerDay(
                completion.activity().accmeActivityId().orElse(""), completion.completionDate(), learner))) {
            cross = append(
                    cross,
                    new Violation(
                            index,
                            shownKey,
                            "learner",
                            ViolationCode.COMPLETION_POSSIBLE_DUPLICATE,
                            Severity.WARNING,
                            ViolationCode.COMPLETION_POSSIBLE_DUPLICATE.message()));
        }
        boolean refused = cross != null && cross.get(0).isError();
        for (int i = 0; i < found.size() && !refused; i++) {
            refused = found.get(i).isError();
        }
        Violation cap = refused ? null : absDailyCap(completion, index, shownKey, learner);
        if (cap != null) {
            cross = append(cross, cap);
        }
        if (cross != null) {
            List<Violation> all = new ArrayList<>(found.size() + cross.size());
            all.addAll(found);
            all.addAll(cross);
            found = all;
        }
        if (!found.isEmpty()) {
            violations.addAll(found);
        }
        return found;
    }

    private static List<Violation> append(List<Violation> list, Violation v) {
        List<Violation> l = list == null ? new ArrayList<>(2) : list;
        l.add(v);
        return l;
    }

    /**
     * Adds a sendable record's ABS credits to the learner's day; past 12, a violation instead
     * (the record is refused, so its credits are not added). Records refused for other reasons
     * never count toward the cap.
     */
    private Violation absDailyCap(LearnerCompletion c, long index, String shownKey, Object learner) {
        BigDecimal abs = null;
        for (MocCredit m : c.mocCredits()) {
            if (m.board() == Board.ABS) {
                abs = abs == null ? m.points() : abs.add(m.points());
            }
        }
        if (abs == null) {
            return null;
        }
        LearnerDay dayKey = new LearnerDay("", c.completionDate(), learner);
        BigDecimal before = absPerDay.getOrDefault(dayKey, BigDecimal.ZERO);
        BigDecimal total = before.add(abs);
        if (total.compareTo(Rules.ABS_DAILY_CAP) > 0) {
            // Here before > 0: a single record above the cap has an error from the record rules.
            return new Violation(
                    index,
                    shownKey,
                    "mocCredits",
                    ViolationCode.CREDITS_ABOVE_DAILY_CAP,
                    Severity.ERROR,
                    "with earlier records in this batch, ABS credits for this learner " + "on this day exceed 12");
        }
        absPerDay.put(dayKey, total);
        return null;
    }

    /** What identifies the physician: the NPI, else the license, else name and birthday. */
    private static Object identity(Learner l) {
        if (l.npi().isPresent()) {
            return l.npi().get();
        }
        if (l.license().isPresent()) {
            return l.license().get();
        }
        return List.of(l.firstName(), l.lastName(), l.birthDate());
    }

    /** How many records have been added. */
    public long count() {
        return count;
    }

    /** The report over every record added so far. */
    public ValidationReport report() {
        return new ValidationReport(count, violations);
    }
}
