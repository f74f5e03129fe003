/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parsjava.ledger.Deadline;
import org.parsjava.ledger.DeadlineRules;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerEntry;
import org.parsjava.ledger.Transition;

/** Reading entries and their history: what the ledger tells people. Thread safe. */
public final class EntryQueries {

    /** The columns {@link #entry} reads, in its order. */
    static final String COLUMNS = "provider_id, completion_key, state, reference, activity_id, "
            + "completion_date, due_date, due_rule, attempts, next_attempt_at, outcome_unknown, pars_code, "
            + "pars_message, updated_at, credit_ids, violations";

    private final Jdbc jdbc;
    private final Payloads payloads;

    /** Queries on {@code jdbc}; {@code payloads} checks the key. */
    public EntryQueries(Jdbc jdbc, Payloads payloads) {
        this.jdbc = jdbc;
        this.payloads = payloads;
    }

    /** Entries matching {@code where} (with its parameters), in due-date order, at most {@code limit}. */
    public List<LedgerEntry> entries(String where, List<Object> params, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        return query(
                "select " + COLUMNS + " from pars_ledger_entry where " + where + " order by due_date, id limit ?", all);
    }

    /**
     * Open entries whose due date matches {@code range}, in due-date order, at most {@code limit}:
     * one index range per open state, merged (H2 reads an IN list with a date range on both sides
     * through far more of the index: 1.5 s against 85 ms on a million entries).
     */
    private List<LedgerEntry> open(String range, List<Object> params, int limit) {
        return merged(OPEN_STATES, range, params, limit);
    }

    private List<LedgerEntry> merged(List<String> states, String range, List<Object> params, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from (");
        List<Object> all = new ArrayList<>();
        for (String state : states) {
            sql.append(state.equals(states.get(0)) ? "" : " union all ")
                    .append("(select ")
                    .append(COLUMNS)
                    .append(", id from pars_ledger_entry where state='")
                    .append(state)
                    .append("' and ")
                    .append(range)
                    // state first, though fixed: H2 then reads the index in order instead of sorting
                    // every entry of the state (6 s against 8 ms for a million accepted entries)
                    .append(" order by state, due_date, id limit ?)");
            all.addAll(params);
            all.add(limit);
        }
        all.add(limit);
        return query(sql.append(") t order by due_date, id limit ?").toString(), all);
    }

    /** How many open entries have a due date in {@code range}, counted per state as {@link #open} reads them. */
    private long countOpen(String range, List<Object> params) {
        long n = 0;
        for (String state : OPEN_STATES) {
            n += count("state='" + state + "' and " + range, params);
        }
        return n;
    }

    private List<LedgerEntry> query(String sql, List<Object> params) {
        return jdbc.inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        Jdbc.bind(ps, 1, params.toArray());
                        List<LedgerEntry> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(entry(rs, 1));
                            }
                        }
                        return out;
                    }
                },
                "read entries");
    }

    /** States in which an entry is not yet with PARS: they can be late. */
    private static final List<String> OPEN_STATES = List.of("PENDING", "RETRYING", "CORRECTING", "INVALID");

    /** Entries in {@code state}, most urgent first. */
    public List<LedgerEntry> inState(String state, int limit) {
        return merged(List.of(state), "1=1", List.of(), limit);
    }

    /** Invalid, rejected by PARS or rejected by the board, most urgent first. */
    public List<LedgerEntry> rowsToFix(int limit) {
        return merged(List.of("INVALID", "REJECTED", "BOARD_REJECTED"), "1=1", List.of(), limit);
    }

    /** Open entries due from {@code today} to {@code days} later, most urgent first. */
    public List<LedgerEntry> atRisk(LocalDate today, long days, int limit) {
        return open("due_date >= ? and due_date <= ?", List.of(today, today.plusDays(days)), limit);
    }

    /** How many entries {@link #atRisk} would list without a limit. */
    public long countAtRisk(LocalDate today, long days) {
        return countOpen("due_date >= ? and due_date <= ?", List.of(today, today.plusDays(days)));
    }

    /** Open entries due before {@code today}, most urgent first. */
    public List<LedgerEntry> overdue(LocalDate today, int limit) {
        return open("due_date < ?", List.of(today), limit);
    }

    /** How many entries {@link #overdue} would list without a limit. */
    public long countOverdue(LocalDate today) {
        return countOpen("due_date < ?", List.of(today));
    }

    /** Open entries due per day from {@code from} to {@code to}, one index range per open state. */
    public Map<LocalDate, Long> dueByDay(LocalDate from, LocalDate to) {
        return jdbc.inTransaction(
                c -> {
                    Map<LocalDate, Long> out = new java.util.TreeMap<>();
                    for (String state : OPEN_STATES) {
                        try (PreparedStatement ps = c.prepareStatement(
                                "select due_date, count(*) from "
                                        + "pars_ledger_entry where state=? and due_date >= ? and due_date <= ? group by due_date")) {
                            ps.setString(1, state);
                            ps.setObject(2, from);
                            ps.setObject(3, to);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    out.merge(rs.getObject(1, LocalDate.class), rs.getLong(2), Long::sum);
                                }
                            }
                        }
                    }
                    return out;
                },
                "count entries due by day");
    }

    /** How many entries match {@code where}. */
    public long count(String where, List<Object> params) {
        return jdbc.inTransaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("select count(*) from pars_ledger_entry where " + where)) {
                        Jdbc.bind(ps, 1, params.toArray());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                },
                "count entries");
    }

    /** The entry in the current row, its {@link #COLUMNS} from column {@code at} on. */
    static LedgerEntry entry(ResultSet rs, int at) throws SQLException {
        int o = at - 1;
        OffsetDateTime next = rs.getObject(o + 10, OffsetDateTime.class);
        EntryState state = EntryState.valueOf(rs.getString(o + 3));
        Optional<String> code = Optional.ofNullable(rs.getString(o + 12));
        Optional<String> message = Optional.ofNullable(rs.getString(o + 13));
        return new LedgerEntry(
                rs.getString(o + 1),
                rs.getString(o + 2),
                state,
                Optional.ofNullable(rs.getString(o + 4)),
                Optional.ofNullable(rs.getString(o + 5)),
                rs.getObject(o + 6, LocalDate.class),
                new Deadline(rs.getObject(o + 7, LocalDate.class), DeadlineRules.Rule.valueOf(rs.getString(o + 8))),
                rs.getInt(o + 9),
                Optional.ofNullable(next).map(OffsetDateTime::toInstant),
                rs.getBoolean(o + 11),
                code,
                message,
                ProblemsJson.read(rs.getString(o + 16)),
                List.of(rs.getString(o + 15).split(",")),
                rs.getObject(o + 14, OffsetDateTime.class).toInstant());
    }

    /** Entries by state. */
    public Map<EntryState, Long> counts() {
        return jdbc.inTransaction(
                c -> {
                    Map<EntryState, Long> out = new EnumMap<>(EntryState.class);
                    try (Statement st = c.createStatement();
                            ResultSet rs =
                                    st.executeQuery("select state, count(*) from pars_ledger_entry group by state")) {
                        while (rs.next()) {
                            out.put(EntryState.valueOf(rs.getString(1)), rs.getLong(2));
                        }
                    }
                    return out;
                },
                "count entries");
    }

    /**
     * Transitions per day in {@code zone} and the state into which they led, from {@code first} on.
     * PostgreSQL takes each time's local date in the zone; H2 casts a time to a date in its
     * session's time zone (whatever the URL or the JVM set), so the session is put in {@code zone}
     * for the query and back as it was after it.
     */
    public Map<LocalDate, Map<EntryState, Long>> transitionsByDay(LocalDate first, java.time.ZoneId zone) {
        java.time.ZoneId normal = zone.normalized();
        boolean fixed = normal instanceof java.time.ZoneOffset;
        // A fixed offset by its ISO form (+05:30, east of UTC positive): PostgreSQL reads a text
        // offset the POSIX way round, so it gets an interval.
        String zoneText = normal.equals(java.time.ZoneOffset.UTC) ? "+00:00" : normal.getId();
        return jdbc.inTransaction(
                c -> {
                    // H2 groups by the cast itself (through a subquery it took 1.7-2.5x as long on
                    // 960,000 transitions); PostgreSQL by position, the zone being a parameter.
                    String sql = jdbc.postgres()
                            ? "select cast(at at time zone " + (fixed ? "cast(? as interval)" : "?") + " as date), "
                                    + "to_state, count(*) from pars_ledger_transition where at >= ? group by 1, 2"
                            : "select cast(at as date), to_state, count(*) from pars_ledger_transition where at >= ? "
                                    + "group by cast(at as date), to_state";
                    String before = jdbc.postgres() ? null : h2TimeZone(c, zoneText);
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        int at = 1;
                        if (jdbc.postgres()) {
                            ps.setString(at++, zoneText);
                        }
                        ps.setObject(at, Jdbc.time(first.atStartOfDay(zone).toInstant()));
                        Map<LocalDate, Map<EntryState, Long>> out = new java.util.TreeMap<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.computeIfAbsent(
                                                rs.getObject(1, LocalDate.class), d -> new EnumMap<>(EntryState.class))
                                        .put(EntryState.valueOf(rs.getString(2)), rs.getLong(3));
                            }
                        }
                        return out;
                    } finally {
                        if (before != null) {
                            h2TimeZone(c, before);
                        }
                    }
                },
                "count transitions by day");
    }

    /** Sets an H2 session's time zone to {@code zone}; returns the one it had. */
    private static String h2TimeZone(java.sql.Connection c, String zone) throws SQLException {
        try (Statement st = c.createStatement()) {
            String before;
            try (ResultSet rs = st.executeQuery(
                    "select setting_value from information_schema.settings where setting_name = 'TIME ZONE'")) {
                rs.next();
                before = rs.getString(1);
            }
            st.execute("set time zone '" + zone.replace("'", "''") + "'");
            return before;
        }
    }

    /** An entry's transitions, oldest first. */
    public List<Transition> history(String provider, String key) {
        return jdbc.inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("select t.at, t.from_state, t.to_state, t.note from "
                            + "pars_ledger_transition t join pars_ledger_entry e on e.id = t.entry_id where "
                            + "e.provider_id=? and e.completion_key=? order by t.id")) {
                        ps.setString(1, provider);
                        ps.setString(2, key);
                        List<Transition> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String from = rs.getString(2);
                                out.add(new Transition(
                                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                                        Optional.ofNullable(from).map(EntryState::valueOf),
                                        EntryState.valueOf(rs.getString(3)),
                                        rs.getString(4) == null ? "" : rs.getString(4)));
                            }
                        }
                        return out;
                    }
                },
                "read history");
    }

    /** The completion of an entry as recorded, decrypted; empty when unknown or its learner data was purged. */
    public Optional<org.parsjava.core.model.LearnerCompletion> completion(String provider, String key) {
        return jdbc.inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "select payload from pars_ledger_entry where provider_id=? and completion_key=?")) {
                        ps.setString(1, provider);
                        ps.setString(2, key);
                        try (ResultSet rs = ps.executeQuery()) {
                            byte[] sealed = rs.next() ? rs.getBytes(1) : null;
                            return sealed == null
                                    ? Optional.<org.parsjava.core.model.LearnerCompletion>empty()
                                    : Optional.of(payloads.open(c, sealed, provider, key));
                        }
                    }
                },
                "read a completion");
    }

    /**
     * Opens one stored payload, if any.
     *
     * @throws org.parsjava.ledger.LedgerException when the key does not open it
     */
    public void verifyKey() {
        jdbc.inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("select provider_id, completion_key, payload from "
                                    + "pars_ledger_entry where payload is not null limit 1");
                            ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            payloads.verify(rs.getBytes(3), rs.getString(1), rs.getString(2));
                        }
                    }
                    return null;
                },
                "read a stored entry");
    }
}
