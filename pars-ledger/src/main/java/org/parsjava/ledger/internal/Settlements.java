/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerEntry;

/**
 * Storing what claimed work came to. An entry recorded again or withdrawn while it was being
 * sent (its version moved) keeps its new state; if what was sent may now be in PARS, that content
 * becomes the record to delete first, so the change is not lost. Thread safe.
 */
public final class Settlements {

    private final Jdbc jdbc;

    /** Settlements on {@code jdbc}. */
    public Settlements(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the outcomes of one drain step in one transaction; every claim among them is released.
     * With {@code read}, returns the entries as this transaction left them, in the outcomes' order
     * (on PostgreSQL the update returns them; on H2 they are read after it); else an empty list.
     */
    public List<LedgerEntry> settle(List<Outcome> outcomes, Map<Long, Claimed> claims, Instant now, boolean read) {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        return jdbc.inTransactionWrittenLater(
                c -> {
                    Map<Long, LedgerEntry> stored = new HashMap<>();
                    Set<Long> updated = jdbc.postgres()
                            ? updateAll(c, outcomes, claims, now, read ? stored : null)
                            : updateEach(c, outcomes, claims, now);
                    List<Outcome> applied = new ArrayList<>(outcomes.size());
                    for (Outcome o : outcomes) {
                        if (updated.contains(o.id())) {
                            applied.add(o);
                        } else {
                            superseded(c, o, claims.get(o.id()), now);
                        }
                    }
                    List<Object[]> transitions = new ArrayList<>(applied.size());
                    for (Outcome o : applied) {
                        if (o.from() != o.to() || o.note() != null) {
                            transitions.add(Jdbc.transitionRow(o.id(), now, o.from(), o.to(), o.note()));
                        }
                    }
                    Jdbc.transitions(c, jdbc.postgres(), transitions);
                    if (!read) {
                        return List.of();
                    }
                    List<Long> unread = outcomes.stream()
                            .map(Outcome::id)
                            .filter(id -> !stored.containsKey(id))
                            .toList();
                    if (!unread.isEmpty()) {
                        read(c, unread, stored);
                    }
                    return outcomes.stream().map(o -> stored.get(o.id())).toList();
                },
                "record send outcomes");
    }

    /**
     * The settling update's assignments, the new values given (in this order): the time, state,
     * PARS's code and message, violations, attempts to add, next attempt, outcome unknown, next
     * status check, whether to clear the previous payload, whether PARS is still to be asked first.
     */
    private static String assignments(String... values) {
        return String.format(
                "updated_at=%s, state=%s, pars_code=%s, pars_message=%s, violations=%s, attempts=attempts+%s, "
                        + "next_attempt_at=%s, outcome_unknown=%s, next_status_check_at=%s, previous_payload=case "
                        + "when %s then null else previous_payload end, claimed_by=null, claimed_until=null, "
                        + "sending_since=null, confirm_first=%s",
                (Object[]) values);
    }

    /** H2's settling update: the time, then an outcome's {@link #row}. */
    private static final String UPDATE_EACH = "update pars_ledger_entry set "
            + assignments("?", "?", "?", "?", "?", "?", "?", "?", "?", "?", "?") + " where id=? and version=?";

    /** PostgreSQL's: the time, then each column of the outcomes' {@link #row}s in an array; the IDs updated return. */
    private static final String UPDATE_ALL = "update pars_ledger_entry set "
            + assignments(
                    "?",
                    "v.to_state",
                    "v.code",
                    "v.message",
                    "v.problems",
                    "v.attempt",
                    "v.next_attempt",
                    "v.unknown",
                    "v.next_check",
                    "v.clear",
                    "v.ask_first")
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::timestamptz[], ?::bool[], "
            + "?::timestamptz[], ?::bool[], ?::bool[], ?::int8[], ?::int4[]) as v(to_state, code, message, problems, "
            + "attempt, next_attempt, unknown, next_check, clear, ask_first, k_id, k_version) where id=v.k_id and "
            + "version=v.k_version "
            + "returning id";

    /** The arrays' element types, in {@link #row}'s order. */
    private static final String[] UPDATE_ALL_TYPES = {
        "text", "text", "text", "text", "int4", "timestamptz", "bool", "timestamptz", "bool", "bool", "int8", "int4"
    };

    /**
     * An outcome's values in {@link #assignments}' order after the time (times as instants, or
     * null), then the entry's ID and the version it was claimed at. An entry to be confirmed in
     * PARS first stays so when its outcome leaves its state as it was (nothing was learned: the
     * credentials refused, or PARS could not be asked).
     */
    private static Object[] row(Outcome o, Claimed claimed) {
        return new Object[] {
            o.to().name(),
            o.code(),
            o.message(),
            ProblemsJson.write(o.problems()),
            o.countAttempt() ? 1 : 0,
            o.nextAttemptAt(),
            o.outcomeUnknown(),
            o.nextStatusCheckAt(),
            o.clearPrevious(),
            claimed.confirmFirst() && o.from() == o.to(),
            o.id(),
            claimed.version()
        };
    }

    /** H2: one update per outcome, in one batch; returns the IDs updated (the others changed meanwhile). */
    private static Set<Long> updateEach(Connection c, List<Outcome> outcomes, Map<Long, Claimed> claims, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_EACH)) {
            for (Outcome o : outcomes) {
                ps.setObject(1, Jdbc.time(now));
                Jdbc.bind(ps, 2, row(o, claims.get(o.id())));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            Set<Long> out = new HashSet<>();
            for (int k = 0; k < outcomes.size(); k++) {
                if (counts[k] != 0) {
                    out.add(outcomes.get(k).id());
                }
            }
            return out;
        }
    }

    /**
     * PostgreSQL: one statement for every outcome, its values in arrays (a batch runs one statement
     * per entry on the server); returns the IDs updated, and puts the entries as updated into
     * {@code into} when it is not null.
     */
    private static Set<Long> updateAll(
            Connection c, List<Outcome> outcomes, Map<Long, Claimed> claims, Instant now, Map<Long, LedgerEntry> into)
            throws SQLException {
        int n = outcomes.size();
        ArrayColumns columns = new ArrayColumns(UPDATE_ALL_TYPES, n);
        for (int k = 0; k < n; k++) {
            columns.add(k, row(outcomes.get(k), claims.get(outcomes.get(k).id())));
        }
        String sql = UPDATE_ALL + (into == null ? "" : ", " + EntryQueries.COLUMNS);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Jdbc.time(now));
            columns.bind(c, ps, 2);
            Set<Long> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                    if (into != null) {
                        into.put(rs.getLong(1), EntryQueries.entry(rs, 2));
                    }
                }
            }
            return out;
        }
    }

    /** Puts the entries with these IDs into {@code into}, as this transaction sees them. */
    private void read(Connection c, List<Long> ids, Map<Long, LedgerEntry> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id, " + EntryQueries.COLUMNS + " from pars_ledger_entry where " + jdbc.idsMatch())) {
            jdbc.bindIds(c, ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.put(rs.getLong(1), EntryQueries.entry(rs, 2));
                }
            }
        }
    }

    /** The entry changed while it was sent: keep its new state, and remember what PARS may now hold. */
    private static void superseded(Connection c, Outcome o, Claimed claimed, Instant now) throws SQLException {
        boolean sentAdd = claimed.state() == EntryState.PENDING || claimed.state() == EntryState.RETRYING;
        boolean mayBeInPars =
                sentAdd && (o.to() == EntryState.ACCEPTED || o.to() == EntryState.AWAITING_BOARD || o.outcomeUnknown());
        EntryState state;
        try (PreparedStatement ps = c.prepareStatement("select state from pars_ledger_entry where id=? for update")) {
            ps.setLong(1, o.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                state = EntryState.valueOf(rs.getString(1));
            }
        }
        EntryState next = state;
        if (mayBeInPars) {
            next = state == EntryState.PENDING || state == EntryState.INVALID
                    ? EntryState.CORRECTING
                    : state == EntryState.WITHDRAWN ? EntryState.WITHDRAWING : state;
        }
        try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set state=?, previous_payload="
                + (mayBeInPars ? "coalesce(previous_payload, ?)" : "previous_payload") + ", claimed_by=null, "
                + "claimed_until=null, sending_since=null, updated_at=? where id=?")) {
            int i = 1;
            ps.setString(i++, next.name());
            if (mayBeInPars) {
                ps.setBytes(i++, claimed.sealedPayload());
            }
            ps.setObject(i++, Jdbc.time(now));
            ps.setLong(i, o.id());
            ps.executeUpdate();
        }
        Jdbc.transition(
                c,
                o.id(),
                state,
                next,
                mayBeInPars
                        ? "changed while it was being sent, and PARS " + (o.outcomeUnknown() ? "may hold" : "holds")
                                + " what was sent: that record is deleted first"
                        : "changed while it was being sent; the new content is sent next",
                now);
    }
}
