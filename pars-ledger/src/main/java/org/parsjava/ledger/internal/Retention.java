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
import java.time.OffsetDateTime;
import org.parsjava.ledger.EntryState;

/** What the ledger forgets after the retention: learner data of settled entries. Thread safe. */
public final class Retention {

    private final Jdbc jdbc;

    /** Retention on {@code jdbc}. */
    public Retention(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes the history older than {@code before}: every transition that old, and the settled
     * entries (accepted, withdrawn, refused or invalid) last changed before it, with their
     * transitions and run marks, so the ledger's size follows its open work rather than its whole past.
     *
     * @return how many entries were deleted
     */
    public int prune(Instant before) {
        return jdbc.inTransaction(
                c -> {
                    long entries = firstSince(c, "pars_ledger_entry", "created_at", before);
                    if (entries == 0) {
                        return 0; // no entry that old, so no transition either (none precedes its entry)
                    }
                    long transitions = firstSince(c, "pars_ledger_transition", "at", before);
                    if (transitions > 0) {
                        try (PreparedStatement ps =
                                c.prepareStatement("delete from pars_ledger_transition where id < ? and at < ?")) {
                            Jdbc.bind(ps, 1, transitions, before);
                            ps.executeUpdate();
                        }
                    }
                    String settled = "id < ? and state in ('ACCEPTED','BOARD_ACCEPTED','WITHDRAWN','REJECTED',"
                            + "'BOARD_REJECTED','INVALID') and updated_at < ?";
                    for (String beside : new String[] {"pars_ledger_transition", "pars_ledger_run_mark"}) {
                        try (PreparedStatement ps = c.prepareStatement("delete from " + beside + " where entry_id in "
                                + "(select id from pars_ledger_entry where " + settled + ")")) {
                            Jdbc.bind(ps, 1, entries, before);
                            ps.executeUpdate();
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("delete from pars_ledger_entry where " + settled)) {
                        Jdbc.bind(ps, 1, entries, before);
                        return ps.executeUpdate();
                    }
                },
                "delete old history");
    }

    /** Removes the personal data of settled, accepted or withdrawn entries last changed before {@code before}. */
    public int purge(Instant before, Instant now) {
        return jdbc.inTransaction(
                c -> {
                    long entries = firstSince(c, "pars_ledger_entry", "created_at", before);
                    if (entries == 0) {
                        return 0;
                    }
                    try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set payload=null, "
                            + "previous_payload=null, purged_at=? where id < ? and state in (?,?,?) and updated_at < ? "
                            + "and payload is not null")) {
                        Jdbc.bind(
                                ps,
                                1,
                                now,
                                entries,
                                EntryState.ACCEPTED.name(),
                                EntryState.BOARD_ACCEPTED.name(),
                                EntryState.WITHDRAWN.name(),
                                before);
                        return ps.executeUpdate();
                    }
                },
                "purge personal data");
    }

    /**
     * The rows of {@code table} written before {@code before}, as a bound on their IDs: the lowest
     * ID whose {@code time} is not before it (one past the highest ID when every row is older), or
     * 0 when no row is older. IDs follow the order rows were written in, so the rows older than a
     * time are the ones below an ID, found here by bisection on the primary key (a few dozen
     * one-row reads for a million rows), where a condition on the time alone would read every row.
     * Rows written by several nodes at once may take IDs a few seconds out of their times' order:
     * such a row is left to a later run, and the retention and the history are counted in days.
     */
    private static long firstSince(Connection c, String table, String time, Instant before) throws SQLException {
        long low;
        long high;
        try (PreparedStatement ps = c.prepareStatement("select min(id), max(id) from " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            low = rs.getLong(1);
            if (rs.wasNull()) {
                return 0; // no rows
            }
            high = rs.getLong(2) + 1;
        }
        long first = low;
        try (PreparedStatement ps = c.prepareStatement(
                "select id, " + time + " from " + table + " where id >= ? order by id fetch first row only")) {
            // Each step keeps a bound in [low, high]; the first looks at the oldest row, which in a
            // ledger younger than before is all it reads.
            for (boolean oldest = true; low < high; oldest = false) {
                long mid = oldest ? low : low + (high - low) / 2;
                ps.setLong(1, mid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next(); // mid <= the highest ID, so a row is there
                    long id = rs.getLong(1);
                    if (id >= high) {
                        high = mid; // no row in [mid, high)
                    } else if (rs.getObject(2, OffsetDateTime.class).toInstant().isBefore(before)) {
                        low = id + 1;
                    } else {
                        high = id;
                    }
                }
            }
        }
        return low == first ? 0 : low;
    }
}
