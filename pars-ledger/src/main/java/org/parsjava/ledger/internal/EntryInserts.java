/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.EntryState;

/**
 * New entries written: one at a time, or a chunk's in one insert batch and their first
 * transitions in another. On PostgreSQL a batch's IDs are taken from the entries' sequence
 * first, so the inserts return nothing and the driver sends them as multi-row statements (it
 * does not when keys are to come back), when the database user may take them; elsewhere the IDs
 * come back from the insert. Thread safe.
 */
final class EntryInserts {

    /**
     * Inserts {@code pending} (positions in {@code chunk}) as new entries, pending or invalid as
     * their problems say, each with its first transition; returns their IDs in that order. Those
     * {@code leased} marks (by position) are stored held by {@code lease}.
     */
    long[] insert(
            Connection c,
            List<Recorder.Recorded> chunk,
            Payloads.Sealed[] sealed,
            List<Integer> pending,
            boolean postgres,
            Lease lease,
            boolean[] leased)
            throws SQLException {
        String sequence = postgres ? sequence(c) : "";
        boolean fromSequence = !sequence.isEmpty();
        long[] ids = fromSequence ? nextIds(c, sequence, pending.size()) : new long[pending.size()];
        boolean held = lease != null;
        try (PreparedStatement ps = fromSequence
                ? c.prepareStatement(insert(held, true))
                : c.prepareStatement(insert(held, false), new String[] {"id"})) {
            int k = 0;
            for (int i : pending) {
                Recorder.Recorded r = chunk.get(i);
                int next = bindInsert(
                        ps,
                        r,
                        r.valid() ? EntryState.PENDING : EntryState.INVALID,
                        sealed[i],
                        held,
                        leased[i] ? lease : null);
                if (fromSequence) {
                    ps.setLong(next, ids[k++]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            if (!fromSequence) {
                readIds(ps, ids);
            }
        }
        insertTransitions(c, chunk, pending, ids);
        return ids;
    }

    /** The entries' sequence as the database names it, or empty when not usable; asked once. */
    private volatile String sequence;

    /**
     * The entries' identity sequence, when the database user may call {@code nextval} on it (an
     * application role granted only the tables inserts through the column's default, which needs
     * no such right, but not with IDs of its own); empty otherwise. Looked up once: resolving it
     * per ID cost more than taking the ID.
     */
    private String sequence(Connection c) throws SQLException {
        String known = sequence;
        if (known == null) {
            try (PreparedStatement ps = c.prepareStatement("select s, has_sequence_privilege(s, 'USAGE') from "
                            + "pg_get_serial_sequence('pars_ledger_entry', 'id') s");
                    ResultSet rs = ps.executeQuery()) {
                known = rs.next() && rs.getString(1) != null && rs.getBoolean(2) ? rs.getString(1) : "";
            }
            sequence = known;
        }
        return known;
    }

    /** {@code n} IDs from {@code sequence}, ascending: one round trip. */
    private static long[] nextIds(Connection c, String sequence, int n) throws SQLException {
        long[] ids = new long[n];
        // The name is the catalogue's, quoted as it needs; as a literal it is resolved once, when planned.
        try (PreparedStatement ps = c.prepareStatement(
                "select nextval('" + sequence.replace("'", "''") + "'::regclass) from generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int k = 0; k < n; k++) {
                    if (!rs.next()) {
                        throw new SQLException("the sequence gave fewer IDs than asked for");
                    }
                    ids[k] = rs.getLong(1);
                }
            }
        }
        java.util.Arrays.sort(ids);
        return ids;
    }

    /** The IDs an insert batch generated, in the batch's order. */
    private static void readIds(PreparedStatement ps, long[] ids) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            for (int k = 0; k < ids.length; k++) {
                if (!keys.next()) {
                    throw new SQLException("the database returned fewer generated keys than rows inserted");
                }
                ids[k] = keys.getLong(1);
            }
        }
    }

    private static void insertTransitions(
            Connection c, List<Recorder.Recorded> chunk, List<Integer> pending, long[] ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into pars_ledger_transition (entry_id, at, from_state, to_state, note) values (?,?,?,?,?)")) {
            for (int k = 0; k < ids.length; k++) {
                Recorder.Recorded r = chunk.get(pending.get(k));
                ps.setLong(1, ids[k]);
                ps.setObject(2, Jdbc.time(r.at()));
                ps.setString(3, null);
                ps.setString(4, (r.valid() ? EntryState.PENDING : EntryState.INVALID).name());
                ps.setString(5, r.valid() ? "recorded" : Jdbc.note("recorded; invalid: " + r.code()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The columns an entry's recorded content sets, in the order {@link #bindContent} binds them:
     * written by an insert and by a correction's update alike.
     */
    static final String CONTENT_COLUMNS = "content_mac, payload, reference, activity_id, completion_date, has_moc, "
            + "due_date, due_rule, pars_code, violations, credit_ids, activity_ref";

    /** {@link #CONTENT_COLUMNS} as an update's assignments ({@code content_mac=?, payload=?, ...}), same order. */
    static final String CONTENT_ASSIGNMENTS = CONTENT_COLUMNS.replace(", ", "=?, ") + "=?";

    /**
     * An entry's insert: its content and times, with the hold's columns when {@code held} (a
     * recording that leases its new entries) and the ID last when {@code withId} (PostgreSQL, the
     * IDs taken from the sequence first). Without a hold the statement has no lease columns, so a
     * plain recording sends no more than it stores.
     */
    private static String insert(boolean held, boolean withId) {
        return held ? (withId ? INSERT_HELD_WITH_ID : INSERT_HELD) : (withId ? INSERT_WITH_ID : INSERT);
    }

    private static String insertSql(boolean held, boolean withId) {
        String columns = "provider_id, completion_key, state, " + CONTENT_COLUMNS
                + (held ? ", claimed_by, claimed_until, sending_since" : "") + ", created_at, updated_at"
                + (withId ? ", id" : "");
        int n = columns.split(",").length;
        return "insert into pars_ledger_entry (" + columns + ") values ("
                + String.join(",", java.util.Collections.nCopies(n, "?")) + ")";
    }

    private static final String INSERT = insertSql(false, false);
    private static final String INSERT_WITH_ID = insertSql(false, true);
    private static final String INSERT_HELD = insertSql(true, false);
    private static final String INSERT_HELD_WITH_ID = insertSql(true, true);

    /** Inserts one entry; returns its ID. */
    static long insertOne(Connection c, Recorder.Recorded r, EntryState state, Payloads.Sealed sealed)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            bindInsert(ps, r, state, sealed, false, null);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * Binds an entry's {@link #insert}; with {@code held}, the hold's columns from {@code lease}
     * (null: this entry is not held). Returns the next position (the ID's, when it has one).
     */
    private static int bindInsert(
            PreparedStatement ps,
            Recorder.Recorded r,
            EntryState state,
            Payloads.Sealed sealed,
            boolean held,
            Lease lease)
            throws SQLException {
        ps.setString(1, r.completion().activity().providerId());
        ps.setString(2, r.completion().completionKey());
        ps.setString(3, state.name());
        int next = bindContent(ps, 4, r, sealed);
        if (held && lease == null) {
            ps.setNull(next++, Types.VARCHAR);
            ps.setNull(next++, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setNull(next++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (held) {
            ps.setString(next++, lease.node());
            ps.setObject(next++, Jdbc.time(lease.until()));
            ps.setObject(next++, Jdbc.time(lease.since()));
        }
        ps.setObject(next++, Jdbc.time(r.at()));
        ps.setObject(next++, Jdbc.time(r.at()));
        return next;
    }

    /** Binds {@link #CONTENT_COLUMNS} from position {@code at}; returns the next position. */
    static int bindContent(PreparedStatement ps, int at, Recorder.Recorded r, Payloads.Sealed sealed)
            throws SQLException {
        LearnerCompletion completion = r.completion();
        int i = at;
        ps.setString(i++, sealed.mac());
        ps.setBytes(i++, sealed.bytes());
        ps.setString(i++, r.reference());
        ps.setString(i++, completion.activity().accmeActivityId().orElse(null));
        ps.setObject(i++, completion.completionDate());
        ps.setBoolean(i++, !completion.mocCredits().isEmpty());
        ps.setObject(i++, r.deadline().date());
        ps.setString(i++, r.deadline().rule().name());
        ps.setString(i++, r.code());
        ps.setString(i++, ProblemsJson.write(r.problems()));
        ps.setString(i++, String.join(",", CreditIds.all(completion)));
        ps.setString(i++, sealed.activityRef());
        return i;
    }
}
