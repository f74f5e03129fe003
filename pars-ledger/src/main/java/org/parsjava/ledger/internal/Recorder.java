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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.ViolationCode;
import org.parsjava.ledger.Deadline;
import org.parsjava.ledger.EntryProblem;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.Recording;

/**
 * Recording and withdrawal: what the caller's side of the ledger writes. A completion recorded
 * again with the same content changes nothing; with new content before PARS may hold it, it
 * replaces the entry; after, it becomes a correction (the old record deleted first). Thread safe.
 */
public final class Recorder {

    /** States whose record may be in PARS: a content change after them is a correction. */
    static final Set<EntryState> MAYBE_IN_PARS = Set.of(
            EntryState.ACCEPTED,
            EntryState.AWAITING_BOARD,
            EntryState.BOARD_ACCEPTED,
            EntryState.BOARD_REJECTED,
            EntryState.CORRECTING,
            EntryState.WITHDRAWING);

    private final Jdbc jdbc;
    private final Payloads payloads;
    private final MocLineRules mocLines;
    private final EntryInserts inserts = new EntryInserts();

    /** A recorder on {@code jdbc}, sealing with {@code payloads}, keeping the board rules that span runs. */
    Recorder(Jdbc jdbc, Payloads payloads, MocLineRules mocLines) {
        this.jdbc = jdbc;
        this.payloads = payloads;
        this.mocLines = mocLines;
    }

    /**
     * What the caller recorded, ready to store.
     *
     * @param problems the violations that make it invalid (empty when valid)
     * @param run the run recording it ({@code recordAndDrain}'s, as {@link #runId}), or null
     *     outside a run
     */
    public record Recorded(
            LearnerCompletion completion,
            String reference,
            List<EntryProblem> problems,
            Deadline deadline,
            Instant at,
            Long run) {
        /** Copies the list. */
        public Recorded {
            problems = List.copyOf(problems);
        }

        boolean valid() {
            return problems.isEmpty();
        }

        /** The state a new entry of it starts in: pending, or invalid when it has problems. */
        EntryState newState() {
            return valid() ? EntryState.PENDING : EntryState.INVALID;
        }

        String code() {
            return problems.isEmpty() ? null : problems.get(0).code();
        }

        Recorded withProblems(List<EntryProblem> more) {
            List<EntryProblem> all = new ArrayList<>(problems);
            all.addAll(more);
            return new Recorded(completion, reference, all, deadline, at, run);
        }
    }

    /** Records in a transaction of its own. */
    public Recording record(Recorded r) {
        Payloads.Sealed sealed = payloads.sealOnly(r.completion());
        Recording out = jdbc.inTransaction(
                c -> {
                    payloads.storeActivities(c, sealed.activity());
                    return record(c, r, sealed);
                },
                "record a completion");
        payloads.committed(Set.of(sealed.activityRef()));
        return out;
    }

    /**
     * Records many in one transaction, each as {@link #record(Connection, Recorded)} would, in
     * statements per chunk rather than per entry: the chunk's activities stored once each, its
     * entries looked up together, new entries inserted in one batch and their transitions in one
     * statement. Unchanged entries cost no write outside a run (in one, a statement per chunk marks
     * them with the run). New completions a board rule across runs concerns are checked together
     * ({@link MocLineChunk}). An entry that changed, or a key repeated in the chunk, takes the
     * per-entry path, in order; after one, the chunk's later new completions a board rule concerns
     * do too (what the ledger holds for the rules may have changed).
     */
    public List<Recording> recordAll(List<Recorded> recorded) {
        return recordAll(recorded, null, null);
    }

    /**
     * {@link #recordAll(List)}, storing the new valid entries held by {@code lease} (those whose
     * key appears once in {@code recorded}) and adding them to {@code leased}, most urgent first,
     * as a claim would have taken them: ready to send without another write.
     *
     * @param lease the hold, or null for none ({@code leased} is then not used)
     */
    public List<Recording> recordAll(List<Recorded> recorded, Lease lease, List<Claimed> leased) {
        Set<String> repeated = lease == null ? Set.of() : repeatedKeys(recorded);
        // Each attempt starts over with state of its own (one PostgreSQL stopped was rolled back).
        Attempt done = jdbc.inTransaction(
                c -> attempt(c, recorded, lease == null ? null : new Leasing(lease, repeated, new ArrayList<>())),
                "record completions");
        payloads.committed(done.activities());
        if (done.leasing() != null) {
            List<Held> held = done.leasing().held();
            held.sort(Comparator.comparing(Held::due).thenComparingLong(h -> h.claimed.id()));
            held.forEach(h -> leased.add(h.claimed));
        }
        return done.recordings();
    }

    /**
     * What one attempt at {@link #recordAll} stored: its recordings, the activities it wrote, and
     * what it holds (null without a lease).
     */
    private record Attempt(List<Recording> recordings, Set<String> activities, Leasing leasing) {}

    /** Records {@code recorded} in {@code c}'s transaction, chunk by chunk. */
    private Attempt attempt(Connection c, List<Recorded> recorded, Leasing leasing) throws SQLException {
        List<Recording> all = new ArrayList<>(recorded.size());
        Set<String> activities = new HashSet<>();
        // Each chunk is sealed (serialised, encrypted, fingerprinted) on another thread while the
        // one before it is written: the CPU work and the database's overlap.
        CompletableFuture<Payloads.Sealed[]> next = seal(recorded, 0);
        try {
            for (int from = 0; from < recorded.size(); from += CHUNK) {
                Payloads.Sealed[] sealed = join(next);
                next = seal(recorded, from + CHUNK);
                for (Payloads.Sealed one : sealed) {
                    activities.add(one.activityRef());
                }
                all.addAll(chunk(c, recorded.subList(from, Math.min(recorded.size(), from + CHUNK)), sealed, leasing));
            }
        } finally {
            next.cancel(false); // a stopped attempt seals no chunk it had not started (done: no effect)
        }
        return new Attempt(all, activities, leasing);
    }

    /** What a leasing recording holds, and which keys it may not hold (repeated: the later one changes the entry). */
    private record Leasing(Lease lease, Set<String> repeated, List<Held> held) {}

    /** A new entry stored held, with the due date a claim orders by. */
    private record Held(LocalDate due, Claimed claimed) {}

    private static String key(LearnerCompletion completion) {
        return completion.activity().providerId() + "\u0000" + completion.completionKey();
    }

    private static Set<String> repeatedKeys(List<Recorded> recorded) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (Recorded r : recorded) {
            String k = key(r.completion());
            if (!seen.add(k)) {
                repeated.add(k);
            }
        }
        return repeated;
    }

    /** Entries looked up, inserted and given their transitions per statement. */
    static final int CHUNK = 500;

    /** Seals the chunk starting at {@code from} in the background; an empty result past the end. */
    private CompletableFuture<Payloads.Sealed[]> seal(List<Recorded> recorded, int from) {
        if (from >= recorded.size()) {
            return CompletableFuture.completedFuture(new Payloads.Sealed[0]);
        }
        List<Recorded> chunk = recorded.subList(from, Math.min(recorded.size(), from + CHUNK));
        return CompletableFuture.supplyAsync(() -> {
            Payloads.Sealed[] sealed = new Payloads.Sealed[chunk.size()];
            for (int i = 0; i < sealed.length; i++) {
                sealed[i] = payloads.sealOnly(chunk.get(i).completion());
            }
            return sealed;
        });
    }

    private static Payloads.Sealed[] join(CompletableFuture<Payloads.Sealed[]> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private List<Recording> chunk(Connection c, List<Recorded> given, Payloads.Sealed[] sealed, Leasing leasing)
            throws SQLException {
        int n = given.size();
        List<Recorded> chunk = new ArrayList<>(given); // new entries may gain board-rule problems
        Map<String, byte[]> activities = new HashMap<>();
        for (int i = 0; i < n; i++) {
            sealed[i].addActivityTo(activities);
        }
        payloads.storeActivities(c, activities);
        Map<String, Known> known = known(c, chunk, jdbc.postgres());
        // New entries a board rule across runs concerns are checked together: one read of what the
        // ledger holds for them, then each in order against it and the chunk's earlier ones.
        Known[] existing = new Known[n]; // null for a new key and for a key repeated in the chunk
        boolean[] fresh = new boolean[n]; // a new key, first in the chunk
        boolean[] concerned = new boolean[n]; // a board rule across runs concerns it
        Set<String> seen = new HashSet<>();
        List<LearnerCompletion> boardChecked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LearnerCompletion completion = chunk.get(i).completion();
            String k = key(completion);
            boolean first = seen.add(k);
            existing[i] = first ? known.get(k) : null;
            fresh[i] = first && existing[i] == null;
            concerned[i] = mocLines.concerns(completion);
            if (fresh[i] && chunk.get(i).valid() && concerned[i]) {
                boardChecked.add(completion);
            }
        }
        MocLineChunk boards =
                boardChecked.isEmpty() ? null : MocLineChunk.read(c, mocLines, boardChecked, jdbc.postgres());
        Recording[] out = new Recording[n];
        List<Integer> inserts = new ArrayList<>(n);
        List<Long> unchangedInRun = new ArrayList<>(); // entries found unchanged, to mark with the run
        for (int i = 0; i < n; i++) {
            Recorded r = chunk.get(i);
            LearnerCompletion completion = r.completion();
            Known e = existing[i];
            if (e != null && repeatedIn(r.run(), e.run, e.marked)) {
                out[i] = repeated(e.state);
            } else if (e != null && e.mac.equals(sealed[i].mac()) && !(e.state == EntryState.INVALID && r.valid())) {
                if (e.purged) {
                    restore(c, completion, sealed[i], r.at());
                }
                if (r.run() != null) {
                    unchangedInRun.add(e.id);
                }
                out[i] = new Recording(Recording.Change.UNCHANGED, e.state, e.problems);
            } else if (fresh[i] && (!concerned[i] || boards != null || !r.valid())) {
                if (concerned[i] && r.valid()) {
                    List<EntryProblem> across = boards.check(completion);
                    if (!across.isEmpty()) {
                        chunk.set(i, r.withProblems(across));
                    }
                }
                inserts.add(i);
            } else {
                insertAll(c, chunk, sealed, concerned, inserts, out, leasing);
                markRun(c, r.run(), unchangedInRun);
                out[i] = record(c, r, sealed[i]);
                // This one may have changed what the ledger holds for the board rules: the chunk's
                // later entries they concern are checked one by one, against the database.
                boards = null;
            }
        }
        insertAll(c, chunk, sealed, concerned, inserts, out, leasing);
        markRun(c, n == 0 ? null : chunk.get(0).run(), unchangedInRun);
        return Arrays.asList(out);
    }

    /**
     * Whether a recording in {@code run} meets an entry that run recorded already ({@code
     * recordedBy}) or found unchanged ({@code markedBy}).
     */
    private static boolean repeatedIn(Long run, Long recordedBy, Long markedBy) {
        return run != null && (run.equals(recordedBy) || run.equals(markedBy));
    }

    /** A run's name as the entries store it: the first 64 bits of its UTF-8 bytes' SHA-256. */
    public static long runId(String run) {
        return java.nio.ByteBuffer.wrap(Payloads.sha256(run.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getLong();
    }

    /** A recording refused because its run recorded the key already: the entry stays as it is. */
    private static Recording repeated(EntryState state) {
        return new Recording(
                Recording.Change.REPEATED,
                state,
                List.of(new EntryProblem(
                        "completionKey",
                        ViolationCode.COMPLETION_KEY_DUPLICATE.name(),
                        "completion key is used by an earlier record of this run")));
    }

    /**
     * Marks {@code ids} (entries found unchanged) as seen by {@code run}, in one statement, and
     * empties the list, so the run meeting their keys again refuses them. The mark is a row of its
     * own beside the entry, replaced by the next run's: rewriting the entry would rewrite each of
     * its index entries too (on H2, a rerun of the main job's 100,000 rows took 22.1 s so, 16.2 s
     * with the marks, against 14.7 s writing nothing; one run each).
     */
    private void markRun(Connection c, Long run, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        if (jdbc.postgres()) {
            try (PreparedStatement ps = c.prepareStatement("insert into pars_ledger_run_mark (entry_id, run) "
                    + "select i, ? from unnest(?::int8[]) i on conflict (entry_id) do update set run = excluded.run")) {
                ps.setLong(1, run);
                ps.setArray(2, c.createArrayOf("int8", ids.toArray()));
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(
                    "merge into pars_ledger_run_mark (entry_id, run) key (entry_id) values (?, ?)")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    ps.setLong(2, run);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        ids.clear();
    }

    /**
     * An entry's stored problems as a recording reports them: its violations, or for an entry
     * refused without any, PARS's code and message.
     */
    private static List<EntryProblem> stored(EntryState state, String violations, String code, String message) {
        boolean toFix =
                state == EntryState.INVALID || state == EntryState.REJECTED || state == EntryState.BOARD_REJECTED;
        if (!toFix) {
            return List.of();
        }
        List<EntryProblem> problems = ProblemsJson.read(violations);
        if (problems.isEmpty()) {
            return List.of(new EntryProblem("", code != null ? code : state.name(), message != null ? message : ""));
        }
        return problems;
    }

    /**
     * An existing entry as the chunk path needs it: enough to tell an unchanged record, and
     * {@code purged} when its learner data was removed.
     */
    private record Known(
            long id,
            EntryState state,
            String mac,
            List<EntryProblem> problems,
            boolean purged,
            Long run,
            Long marked) {}

    /**
     * The last run that found an entry {@code e} unchanged, as a column of a select of it (null:
     * none did).
     */
    private static final String MARKED_RUN = "(select m.run from pars_ledger_run_mark m where m.entry_id = e.id)";

    /** The chunk's existing entries, locked, by provider and key: one select per provider. */
    private static Map<String, Known> known(Connection c, List<Recorded> chunk, boolean postgres) throws SQLException {
        Map<String, List<String>> byProvider = new LinkedHashMap<>();
        for (Recorded r : chunk) {
            byProvider
                    .computeIfAbsent(r.completion().activity().providerId(), p -> new ArrayList<>())
                    .add(r.completion().completionKey());
        }
        Map<String, Known> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : byProvider.entrySet()) {
            // Locked in key order: two recordings of the same entries lock them in one order.
            List<String> keys = e.getValue().stream().sorted().toList();
            String columns = "completion_key, state, content_mac, violations, pars_code, pars_message, purged_at, "
                    + "id, recording_run, " + MARKED_RUN;
            try (PreparedStatement ps = c.prepareStatement(
                    postgres
                            ? "select x.* from unnest(?::varchar[]) k(key) cross join lateral (select " + columns
                                    + " from pars_ledger_entry e where e.provider_id = ? and e.completion_key = k.key "
                                    + "for update) x"
                            : "select " + columns + " from pars_ledger_entry e where " + keysMatch(keys.size())
                                    + " for update")) {
                bindKeys(c, ps, 1, postgres, e.getKey(), keys);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(
                                e.getKey() + "\u0000" + rs.getString(1),
                                new Known(
                                        rs.getLong(8),
                                        EntryState.valueOf(rs.getString(2)),
                                        rs.getString(3),
                                        stored(
                                                EntryState.valueOf(rs.getString(2)),
                                                rs.getString(4),
                                                rs.getString(5),
                                                rs.getString(6)),
                                        rs.getObject(7) != null,
                                        rs.getObject(9, Long.class),
                                        rs.getObject(10, Long.class)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Inserts the pending new entries ({@link EntryInserts}) with their first transitions and the
     * board rules' rows of the valid ones a rule concerns ({@code concerned}, by position in the
     * chunk), and empties the list. With {@code leasing}, the valid ones whose key is not repeated
     * are stored held and kept as claimed.
     */
    private void insertAll(
            Connection c,
            List<Recorded> chunk,
            Payloads.Sealed[] sealed,
            boolean[] concerned,
            List<Integer> pending,
            Recording[] out,
            Leasing leasing)
            throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        for (int i : pending) {
            Recorded r = chunk.get(i);
            out[i] = new Recording(Recording.Change.NEW, r.newState(), r.problems());
        }
        if (!jdbc.postgres()) {
            // On H2 in due-date order (ties as given): a drain takes entries by due date, so a
            // batch lies together in few pages, which H2 rewrites whole at each checkpoint (the main
            // job's 100,000 rows wrote 38% fewer bytes). Not on PostgreSQL: a batch packed into few
            // pages uses up the room its heap-only updates need there (the same job's tables grew
            // from 1,384 to 1,976 bytes per entry).
            pending.sort(Comparator.comparing(i -> chunk.get(i).deadline().date()));
        }
        boolean[] leased = new boolean[chunk.size()];
        if (leasing != null) {
            for (int i : pending) {
                leased[i] = chunk.get(i).valid()
                        && !leasing.repeated.contains(key(chunk.get(i).completion()));
            }
        }
        long[] ids = inserts.insert(
                c, chunk, sealed, pending, jdbc.postgres(), leasing == null ? null : leasing.lease, leased);
        for (int k = 0; k < ids.length; k++) {
            int i = pending.get(k);
            if (leased[i]) {
                LearnerCompletion completion = chunk.get(i).completion();
                leasing.held.add(new Held(
                        chunk.get(i).deadline().date(),
                        new Claimed(
                                ids[k],
                                completion.activity().providerId(),
                                completion.completionKey(),
                                EntryState.PENDING,
                                completion,
                                null,
                                CreditIds.all(completion),
                                0,
                                false,
                                false,
                                false,
                                0,
                                sealed[i].bytes())));
            }
        }
        List<LearnerCompletion> ruled = new ArrayList<>(ids.length);
        boolean any = false;
        for (int i : pending) {
            Recorded r = chunk.get(i);
            boolean stored = r.valid() && concerned[i];
            ruled.add(stored ? r.completion() : null);
            any |= stored;
        }
        if (any) {
            mocLines.storeNew(c, ids, ruled);
        }
        pending.clear();
    }

    /**
     * On H2, a condition matching one provider's entries with any of {@code n} keys as row values,
     * which H2 answers from the (provider, key) index (an IN list on the key alone it reads by
     * scanning the provider's entries). PostgreSQL, whose planner may scan a fresh table that has
     * no statistics yet, is given the keys as an array joined laterally: one index lookup each.
     */
    private static String keysMatch(int n) {
        return "(provider_id, completion_key) in (" + String.join(",", java.util.Collections.nCopies(n, "(?,?)")) + ")";
    }

    /** Binds {@link #keysMatch}'s parameters from position {@code at}. */
    private static void bindKeys(
            Connection c, PreparedStatement ps, int at, boolean postgres, String provider, List<String> keys)
            throws SQLException {
        if (postgres) {
            ps.setArray(at, c.createArrayOf("varchar", keys.toArray()));
            ps.setString(at + 1, provider);
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            ps.setString(at + 2 * i, provider);
            ps.setString(at + 2 * i + 1, keys.get(i));
        }
    }

    /** Records on the caller's connection, leaving commit or rollback to the caller. */
    public Recording record(Connection c, Recorded recorded) {
        try {
            if (c.getAutoCommit()) {
                throw new IllegalArgumentException("the connection is in auto-commit mode: record(connection, ...) "
                        + "joins the caller's transaction, so start one first (setAutoCommit(false))");
            }
            return record(c, recorded, payloads.seal(c, recorded.completion()));
        } catch (SQLException ex) {
            throw Jdbc.failure("record a completion", ex);
        }
    }

    /** {@link #record(Connection, Recorded)} with the completion sealed (and its activity stored) already. */
    private Recording record(Connection c, Recorded recorded, Payloads.Sealed sealed) {
        LearnerCompletion completion = recorded.completion();
        String provider = completion.activity().providerId();
        String key = completion.completionKey();
        try {
            Existing e = existing(c, provider, key);
            if (e != null && repeatedIn(recorded.run(), e.run, e.marked)) {
                return repeated(e.state);
            }
            // Unchanged content stays as it is, except an invalid entry the rules now accept: a board
            // rule across runs that no longer applies, or a rules catalogue that changed.
            boolean recheck =
                    e != null && e.mac.equals(sealed.mac()) && e.state == EntryState.INVALID && recorded.valid();
            if (e != null && e.mac.equals(sealed.mac()) && !recheck) {
                if (e.payload == null) {
                    restore(c, completion, sealed, recorded.at());
                }
                if (recorded.run() != null) {
                    markRun(c, recorded.run(), new ArrayList<>(List.of(e.id)));
                }
                return new Recording(Recording.Change.UNCHANGED, e.state, e.problems);
            }
            Recorded r = recorded;
            if (r.valid()) {
                List<EntryProblem> across = mocLines.check(c, completion, e == null ? -1 : e.id);
                if (!across.isEmpty()) {
                    r = r.withProblems(across);
                }
            }
            if (recheck && !r.valid()) {
                return new Recording(Recording.Change.UNCHANGED, e.state, e.problems);
            }
            EntryState fresh = r.newState();
            if (e == null) {
                long id = EntryInserts.insertOne(c, r, fresh, sealed);
                mocLines.store(c, id, completion, r.valid());
                Jdbc.transition(c, id, null, fresh, r.valid() ? "recorded" : "recorded; invalid: " + r.code(), r.at());
                return new Recording(Recording.Change.NEW, fresh, r.problems());
            }
            boolean inPars =
                    MAYBE_IN_PARS.contains(e.state) || e.outcomeUnknown || e.previous != null || e.confirmFirst;
            // What PARS holds is deleted first; when its data was purged, the new content names the
            // same CreditIDs and serves for the delete.
            byte[] previous =
                    e.previous != null ? e.previous : !inPars ? null : e.payload != null ? e.payload : sealed.bytes();
            EntryState next =
                    !r.valid() ? EntryState.INVALID : previous != null ? EntryState.CORRECTING : EntryState.PENDING;
            replace(c, e.id, r, next, sealed, previous);
            mocLines.store(c, e.id, completion, r.valid());
            Jdbc.transition(
                    c,
                    e.id,
                    e.state,
                    next,
                    previous != null
                            ? "content changed after it may have reached PARS: delete, then resubmit"
                            : "content changed before it reached PARS",
                    r.at());
            return new Recording(
                    previous != null ? Recording.Change.CORRECTION : Recording.Change.REPLACED, next, r.problems());
        } catch (SQLException ex) {
            throw Jdbc.failure("record a completion", ex);
        }
    }

    private static void replace(
            Connection c, long id, Recorded r, EntryState next, Payloads.Sealed sealed, byte[] previous)
            throws SQLException {
        // The content columns as an insert writes them, then what a new content resets.
        try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set state=?, "
                + EntryInserts.CONTENT_ASSIGNMENTS
                + ", previous_payload=?, attempts=0, next_attempt_at=null, outcome_unknown=false, "
                + "pars_message=null, status_checks=0, next_status_check_at=null, updated_at=?, "
                + "purged_at=null, confirm_first=false, version=version+1 where id=?")) {
            ps.setString(1, next.name());
            int i = EntryInserts.bindContent(ps, 2, r, sealed);
            ps.setBytes(i++, previous);
            ps.setObject(i++, Jdbc.time(r.at()));
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    /**
     * Puts back the learner data the retention removed from an entry whose completion is recorded
     * again unchanged: a withdrawal needs it to send the delete. The retention counts from now.
     */
    private static void restore(Connection c, LearnerCompletion completion, Payloads.Sealed sealed, Instant at)
            throws SQLException {
        // A new version: a drain that had claimed the entry without its data does not settle it.
        try (PreparedStatement ps = c.prepareStatement("update pars_ledger_entry set payload=?, purged_at=null, "
                + "updated_at=?, version=version+1 where provider_id=? and completion_key=?")) {
            ps.setBytes(1, sealed.bytes());
            ps.setObject(2, Jdbc.time(at));
            ps.setString(3, completion.activity().providerId());
            ps.setString(4, completion.completionKey());
            ps.executeUpdate();
        }
    }

    /**
     * An entry as recording sees it. {@code outcomeUnknown} is also true while a send is (or was,
     * for a process that died) under way: the record may be in PARS.
     */
    private record Existing(
            long id,
            EntryState state,
            String mac,
            byte[] payload,
            byte[] previous,
            boolean outcomeUnknown,
            boolean confirmFirst,
            List<EntryProblem> problems,
            Long run,
            Long marked) {}

    private static Existing existing(Connection c, String provider, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, state, content_mac, payload, previous_payload, "
                + "outcome_unknown, sending_since, confirm_first, violations, pars_code, pars_message, "
                + "recording_run, " + MARKED_RUN + " from pars_ledger_entry e where provider_id=? and "
                + "completion_key=? for update")) {
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
                        rs.getBoolean(6) || rs.getObject(7) != null,
                        rs.getBoolean(8),
                        stored(
                                EntryState.valueOf(rs.getString(2)),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11)),
                        rs.getObject(12, Long.class),
                        rs.getObject(13, Long.class));
            }
        }
    }

    /** Marks an entry for withdrawal; returns the new state, or empty when there is no such entry. */
    public Optional<EntryState> withdraw(String provider, String key, Instant now) {
        return jdbc.inTransaction(
                c -> {
                    Existing e = existing(c, provider, key);
                    if (e == null) {
                        return Optional.empty();
                    }
                    if (e.state == EntryState.WITHDRAWN || e.state == EntryState.WITHDRAWING) {
                        return Optional.of(e.state);
                    }
                    boolean inPars =
                            MAYBE_IN_PARS.contains(e.state) || e.previous != null || e.outcomeUnknown || e.confirmFirst;
                    if (inPars && e.payload == null && e.previous == null) {
                        throw new IllegalStateException("the entry's learner data was purged after the retention, so "
                                + "no delete can be sent for it; record the completion again, then withdraw it");
                    }
                    EntryState next = inPars ? EntryState.WITHDRAWING : EntryState.WITHDRAWN;
                    Jdbc.update(
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

    /**
     * Makes a retrying entry due now (its next attempt brought forward, its attempts kept);
     * returns its state, or empty when there is no such entry. Entries in any other state are
     * left as they are.
     */
    public Optional<EntryState> sendNow(String provider, String key, Instant now) {
        return jdbc.inTransaction(
                c -> {
                    Existing e = existing(c, provider, key);
                    if (e == null) {
                        return Optional.empty();
                    }
                    if (e.state == EntryState.RETRYING) {
                        Jdbc.update(
                                c,
                                e.id,
                                e.state,
                                EntryState.RETRYING,
                                now,
                                "next attempt brought forward on request",
                                "next_attempt_at=null");
                    }
                    return Optional.of(e.state);
                },
                "send an entry now");
    }
}
