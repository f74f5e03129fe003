/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerException;

/**
 * Taking entries up for work: due sends, due status checks. Claims use
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and a lease, so several nodes on one database never
 * take the same entry, and an entry whose node died is taken up again when its lease ends.
 * Thread safe.
 */
public final class Claims {

    /** States a drain takes up. */
    static final Set<EntryState> SENDABLE =
            Set.of(EntryState.PENDING, EntryState.RETRYING, EntryState.CORRECTING, EntryState.WITHDRAWING);

    private final Jdbc jdbc;
    private final Payloads payloads;

    /** Claims on {@code jdbc}, opening payloads with {@code payloads}. */
    public Claims(Jdbc jdbc, Payloads payloads) {
        this.jdbc = jdbc;
        this.payloads = payloads;
    }

    /**
     * Takes up to {@code limit} due entries, most urgent first, for {@code lease}: other nodes
     * skip them meanwhile. An entry whose earlier claim ended without a recorded outcome (its
     * node died) comes back marked {@code resumed}. An entry whose payload no longer opens with
     * this key becomes a row to fix rather than stopping every drain.
     */
    public List<Claimed> sends(int limit, Instant now, String node, Duration lease) {
        return jdbc.inTransaction(
                c -> {
                    List<Claimed> out = new ArrayList<>();
                    List<Long> unreadable = new ArrayList<>();
                    String states =
                            SENDABLE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
                    try (PreparedStatement ps = c.prepareStatement("select id, sending_since, provider_id, "
                            + "completion_key, state, payload, previous_payload, attempts, outcome_unknown, version, "
                            + "credit_ids, confirm_first from pars_ledger_entry where state in (" + states
                            + ") and (next_attempt_at "
                            + "is null or next_attempt_at <= ?) and (claimed_until is null or claimed_until < ?) "
                            + "order by due_date, id limit ? for update skip locked")) {
                        ps.setObject(1, Jdbc.time(now));
                        ps.setObject(2, Jdbc.time(now));
                        ps.setInt(3, limit);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                try {
                                    out.add(claimed(c, rs));
                                } catch (LedgerException e) {
                                    unreadable.add(rs.getLong(1));
                                }
                            }
                        }
                    }
                    for (long id : unreadable) {
                        Jdbc.update(
                                c,
                                id,
                                null,
                                EntryState.INVALID,
                                now,
                                "its stored data does not open with this ledger's key",
                                "pars_code='PAYLOAD_UNREADABLE', violations='" + UNREADABLE + "'");
                    }
                    lease(c, out, node, now.plus(lease), now, "sending_since=?");
                    return out;
                },
                "claim due entries");
    }

    /** The problem of an entry whose payload does not open with this key, as stored (JSON, no quotes to escape). */
    private static final String UNREADABLE = ProblemsJson.write(List.of(new org.parsjava.ledger.EntryProblem(
            "",
            "PAYLOAD_UNREADABLE",
            "the stored learner data does not open with this key; record the completion again")));

    private Claimed claimed(Connection c, ResultSet rs) throws SQLException {
        String provider = rs.getString(3);
        String key = rs.getString(4);
        byte[] payload = rs.getBytes(6);
        byte[] previous = rs.getBytes(7);
        return new Claimed(
                rs.getLong(1),
                provider,
                key,
                EntryState.valueOf(rs.getString(5)),
                payload == null ? null : payloads.open(c, payload, provider, key),
                previous == null ? null : payloads.open(c, previous, provider, key),
                List.of(rs.getString(11).split(",")),
                rs.getInt(8),
                rs.getObject(2) != null,
                rs.getBoolean(12),
                rs.getBoolean(9),
                rs.getInt(10),
                payload);
    }

    /** Entries awaiting the board whose status check is due, claimed like sends. */
    public List<Claimed> statusChecks(int limit, Instant now, String node, Duration lease) {
        return jdbc.inTransaction(
                c -> {
                    List<Claimed> out = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("select id, provider_id, completion_key, payload, "
                            + "status_checks, version, credit_ids from pars_ledger_entry where state=? and "
                            + "next_status_check_at <= ? and (claimed_until is null or claimed_until < ?) order by "
                            + "next_status_check_at, id limit ? for update skip locked")) {
                        ps.setString(1, EntryState.AWAITING_BOARD.name());
                        ps.setObject(2, Jdbc.time(now));
                        ps.setObject(3, Jdbc.time(now));
                        ps.setInt(4, limit);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                byte[] payload = rs.getBytes(4);
                                String provider = rs.getString(2);
                                String key = rs.getString(3);
                                out.add(new Claimed(
                                        rs.getLong(1),
                                        provider,
                                        key,
                                        EntryState.AWAITING_BOARD,
                                        payload == null ? null : payloads.open(c, payload, provider, key),
                                        null,
                                        List.of(rs.getString(7).split(",")),
                                        rs.getInt(5),
                                        false,
                                        false,
                                        false,
                                        rs.getInt(6),
                                        payload));
                            }
                        }
                    }
                    lease(c, out, node, now.plus(lease), null, "status_checks=status_checks+1");
                    return out;
                },
                "claim status checks");
    }

    /** Marks {@code claimed} as this node's until {@code until}, setting {@code extra} too. */
    private static void lease(
            Connection c, List<Claimed> claimed, String node, Instant until, Instant since, String extra)
            throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "update pars_ledger_entry set claimed_by=?, claimed_until=?, " + extra + " where id=?")) {
            for (Claimed claim : claimed) {
                int i = 1;
                up.setString(i++, node);
                up.setObject(i++, Jdbc.time(until));
                if (since != null) {
                    up.setObject(i++, Jdbc.time(since));
                }
                up.setLong(i, claim.id());
                up.addBatch();
            }
            up.executeBatch();
        }
    }

    /** Releases every claim: for a single-node store (an embedded H2 file) after a crash. */
    public int releaseAll() {
        return jdbc.inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set claimed_by=null, "
                            + "claimed_until=null where claimed_until is not null")) {
                        return ps.executeUpdate();
                    }
                },
                "release claims");
    }
}
