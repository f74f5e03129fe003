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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.Deadline;
import org.parsjava.ledger.DeadlineRules;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerEntry;
import org.parsjava.ledger.LedgerException;
import org.parsjava.ledger.Recording;
import org.parsjava.ledger.Transition;

/**
 * The ledger's tables through plain JDBC. Each public method is one transaction on a connection
 * of its own, except {@link #record(Connection, Recorded)}, which joins the caller's. Claims use
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, so several nodes on one database never take the
 * same entry. Thread safe.
 */
public final class LedgerStore {

    /** States a drain takes up. */
    static final Set<EntryState> SENDABLE =
            Set.of(EntryState.PENDING, EntryState.RETRYING, EntryState.CORRECTING, EntryState.WITHDRAWING);
    /** States whose record may be in PARS: a content change after them is a correction. */
    static final Set<EntryState> MAYBE_IN_PARS = Set.of(
            EntryState.ACCEPTED,
            EntryState.AWAITING_BOARD,
            EntryState.BOARD_ACCEPTED,
            EntryState.BOARD_REJECTED,
            EntryState.CORRECTING,
            EntryState.WITHDRAWING);

    private final DataSource dataSource;
    private final PayloadCipher cipher;
    private final boolean postgres;
    /**
     * Activities' stored forms by fingerprint, and fingerprints by activity: activities are few
     * and a fingerprint names one form for good. Caches of computation only: the table is
     * written on every record, so a rolled-back transaction leaves nothing assumed.
     */
    private final Map<String, byte[]> activityBodies = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, org.parsjava.core.model.Activity> activities =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<org.parsjava.core.model.Activity, String> activityRefs =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A store on {@code dataSource} (already migrated), sealing payloads with {@code cipher}.
     *
     * @param postgres whether the database is PostgreSQL (else H2)
     */
    public LedgerStore(DataSource dataSource, PayloadCipher cipher, boolean postgres) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.postgres = postgres;
    }

    /**
     * Stores the activity (once per fingerprint of its stored form; an upsert, so it holds in the
     * caller's transaction too) and returns that fingerprint.
     */
    private String saveActivity(Connection c, org.parsjava.core.model.Activity activity) throws SQLException {
        String ref = activityRefs.get(activity);
        byte[] body = ref == null ? null : activityBodies.get(ref);
        if (body == null) {
            body = CompletionJson.activity(activity);
            ref = java.util.HexFormat.of().formatHex(sha256(body));
            if (activityBodies.size() < 10_000) {
                activityBodies.put(ref, body);
                activityRefs.put(activity, ref);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                postgres
                        ? "insert into pars_ledger_activity (fingerprint, body) values (?, ?) on conflict do nothing"
                        : "merge into pars_ledger_activity key (fingerprint) values (?, ?)")) {
            ps.setString(1, ref);
            ps.setBytes(2, body);
            ps.executeUpdate();
        }
        return ref;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** Reads payloads back: the activity from its table (cached), the rest decrypted. */
    private LearnerCompletion open(Connection c, byte[] sealed, String aad) {
        return CompletionJson.read(cipher.open(sealed, aad), (ref, status) -> {
            org.parsjava.core.model.Activity cached = activities.get(ref + "|" + status);
            if (cached != null) {
                return cached;
            }
            byte[] body = activityBodies.get(ref);
            if (body == null) {
                try (PreparedStatement ps =
                        c.prepareStatement("select body from pars_ledger_activity where " + "fingerprint=?")) {
                    ps.setString(1, ref);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new LedgerException("an entry's activity is missing from the ledger");
                        }
                        body = rs.getBytes(1);
                    }
                } catch (SQLException e) {
                    throw failure("read an activity", e);
                }
            }
            org.parsjava.core.model.Activity a = CompletionJson.activity(body, status);
            if (activities.size() < 10_000) {
                activities.put(ref + "|" + status, a);
            }
            return a;
        });
    }

    /** What the caller recorded, ready to store. */
    public record Recorded(
            LearnerCompletion completion,
            String reference,
            boolean valid,
            String code,
            String violations,
            Deadline deadline,
            Instant at) {}

    /** An entry taken up by a drain: its completion (decrypted) and what the drain needs to know. */
    public record Claimed(
            long id,
            String providerId,
            String completionKey,
            EntryState state,
            LearnerCompletion completion,
            LearnerCompletion previous,
            int attempts,
            boolean resumed,
            boolean outcomeUnknown,
            int version,
            byte[] sealedPayload) {}

    private static String associated(String providerId, String key) {
        return providerId + "\u0000" + key;
    }

    // ---- recording ------------------------------------------------------------------------------

    /** Records in a transaction of its own. */
    public Recording record(Recorded r) {
        return inTransaction(c -> record(c, r), "record a completion");
    }

    /**
     * Records on the caller's connection, leaving commit or rollback to the caller (the
     * transactional outbox).
     */
    public Recording record(Connection c, Recorded r) {
        LearnerCompletion completion = r.completion();
        String provider = completion.activity().providerId();
        String key = completion.completionKey();
        EntryState fresh = r.valid() ? EntryState.PENDING : EntryState.INVALID;
        try {
            String activityRef = saveActivity(c, completion.activity());
            byte[] plain = CompletionJson.write(completion, activityRef);
            String mac = cipher.fingerprint(plain);
            byte[] sealed = cipher.seal(plain, associated(provider, key));
            Existing e = existing(c, provider, key);
            if (e == null) {
                long id;
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into pars_ledger_entry (provider_id, "
                                + "completion_key, state, content_mac, payload, reference, activity_id, completion_date, has_moc,"
                                + " due_date, due_rule, pars_code, violations, created_at, updated_at, credit_ids, activity_ref) "
                                + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, provider);
                    ps.setString(2, key);
                    ps.setString(3, fresh.name());
                    ps.setString(4, mac);
                    ps.setBytes(5, sealed);
                    ps.setString(6, r.reference());
                    ps.setString(7, completion.activity().accmeActivityId().orElse(null));
                    ps.setObject(8, completion.completionDate());
                    ps.setBoolean(9, !completion.mocCredits().isEmpty());
                    ps.setObject(10, r.deadline().date());
                    ps.setString(11, r.deadline().rule().name());
                    ps.setString(12, r.valid() ? null : r.code());
                    ps.setString(13, r.valid() ? null : r.violations());
                    ps.setObject(14, time(r.at()));
                    ps.setObject(15, time(r.at()));
                    ps.setString(16, String.join(",", CreditIds.all(completion)));
                    ps.setString(17, activityRef);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                transition(c, id, null, fresh, r.valid() ? "recorded" : "recorded; invalid: " + r.code(), r.at());
                return new Recording(Recording.Change.NEW, fresh);
            }
            if (e.mac.equals(mac)) {
                return new Recording(Recording.Change.UNCHANGED, e.state);
            }
            boolean inPars = MAYBE_IN_PARS.contains(e.state) || e.outcomeUnknown || e.previous != null;
            // What PARS holds is deleted first; when its data was purged, the new content names the
            // same CreditIDs and serves for the delete.
            byte[] previous = e.previous != null ? e.previous : !inPars ? null : e.payload != null ? e.payload : sealed;
            EntryState next =
                    !r.valid() ? EntryState.INVALID : previous != null ? EntryState.CORRECTING : EntryState.PENDING;
            try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set state=?, content_mac=?, "
                    + "payload=?, previous_payload=?, reference=?, activity_id=?, completion_date=?, has_moc=?, "
                    + "due_date=?, due_rule=?, attempts=0, next_attempt_at=null, outcome_unknown=false, pars_code=?, "
                    + "pars_message=null, violations=?, status_checks=0, next_status_check_at=null, updated_at=?, "
                    + "purged_at=null, credit_ids=?, activity_ref=?, version=version+1 where id=?")) {
                ps.setString(1, next.name());
                ps.setString(2, mac);
                ps.setBytes(3, sealed);
                ps.setBytes(4, previous);
                ps.setString(5, r.reference());
                ps.setString(6, completion.activity().accmeActivityId().orElse(null));
                ps.setObject(7, completion.completionDate());
                ps.setBoolean(8, !completion.mocCredits().isEmpty());
                ps.setObject(9, r.deadline().date());
                ps.setString(10, r.deadline().rule().name());
                ps.setString(11, r.valid() ? null : r.code());
                ps.setString(12, r.valid() ? null : r.violations());
                ps.setObject(13, time(r.at()));
                ps.setString(14, String.join(",", CreditIds.all(completion)));
                ps.setString(15, activityRef);
                ps.setLong(16, e.id);
                ps.executeUpdate();
            }
            transition(
                    c,
                    e.id,
                    e.state,
                    next,
                    previous != null
                            ? "content changed after it may have reached PARS: " + "delete, then resubmit"
                            : "content changed before it reached PARS",
                    r.at());
            return new Recording(previous != null ? Recording.Change.CORRECTION : Recording.Change.REPLACED, next);
        } catch (SQLException ex) {
            throw failure("record a completion", ex);
        }
    }

    /**
     * An entry as recording sees it. {@code outcomeUnknown} is also true while a send is (or was,
     * for a process that died) under way: the record may be in PARS.
     */
    private record Existing(
            long id, EntryState state, String mac, byte[] payload, byte[] previous, boolean outcomeUnknown) {}

    private static Existing existing(Connection c, String provider, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, state, content_mac, payload, previous_payload, "
                + "outcome_unknown, sending_since from pars_ledger_entry where provider_id=? and completion_key=? "
                + "for update")) {
            ps.setString(1, provider);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Existing(
                        rs.getLong(1),
                        EntryState.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getBytes(4),
                        rs.getBytes(5),
                        rs.getBoolean(6) || rs.getObject(7) != null);
            }
        }
    }

    /** Marks an entry for withdrawal; returns the new state, or empty when there is no such entry. */
    public Optional<EntryState> withdraw(String provider, String key, Instant now) {
        return inTransaction(
                c -> {
                    Existing e = existing(c, provider, key);
                    if (e == null) {
                        return Optional.empty();
                    }
                    if (e.state == EntryState.WITHDRAWN || e.state == EntryState.WITHDRAWING) {
                        return Optional.of(e.state);
                    }
                    boolean inPars = MAYBE_IN_PARS.contains(e.state) || e.previous != null || e.outcomeUnknown;
                    if (inPars && e.payload == null && e.previous == null) {
                        throw new IllegalStateException(
                                "the entry's learner data was purged after the retention, so no delete "
                                        + "can be sent for it; record the completion again, then withdraw it");
                    }
                    EntryState next = inPars ? EntryState.WITHDRAWING : EntryState.WITHDRAWN;
                    update(
                            c,
                            e.id,
                            e.state,
                            next,
                            now,
                            next == EntryState.WITHDRAWN
                                    ? "withdrawn by the learner before it reached PARS"
                                    : "withdrawn by the learner: delete from PARS",
                            "next_attempt_at=null, attempts=0, version=version+1");
                    return Optional.of(next);
                },
                "withdraw a completion");
    }

    // ---- draining -------------------------------------------------------------------------------

    /**
     * Takes up to {@code limit} due entries, most urgent first, for {@code lease}: other nodes
     * skip them meanwhile. An entry whose earlier claim ended without a recorded outcome (its
     * node died) comes back marked {@code resumed}.
     */
    public List<Claimed> claim(int limit, Instant now, String node, Duration lease) {
        return inTransaction(
                c -> {
                    List<Claimed> out = new ArrayList<>();
                    List<Long> unreadableIds = new ArrayList<>();
                    String states =
                            SENDABLE.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
                    try (PreparedStatement ps =
                            c.prepareStatement("select id, sending_since, provider_id, completion_key, "
                                    + "state, payload, previous_payload, attempts, outcome_unknown, version from pars_ledger_entry where "
                                    + "state in ("
                                    + states
                                    + ") and (next_attempt_at is null or next_attempt_at <= ?) and (claimed_until is null or "
                                    + "claimed_until < ?) order by due_date, id limit ? for update skip locked")) {
                        ps.setObject(1, time(now));
                        ps.setObject(2, time(now));
                        ps.setInt(3, limit);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String provider = rs.getString(3);
                                String key = rs.getString(4);
                                byte[] payload = rs.getBytes(6);
                                byte[] previous = rs.getBytes(7);
                                String aad = associated(provider, key);
                                try {
                                    out.add(new Claimed(
                                            rs.getLong(1),
                                            provider,
                                            key,
                                            EntryState.valueOf(rs.getString(5)),
                                            payload == null ? null : open(c, payload, aad),
                                            previous == null ? null : open(c, previous, aad),
                                            rs.getInt(8),
                                            rs.getObject(2) != null,
                                            rs.getBoolean(9),
                                            rs.getInt(10),
                                            payload));
                                } catch (LedgerException unreadable) {
                                    unreadableIds.add(rs.getLong(1)); // one bad entry must not stop every drain
                                }
                            }
                        }
                    }
                    for (long id : unreadableIds) {
                        update(
                                c,
                                id,
                                null,
                                EntryState.INVALID,
                                now,
                                "its stored data does not open with this ledger's key",
                                "pars_code='PAYLOAD_UNREADABLE', violations='the stored learner data does not open with this "
                                        + "key; record the completion again'");
                    }
                    try (PreparedStatement up =
                            c.prepareStatement("update pars_ledger_entry set claimed_by=?, claimed_until=?, "
                                    + "sending_since=? where id=?")) {
                        for (Claimed claimed : out) {
                            up.setString(1, node);
                            up.setObject(2, time(now.plus(lease)));
                            up.setObject(3, time(now));
                            up.setLong(4, claimed.id());
                            up.addBatch();
                        }
                        up.executeBatch();
                    }
                    return out;
                },
                "claim due entries");
    }

    /** Releases every claim: for a single-node store (an embedded H2 file) after a crash. */
    public int releaseClaims() {
        return inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set claimed_by=null, "
                            + "claimed_until=null where claimed_until is not null")) {
                        return ps.executeUpdate();
                    }
                },
                "release claims");
    }

    /** The outcome of one entry's send. */
    public record Outcome(
            long id,
            EntryState from,
            EntryState to,
            String note,
            String code,
            String message,
            boolean countAttempt,
            Instant nextAttemptAt,
            boolean outcomeUnknown,
            Instant nextStatusCheckAt,
            boolean clearPrevious) {}

    /**
     * Records the outcomes of a drain step in one transaction; every claim among them is
     * released. An entry recorded again or withdrawn while it was being sent (its version
     * moved) keeps its new state; if what was sent may now be in PARS, that content becomes the
     * record to delete first, so the change is not lost.
     */
    public void settle(List<Outcome> outcomes, Map<Long, Claimed> claims, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        inTransaction(
                c -> {
                    int[] counts;
                    try (PreparedStatement ps = c.prepareStatement(
                            "update pars_ledger_entry set state=?, pars_code=?, "
                                    + "pars_message=?, attempts=attempts+?, next_attempt_at=?, outcome_unknown=?, "
                                    + "next_status_check_at=?, previous_payload=case when ? then null else previous_payload end, "
                                    + "claimed_by=null, claimed_until=null, sending_since=null, updated_at=? where id=? and version=?")) {
                        for (Outcome o : outcomes) {
                            ps.setString(1, o.to().name());
                            ps.setString(2, o.code());
                            ps.setString(3, o.message());
                            ps.setInt(4, o.countAttempt() ? 1 : 0);
                            ps.setObject(5, o.nextAttemptAt() == null ? null : time(o.nextAttemptAt()));
                            ps.setBoolean(6, o.outcomeUnknown());
                            ps.setObject(7, o.nextStatusCheckAt() == null ? null : time(o.nextStatusCheckAt()));
                            ps.setBoolean(8, o.clearPrevious());
                            ps.setObject(9, time(now));
                            ps.setLong(10, o.id());
                            ps.setInt(11, claims.get(o.id()).version());
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
                            ps.setObject(2, time(now));
                            ps.setString(3, o.from().name());
                            ps.setString(4, o.to().name());
                            ps.setString(5, note(o.note()));
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
            ps.setObject(i++, time(now));
            ps.setLong(i, o.id());
            ps.executeUpdate();
        }
        transition(
                c,
                o.id(),
                state,
                next,
                mayBeInPars
                        ? "changed while it was being sent, and PARS " + (o.outcomeUnknown() ? "may hold" : "holds")
                                + " what was sent: that record is deleted first"
                        : "changed while it was being sent; the new content " + "is sent next",
                now);
    }

    /** Entries awaiting the board whose status check is due, claimed like sends. */
    public List<Claimed> claimStatusChecks(int limit, Instant now, String node, Duration lease) {
        return inTransaction(
                c -> {
                    List<Long> ids = new ArrayList<>();
                    List<Claimed> out = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("select id, provider_id, completion_key, payload, "
                            + "status_checks, version from pars_ledger_entry where state=? and next_status_check_at <= ? and "
                            + "(claimed_until is null or claimed_until < ?) order by next_status_check_at, id limit ? for "
                            + "update skip locked")) {
                        ps.setString(1, EntryState.AWAITING_BOARD.name());
                        ps.setObject(2, time(now));
                        ps.setObject(3, time(now));
                        ps.setInt(4, limit);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                long id = rs.getLong(1);
                                ids.add(id);
                                byte[] payload = rs.getBytes(4);
                                if (payload == null) {
                                    continue; // purged: nothing left to ask about
                                }
                                out.add(new Claimed(
                                        id,
                                        rs.getString(2),
                                        rs.getString(3),
                                        EntryState.AWAITING_BOARD,
                                        open(c, payload, associated(rs.getString(2), rs.getString(3))),
                                        null,
                                        rs.getInt(5),
                                        false,
                                        false,
                                        rs.getInt(6),
                                        payload));
                            }
                        }
                    }
                    try (PreparedStatement up =
                            c.prepareStatement("update pars_ledger_entry set claimed_by=?, claimed_until=?, "
                                    + "status_checks=status_checks+1 where id=?")) {
                        for (long id : ids) {
                            up.setString(1, node);
                            up.setObject(2, time(now.plus(lease)));
                            up.setLong(3, id);
                            up.addBatch();
                        }
                        up.executeBatch();
                    }
                    return out;
                },
                "claim status checks");
    }

    /** Removes the personal data of settled, accepted or withdrawn entries last changed before {@code before}. */
    public int purge(Instant before, Instant now) {
        return inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set payload=null, "
                            + "previous_payload=null, purged_at=? where state in (?,?,?) and updated_at < ? and payload is not "
                            + "null")) {
                        ps.setObject(1, time(now));
                        ps.setString(2, EntryState.ACCEPTED.name());
                        ps.setString(3, EntryState.BOARD_ACCEPTED.name());
                        ps.setString(4, EntryState.WITHDRAWN.name());
                        ps.setObject(5, time(before));
                        return ps.executeUpdate();
                    }
                },
                "purge personal data");
    }

    /**
     * Opens one stored payload, if any.
     *
     * @throws LedgerException when the key does not open it
     */
    public void verifyKey() {
        inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("select provider_id, completion_key, payload from "
                                    + "pars_ledger_entry where payload is not null limit 1");
                            ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            cipher.open(rs.getBytes(3), associated(rs.getString(1), rs.getString(2)));
                        }
                    }
                    return null;
                },
                "read a stored entry");
    }

    // ---- queries --------------------------------------------------------------------------------

    private static final String COLUMNS = "provider_id, completion_key, state, reference, activity_id, "
            + "completion_date, due_date, due_rule, attempts, next_attempt_at, outcome_unknown, pars_code, "
            + "coalesce(pars_message, violations), updated_at, credit_ids";

    /** Entries matching {@code where} (with its parameters), in due-date order, at most {@code limit}. */
    public List<LedgerEntry> entries(String where, List<Object> params, int limit) {
        return inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                            + " from pars_ledger_entry where " + where + " order by due_date, id limit ?")) {
                        int i = 1;
                        for (Object p : params) {
                            ps.setObject(i++, p instanceof Instant t ? time(t) : p);
                        }
                        ps.setInt(i, limit);
                        List<LedgerEntry> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(entry(rs));
                            }
                        }
                        return out;
                    }
                },
                "read entries");
    }

    /** How many entries match {@code where}. */
    public long count(String where, List<Object> params) {
        return inTransaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("select count(*) from pars_ledger_entry where " + where)) {
                        int i = 1;
                        for (Object p : params) {
                            ps.setObject(i++, p instanceof Instant t ? time(t) : p);
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                },
                "count entries");
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        String provider = rs.getString(1);
        String key = rs.getString(2);
        EntryState state = EntryState.valueOf(rs.getString(3));
        OffsetDateTime next = rs.getObject(10, OffsetDateTime.class);
        return new LedgerEntry(
                provider,
                key,
                state,
                Optional.ofNullable(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)),
                rs.getObject(6, LocalDate.class),
                new Deadline(rs.getObject(7, LocalDate.class), DeadlineRules.Rule.valueOf(rs.getString(8))),
                rs.getInt(9),
                Optional.ofNullable(next).map(OffsetDateTime::toInstant),
                rs.getBoolean(11),
                Optional.ofNullable(rs.getString(12)),
                Optional.ofNullable(rs.getString(13)),
                List.of(rs.getString(15).split(",")),
                rs.getObject(14, OffsetDateTime.class).toInstant());
    }

    /** The entries with these ids (in due-date order). */
    public List<LedgerEntry> entriesById(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        return entries("id in (" + marks + ")", new ArrayList<>(ids), ids.size());
    }

    /** Entries by state. */
    public Map<EntryState, Long> counts() {
        return inTransaction(
                c -> {
                    Map<EntryState, Long> out = new EnumMap<>(EntryState.class);
                    try (Statement st = c.createStatement();
                            ResultSet rs =
                                    st.executeQuery("select state, count(*) from pars_ledger_entry group by state")) {
                        while (rs.next()) {
                            out.put(EntryState.valueOf(rs.getString(1)), rs.getLong(2));
                        }
                    }
                    return out;
                },
                "count entries");
    }

    /** An entry's transitions, oldest first. */
    public List<Transition> history(String provider, String key) {
        return inTransaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement("select t.at, t.from_state, t.to_state, t.note from "
                            + "pars_ledger_transition t join pars_ledger_entry e on e.id = t.entry_id where e.provider_id=? and "
                            + "e.completion_key=? order by t.id")) {
                        ps.setString(1, provider);
                        ps.setString(2, key);
                        List<Transition> out = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String from = rs.getString(2);
                                out.add(new Transition(
                                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                                        Optional.ofNullable(from).map(EntryState::valueOf),
                                        EntryState.valueOf(rs.getString(3)),
                                        rs.getString(4) == null ? "" : rs.getString(4)));
                            }
                        }
                        return out;
                    }
                },
                "read history");
    }

    // ---- plumbing -------------------------------------------------------------------------------

    private static void update(
            Connection c, long id, EntryState from, EntryState to, Instant now, String note, String extraSet)
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

    private static void transition(Connection c, long id, EntryState from, EntryState to, String note, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into pars_ledger_transition (entry_id, at, from_state, "
                + "to_state, note) values (?,?,?,?,?)")) {
            ps.setLong(1, id);
            ps.setObject(2, time(at));
            ps.setString(3, from == null ? null : from.name());
            ps.setString(4, to.name());
            ps.setString(5, note(note));
            ps.executeUpdate();
        }
    }

    private static String note(String note) {
        return note == null ? null : note.length() <= 500 ? note : note.substring(0, 497) + "...";
    }

    static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in a transaction of its own. */
    public <T> T inTransaction(Work<T> work, String what) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static LedgerException failure(String what, SQLException e) {
        return new LedgerException("the ledger could not " + what + " (SQL state " + e.getSQLState() + ")", e);
    }
}
