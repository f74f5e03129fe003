/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.EntryProblem;

/**
 * The board rules that span runs ({@link MocLineRules}) for a chunk of new entries at once: what
 * the ledger's live entries hold that the chunk's completions could meet is read first, in one
 * statement for the one-record-per-day rule and one per activity for uniform credit, not per
 * entry; then each completion is checked, in the chunk's order, against that and against the
 * chunk's earlier completions, as recording them one by one would. Not thread safe: one chunk,
 * one transaction.
 */
final class MocLineChunk {

    private final MocLineRules rules;
    /** Day keys (board, activity, date, diplomate, patient safety) a live entry holds. */
    private final Set<List<Object>> days = new HashSet<>();
    /** Per board and activity of uniform credit, the credit its live entries have. */
    private final Map<List<Object>, BigDecimal> uniform = new HashMap<>();

    private MocLineChunk(MocLineRules rules) {
        this.rules = rules;
    }

    /** What the ledger's live entries hold that {@code completions} (new entries) could meet. */
    static MocLineChunk read(Connection c, MocLineRules rules, List<LearnerCompletion> completions, boolean postgres)
            throws SQLException {
        MocLineChunk chunk = new MocLineChunk(rules);
        Set<List<Object>> wanted = new LinkedHashSet<>();
        Set<List<Object>> activities = new LinkedHashSet<>();
        for (LearnerCompletion completion : completions) {
            for (MocLineRules.Key k : rules.keys(completion)) {
                if (k.rule().equals(MocLineRules.ONE_PER_DAY)) {
                    wanted.add(day(k));
                } else {
                    activities.add(List.of(k.board(), k.activity()));
                }
            }
        }
        for (List<Object> a : activities) {
            Optional<BigDecimal> points = MocLineRules.uniformPoints(c, (Board) a.get(0), (String) a.get(1), -1);
            points.ifPresent(p -> chunk.uniform.put(a, p));
        }
        if (!wanted.isEmpty()) {
            chunk.readDays(c, new ArrayList<>(wanted), postgres);
        }
        return chunk;
    }

    /**
     * The problems {@code completion}, a new entry otherwise valid, has with the ledger's live
     * entries and the chunk's earlier ones; when none, its keys count for the chunk's later ones.
     */
    List<EntryProblem> check(LearnerCompletion completion) {
        List<MocLineRules.Key> keys = rules.keys(completion);
        List<EntryProblem> out = new ArrayList<>(1);
        for (MocLineRules.Key k : keys) {
            if (k.rule().equals(MocLineRules.ONE_PER_DAY)) {
                if (days.contains(day(k))) {
                    out.add(MocLineRules.onePerDay(k.board()));
                }
            } else {
                BigDecimal others = uniform.get(List.of(k.board(), k.activity()));
                if (others != null && others.compareTo(k.points()) != 0) {
                    out.add(MocLineRules.notUniform(k.board(), others));
                }
            }
        }
        if (out.isEmpty()) {
            for (MocLineRules.Key k : keys) {
                if (k.rule().equals(MocLineRules.ONE_PER_DAY)) {
                    days.add(day(k));
                } else {
                    uniform.putIfAbsent(List.of(k.board(), k.activity()), k.points());
                }
            }
        }
        return out;
    }

    private static List<Object> day(MocLineRules.Key k) {
        return List.of(k.board(), k.activity(), k.date(), k.diplomate(), k.safety());
    }

    /**
     * The live day keys among {@code wanted}. PostgreSQL is given them as arrays joined laterally
     * (one index lookup each); H2 as row values, which it answers from the same index.
     */
    private void readDays(Connection c, List<List<Object>> wanted, boolean postgres) throws SQLException {
        String live = " and e.state not in " + MocLineRules.NOT_LIVE;
        String sql = postgres
                ? "select x.board, x.activity_id, x.completion_date, x.diplomate, x.patient_safety from "
                        + "unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) w(board, activity, day, who) "
                        + "cross join lateral (select k.board, k.activity_id, k.completion_date, k.diplomate, "
                        + "k.patient_safety from pars_ledger_moc_key k join pars_ledger_entry e on e.id = k.entry_id "
                        + "where k.rule_name = ? and k.board = w.board and k.activity_id = w.activity and "
                        + "k.completion_date = w.day::date and k.diplomate = w.who" + live + ") x"
                : "select k.board, k.activity_id, k.completion_date, k.diplomate, k.patient_safety from "
                        + "pars_ledger_moc_key k join pars_ledger_entry e on e.id = k.entry_id where k.rule_name = ? "
                        + "and (k.board, k.activity_id, k.completion_date, k.diplomate) in ("
                        + String.join(",", Collections.nCopies(wanted.size(), "(?,?,?,?)")) + ")" + live;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (postgres) {
                for (int column = 0; column < 4; column++) {
                    Object[] values = new Object[wanted.size()];
                    for (int i = 0; i < values.length; i++) {
                        Object v = wanted.get(i).get(column);
                        values[i] = v instanceof Board b ? b.code() : v.toString();
                    }
                    ps.setArray(column + 1, c.createArrayOf("varchar", values));
                }
                ps.setString(5, MocLineRules.ONE_PER_DAY);
            } else {
                ps.setString(1, MocLineRules.ONE_PER_DAY);
                int at = 2;
                for (List<Object> w : wanted) {
                    ps.setString(at++, ((Board) w.get(0)).code());
                    ps.setString(at++, (String) w.get(1));
                    ps.setObject(at++, w.get(2));
                    ps.setString(at++, (String) w.get(3));
                }
            }
            Map<String, Board> boards = new HashMap<>();
            for (List<Object> w : wanted) {
                Board b = (Board) w.get(0);
                boards.put(b.code(), b);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Board board = boards.get(rs.getString(1));
                    if (board != null) {
                        days.add(List.of(
                                board,
                                rs.getString(2),
                                rs.getObject(3, LocalDate.class),
                                rs.getString(4),
                                rs.getBoolean(5)));
                    }
                }
            }
        }
    }
}
