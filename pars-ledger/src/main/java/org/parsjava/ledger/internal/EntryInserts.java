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
import java.util.List;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.EntryState;

/**
 * New entries written: one at a time, or a chunk's in one insert batch and their first
 * transitions in another. On PostgreSQL a chunk's IDs are taken from the entries' sequence
 * first, when the database user may take them, so the chunk goes in one statement whose values
 * come in arrays, one per column (a fixed statement the server plans once, where a batch
 * rewritten into multi-row inserts is several statements of sizes that vary); elsewhere a batch,
 * whose IDs come back from the insert. The transitions go in as arrays on PostgreSQL whichever
 * way the entries went. Thread safe.
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
        List<Object[]> rows = new java.util.ArrayList<>(pending.size());
        for (int i : pending) {
            Recorder.Recorded r = chunk.get(i);
            rows.add(insertRow(r, r.newState(), sealed[i], held, leased[i] ? lease : null));
        }
        if (fromSequence) {
            // PostgreSQL: the chunk with its IDs in one statement, each column's values in an array.
            ArrayColumns columns = new ArrayColumns(insertTypes(held), rows.size());
            for (int k = 0; k < rows.size(); k++) {
                columns.add(k, rows.get(k), ids[k]);
            }
            try (PreparedStatement ps = c.prepareStatement(held ? INSERT_ARRAYS_HELD : INSERT_ARRAYS)) {
                columns.bind(c, ps);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(held ? INSERT_HELD : INSERT, new String[] {"id"})) {
                for (Object[] row : rows) {
                    Jdbc.bind(ps, 1, row);
                    ps.addBatch();
                }
                ps.executeBatch();
                readIds(ps, ids);
            }
        }
        insertTransitions(c, chunk, pending, ids, postgres);
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

    /** The new entries' first transitions: on PostgreSQL one statement of arrays, elsewhere a batch. */
    private static void insertTransitions(
            Connection c, List<Recorder.Recorded> chunk, List<Integer> pending, long[] ids, boolean postgres)
            throws SQLException {
        List<Object[]> rows = new java.util.ArrayList<>(ids.length);
        for (int k = 0; k < ids.length; k++) {
            Recorder.Recorded r = chunk.get(pending.get(k));
            rows.add(Jdbc.transitionRow(
                    ids[k], r.at(), null, r.newState(), r.valid() ? "recorded" : "recorded; invalid: " + r.code()));
        }
        Jdbc.transitions(c, postgres, rows);
    }

    /**
     * The columns an entry's recorded content sets, in the order {@link #bindContent} binds them:
     * written by an insert and by a correction's update alike.
     */
    static final String CONTENT_COLUMNS = "content_mac, payload, reference, activity_id, completion_date, has_moc, "
            + "due_date, due_rule, pars_code, violations, credit_ids, activity_ref, recording_run";

    /** {@link #CONTENT_COLUMNS} as an update's assignments ({@code content_mac=?, payload=?, ...}), same order. */
    static final String CONTENT_ASSIGNMENTS = CONTENT_COLUMNS.replace(", ", "=?, ") + "=?";

    /**
     * An entry's columns as inserted: its content and times, with the hold's columns when {@code
     * held} (a recording that leases its new entries) and the ID last when {@code withId}
     * (PostgreSQL, the IDs taken from the sequence first). Without a hold the statement has no lease
     * columns, so a plain recording sends no more than it stores.
     */
    private static String insertColumns(boolean held, boolean withId) {
        return "provider_id, completion_key, state, " + CONTENT_COLUMNS
                + (held ? ", claimed_by, claimed_until, sending_since" : "") + ", created_at, updated_at"
                + (withId ? ", id" : "");
    }

    /** An entry's insert, one row of values. */
    private static String insertSql(boolean held) {
        String columns = insertColumns(held, false);
        int n = columns.split(",").length;
        return "insert into pars_ledger_entry (" + columns + ") values ("
                + String.join(",", java.util.Collections.nCopies(n, "?")) + ")";
    }

    /** PostgreSQL's insert of a chunk with its IDs, each column's values in an array. */
    private static String insertArraysSql(boolean held) {
        return "insert into pars_ledger_entry (" + insertColumns(held, true) + ") select * from "
                + ArrayColumns.unnest(insertTypes(held));
    }

    /** The element types of {@link #insertColumns} with the ID, same order. */
    private static String[] insertTypes(boolean held) {
        List<String> types = new java.util.ArrayList<>(List.of("text", "text", "text"));
        types.addAll(List.of(CONTENT_TYPES));
        if (held) {
            types.addAll(List.of("text", "timestamptz", "timestamptz"));
        }
        types.addAll(List.of("timestamptz", "timestamptz", "int8"));
        return types.toArray(String[]::new);
    }

    /** {@link #CONTENT_COLUMNS}' element types, same order. */
    private static final String[] CONTENT_TYPES = {
        "text", "bytea", "text", "text", "date", "bool", "date", "text", "text", "text", "text", "text", "int8"
    };

    private static final String INSERT = insertSql(false);
    private static final String INSERT_HELD = insertSql(true);
    private static final String INSERT_ARRAYS = insertArraysSql(false);
    private static final String INSERT_ARRAYS_HELD = insertArraysSql(true);

    /** Inserts one entry; returns its ID. */
    static long insertOne(Connection c, Recorder.Recorded r, EntryState state, Payloads.Sealed sealed)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(ps, 1, insertRow(r, state, sealed, false, null));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * An entry's insert's values in {@link #insertSql}'s column order without the ID; with {@code
     * held}, the hold's columns from {@code lease} (null: this entry is not held).
     */
    private static Object[] insertRow(
            Recorder.Recorded r, EntryState state, Payloads.Sealed sealed, boolean held, Lease lease) {
        Object[] content = content(r, sealed);
        Object[] row = new Object[3 + content.length + (held ? 3 : 0) + 2];
        int i = 0;
        row[i++] = r.completion().activity().providerId();
        row[i++] = r.completion().completionKey();
        row[i++] = state.name();
        System.arraycopy(content, 0, row, i, content.length);
        i += content.length;
        if (held) {
            row[i++] = lease == null ? null : lease.node();
            row[i++] = lease == null ? null : lease.until();
            row[i++] = lease == null ? null : lease.since();
        }
        row[i++] = r.at();
        row[i] = r.at();
        return row;
    }

    /** Binds {@link #CONTENT_COLUMNS} from position {@code at}; returns the next position. */
    static int bindContent(PreparedStatement ps, int at, Recorder.Recorded r, Payloads.Sealed sealed)
            throws SQLException {
        return Jdbc.bind(ps, at, content(r, sealed));
    }

    /** {@link #CONTENT_COLUMNS}' values, same order. */
    private static Object[] content(Recorder.Recorded r, Payloads.Sealed sealed) {
        LearnerCompletion completion = r.completion();
        return new Object[] {
            sealed.mac(),
            sealed.bytes(),
            r.reference(),
            completion.activity().accmeActivityId().orElse(null),
            completion.completionDate(),
            !completion.mocCredits().isEmpty(),
            r.deadline().date(),
            r.deadline().rule().name(),
            r.code(),
            ProblemsJson.write(r.problems()),
            String.join(",", CreditIds.all(completion)),
            sealed.activityRef(),
            r.run()
        };
    }
}
