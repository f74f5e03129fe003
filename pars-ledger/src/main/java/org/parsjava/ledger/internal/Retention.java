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
     * entries (accepted, withdrawn, refused or invalid) last changed before it, so the ledger's size
     * follows its open work rather than its whole past.
     *
     * @return how many entries were deleted
     */
    public int prune(Instant before) {
        return jdbc.inTransaction(
                c -> {
                    if (allSince(c, before)) {
                        return 0;
                    }
                    String settled = "state in ('ACCEPTED','BOARD_ACCEPTED','WITHDRAWN','REJECTED','BOARD_REJECTED',"
                            + "'INVALID') and updated_at < ?";
                    try (PreparedStatement ps =
                            c.prepareStatement("delete from pars_ledger_transition where at < ? or entry_id in "
                                    + "(select id from pars_ledger_entry where " + settled + ")")) {
                        ps.setObject(1, Jdbc.time(before));
                        ps.setObject(2, Jdbc.time(before));
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("delete from pars_ledger_entry where " + settled)) {
                        ps.setObject(1, Jdbc.time(before));
                        return ps.executeUpdate();
                    }
                },
                "delete old history");
    }

    /** Removes the personal data of settled, accepted or withdrawn entries last changed before {@code before}. */
    public int purge(Instant before, Instant now) {
        return jdbc.inTransaction(
                c -> {
                    if (allSince(c, before)) {
                        return 0;
                    }
                    try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set payload=null, "
                            + "previous_payload=null, purged_at=? where state in (?,?,?) and updated_at < ? and "
                            + "payload is not null")) {
                        ps.setObject(1, Jdbc.time(now));
                        ps.setString(2, EntryState.ACCEPTED.name());
                        ps.setString(3, EntryState.BOARD_ACCEPTED.name());
                        ps.setString(4, EntryState.WITHDRAWN.name());
                        ps.setObject(5, Jdbc.time(before));
                        return ps.executeUpdate();
                    }
                },
                "purge personal data");
    }

    /**
     * Whether every entry was recorded at or after {@code before} (or there is none): then none was
     * settled, and no transition written, before it, and there is nothing to delete or purge. The
     * first entry recorded (the lowest ID) is read from the primary key, where the statements
     * above would read every row: a ledger younger than its retention is not scanned on each run.
     * (Entries recorded by several nodes at once may take IDs a few seconds out of their times'
     * order; the retention and the history are counted in days.)
     */
    private static boolean allSince(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                        "select created_at from pars_ledger_entry order by id fetch first row only");
                ResultSet rs = ps.executeQuery()) {
            return !rs.next()
                    || !rs.getObject(1, OffsetDateTime.class).toInstant().isBefore(before);
        }
    }
}
