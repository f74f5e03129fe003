/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.rules.BoardRules;
import org.parsjava.core.rules.CreditTypeRules;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.validation.ViolationCode;
import org.parsjava.ledger.EntryProblem;

/**
 * The board rules that span runs, kept in the ledger (docs/pars-reference.md 12): one record per
 * diplomate, activity and completion date where a board asks for it (ABA, [N6]; patient-safety
 * credit counts apart), and the same MOC credit for every learner of an activity where a board
 * requires it (ABP, [N7]). Entries that are, or are on their way to be, in PARS count; invalid,
 * refused and withdrawn ones do not. Diplomates are stored as keyed fingerprints. Thread safe.
 */
final class MocLineRules {

    static final String ONE_PER_DAY = "ONE_PER_DAY";
    static final String UNIFORM = "UNIFORM";
    /** Entries whose record is not, and will not be, in PARS. */
    static final String NOT_LIVE = "('INVALID','REJECTED','BOARD_REJECTED','WITHDRAWING','WITHDRAWN')";

    private final RulesCatalogue rules;
    private final PayloadCipher cipher;

    MocLineRules(RulesCatalogue rules, PayloadCipher cipher) {
        this.rules = rules;
        this.cipher = cipher;
    }

    /** One rule a completion takes part in, for one board. */
    record Key(
            String rule,
            Board board,
            String activity,
            Object date,
            String diplomate,
            boolean safety,
            BigDecimal points) {}

    /** True when a board of the completion's MOC lines has a rule that spans records. */
    boolean concerns(LearnerCompletion completion) {
        for (MocCredit m : completion.mocCredits()) {
            Optional<BoardRules> r = rules.rules(m.board());
            if (r.isPresent()
                    && (r.get().oneRecordPerDiplomateActivityDay() || r.get().uniformCredit())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The problems recording {@code c} would cause with the ledger's other live entries; empty
     * when none, or when no board of its MOC lines has such a rule (then no query is made).
     *
     * @param entryId the entry being replaced, or -1 for a new one
     */
    List<EntryProblem> check(Connection c, LearnerCompletion completion, long entryId) throws SQLException {
        List<Key> keys = keys(completion);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<EntryProblem> out = new ArrayList<>(1);
        for (Key k : keys) {
            if (k.rule().equals(ONE_PER_DAY)) {
                try (PreparedStatement ps =
                        c.prepareStatement("select 1 from pars_ledger_moc_key k join pars_ledger_entry e "
                                + "on e.id = k.entry_id where k.rule_name = ? and k.board = ? and k.activity_id = ? "
                                + "and k.completion_date = ? and k.diplomate = ? and k.patient_safety = ? and k.entry_id <> ? "
                                + "and e.state not in " + NOT_LIVE + " limit 1")) {
                    ps.setString(1, ONE_PER_DAY);
                    ps.setString(2, k.board().code());
                    ps.setString(3, k.activity());
                    ps.setObject(4, k.date());
                    ps.setString(5, k.diplomate());
                    ps.setBoolean(6, k.safety());
                    ps.setLong(7, entryId);
                    ps.setMaxRows(1);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(onePerDay(k.board()));
                        }
                    }
                }
            } else {
                Optional<BigDecimal> others = uniformPoints(c, k.board(), k.activity(), entryId);
                if (others.isPresent() && others.get().compareTo(k.points()) != 0) {
                    out.add(notUniform(k.board(), others.get()));
                }
            }
        }
        return out;
    }

    /**
     * The MOC credit of a live entry (other than {@code entryId}) of the activity for a board that
     * asks for uniform credit: all of them have the same, so one serves.
     */
    static Optional<BigDecimal> uniformPoints(Connection c, Board board, String activity, long entryId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select k.points from pars_ledger_moc_key k join "
                + "pars_ledger_entry e on e.id = k.entry_id where k.rule_name = ? and k.board = ? "
                + "and k.activity_id = ? and k.entry_id <> ? and e.state not in " + NOT_LIVE
                // LIMIT, not only setMaxRows: the planner then walks the index instead of
                // joining every entry, which grew with the ledger (a full join per recorded row)
                + " limit 1")) {
            ps.setString(1, UNIFORM);
            ps.setString(2, board.code());
            ps.setString(3, activity);
            ps.setLong(4, entryId);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    /** The problem of a second live record for a diplomate, activity and completion date. */
    static EntryProblem onePerDay(Board board) {
        return new EntryProblem(
                "mocCredits",
                ViolationCode.MOC_ONE_RECORD_PER_DAY.name(),
                board.acronym() + " takes one record per diplomate, activity and completion "
                        + "date; the ledger already holds one for this learner");
    }

    /** The problem of MOC credit other than {@code others}, what the activity's live entries have. */
    static EntryProblem notUniform(Board board, BigDecimal others) {
        return new EntryProblem(
                "mocCredits",
                ViolationCode.MOC_CREDIT_NOT_UNIFORM.name(),
                board.acronym() + " requires every learner of an activity to earn the same MOC "
                        + "credit; the ledger's other learners of this activity have "
                        + others.stripTrailingZeros().toPlainString());
    }

    /**
     * Stores the rows of new entries in one batch: {@code ids[k]} is the entry of
     * {@code completions.get(k)}; a null completion (invalid, or of no such rule) has none.
     */
    void storeNew(Connection c, long[] ids, List<LearnerCompletion> completions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_KEY)) {
            int rows = 0;
            for (int i = 0; i < ids.length; i++) {
                LearnerCompletion completion = completions.get(i);
                if (completion != null) {
                    for (Key k : keys(completion)) {
                        bindKey(ps, ids[i], k);
                        ps.addBatch();
                        rows++;
                    }
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }

    private static final String INSERT_KEY = "insert into pars_ledger_moc_key (entry_id, rule_name, board, "
            + "activity_id, completion_date, diplomate, patient_safety, points) values (?,?,?,?,?,?,?,?)";

    private static void bindKey(PreparedStatement ps, long entryId, Key k) throws SQLException {
        ps.setLong(1, entryId);
        ps.setString(2, k.rule());
        ps.setString(3, k.board().code());
        ps.setString(4, k.activity());
        ps.setObject(5, k.date());
        ps.setString(6, k.diplomate());
        ps.setBoolean(7, k.safety());
        ps.setBigDecimal(8, k.points());
    }

    /** Replaces the entry's rows with those of {@code completion} (none when it is invalid). */
    void store(Connection c, long entryId, LearnerCompletion completion, boolean valid) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from pars_ledger_moc_key where entry_id = ?")) {
            del.setLong(1, entryId);
            del.executeUpdate();
        }
        List<Key> keys = valid ? keys(completion) : List.of();
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_KEY)) {
            for (Key k : keys) {
                bindKey(ps, entryId, k);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The rules {@code completion} takes part in: none without MOC credit, an ACCME Activity ID, or such a board. */
    List<Key> keys(LearnerCompletion completion) {
        Optional<String> activity = completion.activity().accmeActivityId();
        if (completion.mocCredits().isEmpty() || activity.isEmpty()) {
            return List.of();
        }
        Map<Board, BigDecimal> perBoard = new LinkedHashMap<>(4);
        for (MocCredit m : completion.mocCredits()) {
            perBoard.merge(m.board(), m.points(), BigDecimal::add);
        }
        List<Key> keys = new ArrayList<>(2);
        for (Map.Entry<Board, BigDecimal> e : perBoard.entrySet()) {
            Board board = e.getKey();
            Optional<BoardRules> found = rules.rules(board);
            if (found.isEmpty()) {
                continue;
            }
            BoardRules r = found.get();
            if (r.oneRecordPerDiplomateActivityDay()) {
                boolean safety = completion.mocCredits().stream()
                        .anyMatch(m -> m.board().equals(board)
                                && rules.rules(m.type())
                                        .map(CreditTypeRules::patientSafety)
                                        .orElse(false));
                String who = completion
                        .learner()
                        .boardId(board)
                        .map(id -> board.code() + ":" + id)
                        .orElseGet(() -> completion
                                .learner()
                                .npi()
                                .map(n -> "NPI:" + n.value())
                                .orElseGet(() -> completion
                                        .learner()
                                        .license()
                                        .map(l -> "LIC:" + l.jurisdiction().code() + ":" + l.number())
                                        .orElse("")));
                String diplomate = cipher.fingerprint(who.getBytes(StandardCharsets.UTF_8));
                keys.add(new Key(
                        ONE_PER_DAY, board, activity.get(), completion.completionDate(), diplomate, safety, null));
            }
            if (r.uniformCredit()) {
                keys.add(new Key(UNIFORM, board, activity.get(), null, null, false, e.getValue()));
            }
        }
        return keys;
    }
}
