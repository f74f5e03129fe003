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
import java.util.List;
import java.util.Map;
import org.parsjava.ledger.EntryState;

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

    /** Stores the outcomes of one drain step in one transaction; every claim among them is released. */
    public void settle(List<Outcome> outcomes, Map<Long, Claimed> claims, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.inTransaction(
                c -> {
                    int[] counts;
                    try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set state=?, "
                            + "pars_code=?, pars_message=?, violations=?, attempts=attempts+?, next_attempt_at=?, "
                            + "outcome_unknown=?, next_status_check_at=?, previous_payload=case when ? then null else "
                            + "previous_payload end, claimed_by=null, claimed_until=null, sending_since=null, "
                            + "confirm_first=false, updated_at=? where id=? and version=?")) {
                        for (Outcome o : outcomes) {
                            ps.setString(1, o.to().name());
                            ps.setString(2, o.code());
                            ps.setString(3, o.message());
                            ps.setString(4, ProblemsJson.write(o.problems()));
                            ps.setInt(5, o.countAttempt() ? 1 : 0);
                            ps.setObject(6, o.nextAttemptAt() == null ? null : Jdbc.time(o.nextAttemptAt()));
                            ps.setBoolean(7, o.outcomeUnknown());
                            ps.setObject(8, o.nextStatusCheckAt() == null ? null : Jdbc.time(o.nextStatusCheckAt()));
                            ps.setBoolean(9, o.clearPrevious());
                            ps.setObject(10, Jdbc.time(now));
                            ps.setLong(11, o.id());
                            ps.setInt(12, claims.get(o.id()).version());
                            ps.addBatch();
                        }
                        counts = ps.executeBatch();
                    }
                    List<Outcome> applied = new ArrayList<>(outcomes.size());
                    for (int k = 0; k < outcomes.size(); k++) {
                        Outcome o = outcomes.get(k);
                        if (counts[k] != 0) {
                            applied.add(o);
                        } else {
                            superseded(c, o, claims.get(o.id()), now);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("insert into pars_ledger_transition (entry_id, at, "
                            + "from_state, to_state, note) values (?,?,?,?,?)")) {
                        for (Outcome o : applied) {
                            if (o.from() == o.to() && o.note() == null) {
                                continue;
                            }
                            ps.setLong(1, o.id());
                            ps.setObject(2, Jdbc.time(now));
                            ps.setString(3, o.from().name());
                            ps.setString(4, o.to().name());
                            ps.setString(5, Jdbc.note(o.note()));
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                },
                "record send outcomes");
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
