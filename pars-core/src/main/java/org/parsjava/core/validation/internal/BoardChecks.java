/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Profession;
import org.parsjava.core.rules.BoardRules;
import org.parsjava.core.rules.CreditTypeRules;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.validation.ViolationCode;

/**
 * The rules that differ from board to board, read from a {@link RulesCatalogue}
 * (docs/pars-reference.md 12): board ID formats, whether a MOC line needs the board ID, the
 * boards' start dates, daily caps, credit types valid on a date, credit types one record may
 * not combine, and who may earn MOC. Immutable and thread safe.
 */
public final class BoardChecks {

    private final RulesCatalogue catalogue;

    /** Checks against {@code catalogue}. */
    public BoardChecks(RulesCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue the checks read. */
    public RulesCatalogue catalogue() {
        return catalogue;
    }

    /** Each board ID: a board the catalogue lists, in that board's ID format. */
    public void checkBoardIds(Map<Board, String> ids, String field, ViolationSink sink) {
        for (Map.Entry<Board, String> e : ids.entrySet()) {
            Optional<BoardRules> rules = catalogue.rules(e.getKey());
            String f = field + "[" + e.getKey().acronym() + "]";
            if (rules.isEmpty()) {
                sink.report(f, ViolationCode.BOARD_UNKNOWN);
                continue;
            }
            BoardRules r = rules.get();
            boolean ok = r.hasDefaultIdFormat()
                    ? isDefaultBoardId(e.getValue())
                    : r.idFormat().matcher(e.getValue()).matches();
            if (!ok) {
                sink.report(
                        f,
                        ViolationCode.BOARD_ID_INVALID,
                        "board ID does not match " + e.getKey().acronym() + "'s ID format");
            }
        }
    }

    /** {@link BoardRules#DEFAULT_ID_FORMAT} without a regex: 1-20 of 0-9 A-Z a-z and hyphen. */
    static boolean isDefaultBoardId(String id) {
        int n = id.length();
        if (n == 0 || n > 20) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Board rules for one MOC line of a completion: the board is in the catalogue, the learner
     * has the board's ID where it is required, and the credit type is the catalogue's and valid
     * on the completion date.
     *
     * @return the board's rules, or empty when the board is not in the catalogue
     */
    Optional<BoardRules> checkLine(LearnerCompletion c, int i, MocCredit m, ViolationSink sink) {
        Board board = m.board();
        Optional<BoardRules> found = catalogue.rules(board);
        String idField = "learner.boardIds[" + board.acronym() + "]";
        if (found.isEmpty()) {
            sink.report("mocCredits[" + i + "].type", ViolationCode.BOARD_UNKNOWN);
            return found;
        }
        BoardRules rules = found.get();
        if (!c.learner().boardIds().containsKey(board)) {
            // A board that matches learners without its ID (ABS, docs/pars-reference.md 4.1) gets a warning only.
            sink.report(idField, rules.idRequired() ? ViolationCode.BOARD_ID_MISSING : ViolationCode.BOARD_ID_ADVISED);
        }
        CreditTypeRules type = rules.creditTypes().get(m.type());
        if (type == null) {
            sink.report("mocCredits[" + i + "].type", ViolationCode.MOC_CREDIT_TYPE_UNKNOWN);
        } else if (!type.validOn(c.completionDate())) {
            sink.report(
                    "mocCredits[" + i + "].type",
                    ViolationCode.MOC_CREDIT_TYPE_NOT_VALID_ON_DATE,
                    m.type().board().acronym() + " " + m.type().displayName()
                            + " credit cannot be earned on this completion date"
                            + type.validUntil()
                                    .map(d -> " (discontinued after " + d + ")")
                                    .orElse(""));
        }
        return found;
    }

    /**
     * Rules over all of a completion's MOC lines: the learner's profession may earn MOC, no two
     * incompatible credit types, each board's start date and daily cap.
     */
    void checkLines(LearnerCompletion c, ViolationSink sink) {
        List<MocCredit> moc = c.mocCredits();
        if (moc.isEmpty()) {
            return;
        }
        Optional<Profession> profession = c.learner().profession();
        if (profession.isPresent() && !catalogue.mayEarnMoc(profession.get())) {
            sink.report("learner.profession", ViolationCode.MOC_PROFESSION_NOT_ELIGIBLE);
        }
        Map<Board, BigDecimal> perBoard = new HashMap<>(4);
        for (MocCredit m : moc) {
            perBoard.merge(m.board(), m.points(), BigDecimal::add);
        }
        Activity a = c.activity();
        for (Map.Entry<Board, BigDecimal> e : perBoard.entrySet()) {
            Board board = e.getKey();
            Optional<BoardRules> found = catalogue.rules(board);
            if (found.isEmpty()) {
                continue;
            }
            BoardRules rules = found.get();
            if (rules.activitiesFrom().isPresent()
                    && a.startDate().isBefore(rules.activitiesFrom().get())) {
                sink.report(
                        "mocCredits",
                        ViolationCode.MOC_BOARD_NOT_YET_COLLABORATING,
                        board.acronym() + " takes MOC through PARS for activities starting on or after "
                                + rules.activitiesFrom().get());
            }
            if (rules.completionsFrom().isPresent()
                    && c.completionDate().isBefore(rules.completionsFrom().get())) {
                sink.report(
                        "completionDate",
                        ViolationCode.COMPLETION_DATE_BEFORE_BOARD_PROGRAM,
                        board.acronym() + " accepts PARS-reported completions from "
                                + rules.completionsFrom().get());
            }
            if (rules.dailyCreditCap().isPresent()
                    && e.getValue().compareTo(rules.dailyCreditCap().get()) > 0) {
                sink.report(
                        "mocCredits",
                        ViolationCode.CREDITS_ABOVE_DAILY_CAP,
                        board.acronym() + " accepts at most "
                                + rules.dailyCreditCap().get().toPlainString() + " credits earned in one day");
            }
            for (Set<MocCreditType> pair : rules.incompatibleCreditTypes()) {
                if (hasBoth(moc, pair)) {
                    sink.report(
                            "mocCredits",
                            ViolationCode.MOC_CREDIT_TYPES_INCOMPATIBLE,
                            board.acronym() + " does not combine " + names(pair) + " in one record");
                }
            }
            if (rules.oneRecordPerDiplomateActivityDay() && mixesPatientSafety(moc, rules)) {
                sink.report(
                        "mocCredits",
                        ViolationCode.MOC_PATIENT_SAFETY_SEPARATE,
                        board.acronym() + " takes patient-safety credit as its own record: report it under its own "
                                + "completion key");
            }
        }
    }

    /** Board rules for an activity's MOC registrations, before the activity is saved. */
    public void checkRegistrations(Activity a, String prefix, ViolationSink sink) {
        for (MocRegistration r : a.mocRegistrations().values()) {
            String field = prefix + "mocRegistrations[" + r.board().acronym() + "]";
            Optional<BoardRules> found = catalogue.rules(r.board());
            if (found.isEmpty()) {
                sink.report(field, ViolationCode.BOARD_UNKNOWN);
                continue;
            }
            BoardRules rules = found.get();
            if (rules.activitiesFrom().isPresent()
                    && a.startDate().isBefore(rules.activitiesFrom().get())) {
                sink.report(
                        field,
                        ViolationCode.MOC_BOARD_NOT_YET_COLLABORATING,
                        r.board().acronym() + " takes MOC through PARS for activities starting on or after "
                                + rules.activitiesFrom().get());
            }
            for (MocCreditType t : r.creditTypes()) {
                CreditTypeRules type = rules.creditTypes().get(t);
                if (type == null) {
                    sink.report(field + ".creditTypes", ViolationCode.MOC_CREDIT_TYPE_UNKNOWN);
                } else if (type.validUntil().isPresent()
                        && a.startDate().isAfter(type.validUntil().get())) {
                    sink.report(
                            field + ".creditTypes",
                            ViolationCode.MOC_CREDIT_TYPE_NOT_VALID_ON_DATE,
                            r.board().acronym() + " " + t.displayName() + " was discontinued after "
                                    + type.validUntil().get());
                }
            }
            for (Set<MocCreditType> pair : rules.incompatibleCreditTypes()) {
                if (r.creditTypes().containsAll(pair)) {
                    sink.report(
                            field + ".creditTypes",
                            ViolationCode.MOC_CREDIT_TYPES_INCOMPATIBLE,
                            r.board().acronym() + " does not combine " + names(pair) + " in one activity");
                }
            }
        }
    }

    private static boolean hasBoth(List<MocCredit> moc, Set<MocCreditType> pair) {
        int found = 0;
        for (MocCreditType t : pair) {
            for (MocCredit m : moc) {
                if (m.type().equals(t)) {
                    found++;
                    break;
                }
            }
        }
        return found == pair.size();
    }

    private static boolean mixesPatientSafety(List<MocCredit> moc, BoardRules rules) {
        boolean safety = false;
        boolean other = false;
        for (MocCredit m : moc) {
            if (!m.board().equals(rules.board())) {
                continue;
            }
            CreditTypeRules t = rules.creditTypes().get(m.type());
            if (t != null && t.patientSafety()) {
                safety = true;
            } else {
                other = true;
            }
        }
        return safety && other;
    }

    private static String names(Set<MocCreditType> pair) {
        return pair.stream()
                .map(MocCreditType::displayName)
                .sorted()
                .reduce((x, y) -> x + " and " + y)
                .orElse("");
    }

    /** True when the MOC line's credit type is its board's patient-safety credit. */
    public boolean isPatientSafety(MocCreditType type) {
        return catalogue.rules(type).map(CreditTypeRules::patientSafety).orElse(false);
    }
}
