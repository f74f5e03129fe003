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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.rules.BoardRules;
import org.parsjava.core.rules.RulesCatalogue;

/**
 * A streaming validation over many records, from {@link ParsValidator#newBatch()}. Adds the
 * checks that need more than one record: repeated completion keys, the same learner reported
 * twice for the same activity and day, and the board rules of the rules catalogue that span
 * records: a board's daily credit cap per learner (ABS: 12), one record per diplomate, activity
 * and completion date (ABA), and the same MOC credit for every learner of an activity (ABP).
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
    private final Map<BoardDay, BigDecimal> creditPerDay = new HashMap<>();
    private final Set<DiplomateDay> diplomateDays = new HashSet<>();
    private final Map<BoardActivity, BigDecimal> activityCredit = new HashMap<>();

    /** A learner on a day, for one activity (empty activity: any activity). */
    private record LearnerDay(String activity, LocalDate date, Object learner) {}

    /** A learner's credit at one board on one day. */
    private record BoardDay(Board board, LocalDate date, Object learner) {}

    /** A diplomate's record for an activity and day; patient-safety credit is a record of its own. */
    private record DiplomateDay(Board board, String activity, LocalDate date, Object diplomate, boolean safety) {}

    /** An activity's MOC credit at one board. */
    private record BoardActivity(Board board, String activity) {}

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
        if (!refused && !completion.mocCredits().isEmpty()) {
            cross = boardRules(completion, index, shownKey, learner, cross);
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
     * The catalogue's cross-record board rules for a sendable record. Records refused for other
     * reasons, or by one of these rules, never count toward them.
     */
    private List<Violation> boardRules(
            LearnerCompletion c, long index, String shownKey, Object learner, List<Violation> cross) {
        RulesCatalogue catalogue = validator.rules();
        Map<Board, BigDecimal> perBoard = new LinkedHashMap<>(4);
        for (MocCredit m : c.mocCredits()) {
            perBoard.merge(m.board(), m.points(), BigDecimal::add);
        }
        String activity = c.activity().accmeActivityId().orElse("");
        List<Runnable> commit = new ArrayList<>(2);
        List<Violation> out = cross;
        for (Map.Entry<Board, BigDecimal> e : perBoard.entrySet()) {
            Board board = e.getKey();
            Optional<BoardRules> found = catalogue.rules(board);
            if (found.isEmpty()) {
                continue;
            }
            BoardRules rules = found.get();
            BigDecimal points = e.getValue();
            if (rules.dailyCreditCap().isPresent()) {
                BoardDay day = new BoardDay(board, c.completionDate(), learner);
                BigDecimal total =
                        creditPerDay.getOrDefault(day, BigDecimal.ZERO).add(points);
                if (total.compareTo(rules.dailyCreditCap().get()) > 0) {
                    // Here an earlier record counted: a single record above the cap is refused by the record rules.
                    out = append(
                            out,
                            violation(
                                    index,
                                    shownKey,
                                    "mocCredits",
                                    ViolationCode.CREDITS_ABOVE_DAILY_CAP,
                                    "with earlier records in this batch, " + board.acronym()
                                            + " credits for this learner on this " + "day exceed "
                                            + rules.dailyCreditCap().get().toPlainString()));
                } else {
                    commit.add(() -> creditPerDay.put(day, total));
                }
            }
            if (rules.oneRecordPerDiplomateActivityDay()) {
                boolean safety = false;
                for (MocCredit m : c.mocCredits()) {
                    safety |= m.board().equals(board)
                            && rules.creditTypes().get(m.type()) != null
                            && rules.creditTypes().get(m.type()).patientSafety();
                }
                Object diplomate =
                        c.learner().boardId(board).<Object>map(id -> id).orElse(learner);
                DiplomateDay key = new DiplomateDay(board, activity, c.completionDate(), diplomate, safety);
                if (diplomateDays.contains(key)) {
                    out = append(
                            out,
                            violation(
                                    index,
                                    shownKey,
                                    "mocCredits",
                                    ViolationCode.MOC_ONE_RECORD_PER_DAY,
                                    board.acronym()
                                            + " takes one record per diplomate, activity and completion date; an earlier "
                                            + "record in this batch has it"));
                } else {
                    commit.add(() -> diplomateDays.add(key));
                }
            }
            if (rules.uniformCredit()) {
                BoardActivity key = new BoardActivity(board, activity);
                BigDecimal first = activityCredit.get(key);
                if (first != null && first.compareTo(points) != 0) {
                    out = append(
                            out,
                            violation(
                                    index,
                                    shownKey,
                                    "mocCredits",
                                    ViolationCode.MOC_CREDIT_NOT_UNIFORM,
                                    board.acronym()
                                            + " requires every learner of an activity to earn the same MOC credit; an "
                                            + "earlier record in this batch has " + first.toPlainString()));
                } else if (first == null) {
                    commit.add(() -> activityCredit.put(key, points));
                }
            }
        }
        if (out == cross || out.size() == (cross == null ? 0 : cross.size())) {
            commit.forEach(Runnable::run);
        }
        return out;
    }

    private static Violation violation(long index, String key, String field, ViolationCode code, String message) {
        return new Violation(index, key, field, code, Severity.ERROR, message);
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
