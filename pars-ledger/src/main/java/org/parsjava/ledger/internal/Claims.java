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
import java.util.HashSet;
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
    public List<Claimed> sends(int batch, Instant now, String node, Duration lease) {
        int limit = limit(batch);
        return jdbc.inTransaction(
                c -> {
                    List<Claimed> out = new ArrayList<>();
                    List<Long> unreadable = new ArrayList<>();
                    Set<Long> skipped = new HashSet<>();
                    List<Long> ids;
                    while (true) {
                        List<Candidate> due = due(c, now, limit, skipped);
                        if (due.isEmpty()) {
                            return out;
                        }
                        ids = due.stream().map(Candidate::id).toList();
                        lockAndRead(c, ids, now, out, unreadable);
                        if (!out.isEmpty() || !unreadable.isEmpty() || jdbc.postgres()) {
                            break;
                        }
                        // H2: another drain is claiming every one of them right now; look past them
                        // rather than end this drain while entries behind them are due.
                        skipped.addAll(ids);
                    }
                    java.util.Map<Long, Integer> rank = new java.util.HashMap<>();
                    for (int i = 0; i < ids.size(); i++) {
                        rank.put(ids.get(i), i);
                    }
                    out.sort(java.util.Comparator.comparing(x -> rank.get(x.id())));
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

    /**
     * The {@code limit} most urgent due entries that are not {@code skipped}, by due date: the most
     * urgent of each state, read in index order (a sort of the whole backlog per batch would read
     * every waiting entry), merged. On PostgreSQL the rows are locked as they are read (SKIP LOCKED
     * in index order, so two nodes take different entries); on H2, whose FOR UPDATE locks every row
     * the condition matches before the limit applies, the chosen ones are locked next.
     */
    private List<Candidate> due(Connection c, Instant now, int limit, Set<Long> skipped) throws SQLException {
        List<Candidate> due = new ArrayList<>();
        for (EntryState state : SENDABLE_ORDER) {
            try (PreparedStatement ps = c.prepareStatement("select id, due_date from pars_ledger_entry "
                    + "where state=? and (next_attempt_at is null or next_attempt_at <= ?) and "
                    + "(claimed_until is null or claimed_until < ?) order by state, due_date, id limit ?"
                    + (jdbc.postgres() ? " for update skip locked" : ""))) {
                ps.setString(1, state.name());
                ps.setObject(2, Jdbc.time(now));
                ps.setObject(3, Jdbc.time(now));
                ps.setInt(4, limit + skipped.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!skipped.contains(rs.getLong(1))) {
                            due.add(new Candidate(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class)));
                        }
                    }
                }
            }
        }
        due.sort(java.util.Comparator.comparing(Candidate::due).thenComparingLong(Candidate::id));
        return due.subList(0, Math.min(limit, due.size()));
    }

    /**
     * Locks and reads {@code ids} that are still due and not claimed (on H2 skipping those another
     * transaction holds), adding them to {@code out}, or their IDs to {@code unreadable} where the
     * payload does not open with this key.
     */
    private void lockAndRead(Connection c, List<Long> ids, Instant now, List<Claimed> out, List<Long> unreadable)
            throws SQLException {
        String states = SENDABLE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        String columns = "id, sending_since, provider_id, completion_key, state, payload, "
                + "previous_payload, attempts, outcome_unknown, version, credit_ids, confirm_first";
        try (PreparedStatement ps = c.prepareStatement(
                jdbc.postgres()
                        ? "select x.* from unnest(?::bigint[]) k(id) cross join lateral (select " + columns
                                + " from pars_ledger_entry e where e.id = k.id) x"
                        : "select " + columns + " from pars_ledger_entry where " + jdbc.idsMatch()
                                + " and state in (" + states
                                + ") and (claimed_until is null or claimed_until < ?) "
                                + "for update skip locked")) {
            int next = jdbc.bindIds(c, ps, 1, ids);
            if (!jdbc.postgres()) {
                ps.setObject(next, Jdbc.time(now));
            }
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
    }

    /** The most entries worked on at once for a batch size of {@code batch}: on H2 at most {@link #H2_MAX_BATCH}. */
    public int limit(int batch) {
        return jdbc.postgres() ? batch : Math.min(batch, H2_MAX_BATCH);
    }

    /** Entries locked per step on H2 at most: a step's transaction there stays bounded whatever batch size is asked. */
    static final int H2_MAX_BATCH = 1_000;

    /** States a drain takes up, each read in its own index range. */
    private static final List<EntryState> SENDABLE_ORDER =
            List.of(EntryState.PENDING, EntryState.RETRYING, EntryState.CORRECTING, EntryState.WITHDRAWING);

    /** An entry due for sending, before it is locked. */
    private record Candidate(long id, java.time.LocalDate due) {}

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

    /**
     * The IDs of entries in a state (1) whose status check is due (2), not claimed at (3), most
     * urgent first, at most (4); on PostgreSQL locked, skipping those another node holds. Its
     * condition implies the PostgreSQL index's ({@code next_status_check_at is not null}).
     */
    public static String statusCheckQuery(boolean postgres) {
        return "select id from pars_ledger_entry where state=? and next_status_check_at <= ? and (claimed_until is "
                + "null or claimed_until < ?) order by state, next_status_check_at, id limit ?"
                + (postgres ? " for update skip locked" : "");
    }

    /** Entries awaiting the board whose status check is due, claimed like sends. */
    public List<Claimed> statusChecks(int batch, Instant now, String node, Duration lease) {
        int limit = limit(batch);
        return jdbc.inTransaction(
                c -> {
                    List<Claimed> out = new ArrayList<>();
                    List<Long> ids = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement(statusCheckQuery(jdbc.postgres()))) {
                        ps.setString(1, EntryState.AWAITING_BOARD.name());
                        ps.setObject(2, Jdbc.time(now));
                        ps.setObject(3, Jdbc.time(now));
                        ps.setInt(4, limit);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                    }
                    if (ids.isEmpty()) {
                        return out;
                    }
                    String columns = "id, provider_id, completion_key, payload, status_checks, version, credit_ids";
                    try (PreparedStatement ps = c.prepareStatement(
                            jdbc.postgres()
                                    ? "select x.* from unnest(?::bigint[]) k(id) cross join lateral (select " + columns
                                            + " from pars_ledger_entry e where e.id = k.id) x"
                                    : "select " + columns + " from pars_ledger_entry where " + jdbc.idsMatch()
                                            + " and state=? and (claimed_until is null or claimed_until < ?) for update skip locked")) {
                        int next = jdbc.bindIds(c, ps, 1, ids);
                        if (!jdbc.postgres()) {
                            ps.setString(next, EntryState.AWAITING_BOARD.name());
                            ps.setObject(next + 1, Jdbc.time(now));
                        }
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

    /**
     * Marks {@code claimed} as this node's until {@code until}, setting {@code extra} too: one
     * statement for them all (the values are the same for each).
     */
    private void lease(Connection c, List<Claimed> claimed, String node, Instant until, Instant since, String extra)
            throws SQLException {
        if (claimed.isEmpty()) {
            return;
        }
        try (PreparedStatement up = c.prepareStatement(
                "update pars_ledger_entry set claimed_by=?, claimed_until=?, " + extra + " where " + jdbc.idsMatch())) {
            int i = 1;
            up.setString(i++, node);
            up.setObject(i++, Jdbc.time(until));
            if (since != null) {
                up.setObject(i++, Jdbc.time(since));
            }
            jdbc.bindIds(c, up, i, claimed.stream().map(Claimed::id).toList());
            up.executeUpdate();
        }
    }

    /**
     * Releases entries stored {@code held} but never sent (a drain that stopped before them):
     * any drain may take them at once, and none counts as begun. An entry claimed again since
     * (by another drain, once the hold ended) keeps that claim.
     */
    public void release(List<Long> ids, Lease held) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set claimed_by=null, "
                            + "claimed_until=null, sending_since=null where " + jdbc.idsMatch()
                            + " and claimed_by=? and claimed_until=?")) {
                        int next = jdbc.bindIds(c, ps, 1, ids);
                        ps.setString(next, held.node());
                        ps.setObject(next + 1, Jdbc.time(held.until()));
                        ps.executeUpdate();
                    }
                    return null;
                },
                "release entries not sent");
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
