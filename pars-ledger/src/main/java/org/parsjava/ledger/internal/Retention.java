/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.sql.PreparedStatement;
import java.time.Instant;
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
}
