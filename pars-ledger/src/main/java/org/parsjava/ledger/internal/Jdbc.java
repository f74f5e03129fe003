/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's one way to the database: a transaction per unit of work, SQL failures turned into
 * {@link LedgerException}s that name what failed and the SQL state (never a value), and the
 * statements every table class shares (a state change with its transition). Thread safe.
 */
public final class Jdbc {

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

    private final DataSource dataSource;
    private final boolean postgres;

    /** On {@code dataSource}; {@code postgres} when the database is PostgreSQL (else H2). */
    public Jdbc(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** Whether the database is PostgreSQL. */
    public boolean postgres() {
        return postgres;
    }

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work on {@code c}; the caller commits. */
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own; {@code what} names it in a failure. When the
     * database stops the transaction to break a deadlock, the work runs again in a new one (at
     * most {@link #DEADLOCK_ATTEMPTS} times in all), so {@code work} must leave nothing behind but
     * its writes and its result.
     */
    public <T> T inTransaction(Work<T> work, String what) {
        return inTransaction(work, what, true);
    }

    /**
     * Runs {@code work} like {@link #inTransaction(Work, String)}, but on H2 leaves its commit to
     * reach the file with the next checkpoint (another transaction's, or H2's own background
     * write): only for work whose loss in a killed process the ledger recovers from, such as a
     * batch's outcomes (their entries stay leased and marked as being sent, so they are looked up
     * in PARS before anything is sent again).
     */
    public <T> T inTransactionWrittenLater(Work<T> work, String what) {
        return inTransaction(work, what, false);
    }

    /**
     * How many times a unit of work runs when the database stops it for a deadlock (two
     * transactions waiting on each other's rows: a recording and another node's or slice's
     * settlement of the same entries). The database stops one of them and the other goes on, so
     * the stopped one, run again from the start, finds the rows free or changed; a third deadlock
     * in a row is reported.
     */
    static final int DEADLOCK_ATTEMPTS = 3;

    /** PostgreSQL's SQL state for a transaction it stopped to break a deadlock. */
    static final String DEADLOCK_DETECTED = "40P01";

    /** H2's, for the same (its {@code DEADLOCK_1}; on PostgreSQL the state is a serialization failure's). */
    static final String H2_DEADLOCK = "40001";

    private <T> T inTransaction(Work<T> work, String what, boolean checkpoint) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work, checkpoint);
            } catch (SQLException | RuntimeException e) {
                if (!deadlock(e) || attempt == DEADLOCK_ATTEMPTS) {
                    throw e instanceof SQLException sql ? failure(what, sql) : (RuntimeException) e;
                }
            }
            LOG.info(
                    "PARS ledger: the database stopped a transaction to {} to break a deadlock; running it again "
                            + "(attempt {} of {})",
                    what,
                    attempt + 1,
                    DEADLOCK_ATTEMPTS);
        }
    }

    /** Whether {@code e}, or an exception it wraps (a statement's failure named by the ledger), is a deadlock's. */
    private boolean deadlock(Exception e) {
        String state = postgres ? DEADLOCK_DETECTED : H2_DEADLOCK;
        for (Throwable t = e; t != null; t = t.getCause()) {
            // A batch's failure may carry the statement's own as the next exception.
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (state.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private <T> T once(Work<T> work, boolean checkpoint) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                if (!postgres && checkpoint) {
                    // H2 writes commits half a second later by default: a committed claim would not
                    // survive a killed process. CHECKPOINT writes it now (WRITE_DELAY 0 would too, but
                    // it stops the background writer that keeps the file compact).
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute("CHECKPOINT");
                    }
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the work's failure says what went wrong
                }
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /**
     * A condition matching any of the entry IDs {@link #bindIds} binds: one array parameter, on H2
     * as on PostgreSQL, which both look up in the primary key; the statement's text is the same
     * whatever the number of IDs.
     */
    public String idsMatch() {
        return "id = any(?)";
    }

    /** Binds {@link #idsMatch} at position {@code at}; returns the next position. */
    public int bindIds(Connection c, PreparedStatement ps, int at, List<Long> ids) throws SQLException {
        ps.setArray(at, c.createArrayOf("bigint", ids.toArray()));
        return at + 1;
    }

    /** A failure to {@code what}, with the SQL state only. */
    public static LedgerException failure(String what, SQLException e) {
        return new LedgerException("the ledger could not " + what + " (SQL state " + e.getSQLState() + ")", e);
    }

    /** An instant as the timestamp columns hold it. */
    public static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /**
     * Binds {@code values} from parameter {@code at} on, instants as {@link #time}; returns the
     * next parameter's position.
     */
    static int bind(PreparedStatement ps, int at, Object... values) throws SQLException {
        int i = at;
        for (Object v : values) {
            ps.setObject(i++, v instanceof Instant t ? time(t) : v);
        }
        return i;
    }

    /** Moves an entry to {@code to}, setting {@code extraSet} too, and keeps the transition. */
    static void update(Connection c, long id, EntryState from, EntryState to, Instant now, String note, String extraSet)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set state=?, updated_at=?"
                + (extraSet.isEmpty() ? "" : ", " + extraSet) + " where id=?")) {
            ps.setString(1, to.name());
            ps.setObject(2, time(now));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        transition(c, id, from, to, note, now);
    }

    /** Keeps one transition of an entry. */
    static void transition(Connection c, long id, EntryState from, EntryState to, String note, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_TRANSITION)) {
            bind(ps, 1, transitionRow(id, at, from, to, note));
            ps.executeUpdate();
        }
    }

    /** A transition's values in {@link #INSERT_TRANSITION}'s order; {@code from} null for an entry's first. */
    static Object[] transitionRow(long id, Instant at, EntryState from, EntryState to, String note) {
        return new Object[] {id, at, from == null ? null : from.name(), to.name(), note(note)};
    }

    /**
     * Keeps the transitions of {@code rows} (each a {@link #transitionRow}): on PostgreSQL in one
     * statement whose values come in arrays, elsewhere in a batch.
     */
    static void transitions(Connection c, boolean postgres, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(postgres ? INSERT_TRANSITIONS_ARRAYS : INSERT_TRANSITION)) {
            if (postgres) {
                ArrayColumns columns = new ArrayColumns(TRANSITION_TYPES, rows.size());
                for (int k = 0; k < rows.size(); k++) {
                    columns.add(k, rows.get(k));
                }
                columns.bind(c, ps);
                ps.executeUpdate();
            } else {
                for (Object[] row : rows) {
                    bind(ps, 1, row);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static final String INTO_TRANSITIONS =
            "insert into pars_ledger_transition (entry_id, at, from_state, to_state, note) ";
    private static final String INSERT_TRANSITION = INTO_TRANSITIONS + "values (?,?,?,?,?)";
    private static final String[] TRANSITION_TYPES = {"int8", "timestamptz", "text", "text", "text"};
    private static final String INSERT_TRANSITIONS_ARRAYS =
            INTO_TRANSITIONS + "select * from " + ArrayColumns.unnest(TRANSITION_TYPES);

    /** A note cut to the column's 500 characters. */
    static String note(String note) {
        return note == null ? null : note.length() <= 500 ? note : note.substring(0, 497) + "...";
    }
}
