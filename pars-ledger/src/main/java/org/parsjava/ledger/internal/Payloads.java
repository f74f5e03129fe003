/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.LedgerException;

/**
 * Completions as the ledger stores them: the learner's data sealed with the ledger's key (bound to
 * its provider and completion key), the activity, which holds no personal data, once per
 * fingerprint in {@code pars_ledger_activity}. Thread safe.
 */
public final class Payloads {

    /** Activities kept in memory at most: activities are few, so this only bounds a pathological ledger. */
    private static final int CACHE = 10_000;

    private final PayloadCipher cipher;
    private final boolean postgres;
    /**
     * Activities' stored forms by fingerprint, fingerprints by activity, and activities by
     * fingerprint and status. Caches of computation only: the table is written on every record,
     * so a rolled-back transaction leaves nothing assumed.
     */
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    private final Map<Activity, String> refs = new ConcurrentHashMap<>();
    private final Map<String, Activity> activities = new ConcurrentHashMap<>();

    private final CompletionJson json;
    private final int cache;

    /** Sealing with {@code cipher} the forms {@code json} writes; {@code postgres} picks the upsert's dialect. */
    public Payloads(PayloadCipher cipher, boolean postgres, CompletionJson json) {
        this(cipher, postgres, json, CACHE);
    }

    /** As the public constructor, each cache holding at most {@code cache} items. */
    Payloads(PayloadCipher cipher, boolean postgres, CompletionJson json, int cache) {
        this.cipher = cipher;
        this.postgres = postgres;
        this.json = json;
        this.cache = cache;
    }

    /**
     * A sealed completion.
     *
     * @param bytes the encrypted payload
     * @param mac a keyed fingerprint of the content: equal for equal completions
     * @param activityRef the fingerprint of its activity's stored form
     * @param activityBody that stored form when the cache does not keep it (it is full), else null
     */
    public record Sealed(byte[] bytes, String mac, String activityRef, byte[] activityBody) {

        /** Its activity alone, as {@link #storeActivities} takes activities. */
        public Map<String, byte[]> activity() {
            return java.util.Collections.singletonMap(activityRef, activityBody);
        }

        /** Adds its activity to {@code activities}, as {@link #storeActivities} takes them. */
        public void addActivityTo(Map<String, byte[]> activities) {
            if (activityBody != null || !activities.containsKey(activityRef)) {
                activities.put(activityRef, activityBody);
            }
        }
    }

    /** Seals {@code completion}, storing its activity if this form of it is new. */
    public Sealed seal(Connection c, LearnerCompletion completion) throws SQLException {
        Sealed s = sealOnly(completion);
        storeActivities(c, s.activity());
        return s;
    }

    /**
     * Seals {@code completion} without storing its activity: the caller stores the activities of
     * a chunk once each ({@link #storeActivities}) in the same transaction.
     */
    public Sealed sealOnly(LearnerCompletion completion) {
        Form form = form(completion.activity());
        byte[] plain = json.write(completion, form.ref());
        return new Sealed(
                cipher.seal(plain, associated(completion.activity().providerId(), completion.completionKey())),
                cipher.fingerprint(plain),
                form.ref(),
                form.uncached());
    }

    /** Opens a payload sealed for {@code provider} and {@code key}, reading its activity back. */
    public LearnerCompletion open(Connection c, byte[] sealed, String provider, String key) {
        return json.read(cipher.open(sealed, associated(provider, key)), (ref, status) -> {
            Activity cached = activities.get(ref + "|" + status);
            if (cached != null) {
                return cached;
            }
            Activity a = json.activity(body(c, ref), status);
            if (activities.size() < cache) {
                activities.put(ref + "|" + status, a);
            }
            return a;
        });
    }

    /** Opens a payload only to prove the key is the one it was sealed with. */
    public void verify(byte[] sealed, String provider, String key) {
        cipher.open(sealed, associated(provider, key));
    }

    private static String associated(String provider, String key) {
        return provider + "\u0000" + key;
    }

    /** An activity's stored form's fingerprint, and the form itself when the cache does not keep it. */
    private record Form(String ref, byte[] uncached) {}

    /** The activity's stored form, computed once per activity while the cache has room. */
    private Form form(Activity activity) {
        String ref = refs.get(activity);
        if (ref != null && bodies.containsKey(ref)) {
            return new Form(ref, null);
        }
        byte[] body = json.activity(activity);
        ref = HexFormat.of().formatHex(sha256(body));
        if (bodies.size() < cache) {
            bodies.put(ref, body);
            refs.put(activity, ref);
            return new Form(ref, null);
        }
        return new Form(ref, body);
    }

    /**
     * Fingerprints a committed transaction of this ledger stored. Activities are never deleted, so
     * these are not written again: a write holds the activity's row until its transaction ends,
     * and on H2 every other recording of that activity would wait for it.
     */
    private final java.util.Set<String> committed = ConcurrentHashMap.newKeySet();

    /** Tells that a transaction which stored {@code activityRefs} committed. */
    public void committed(java.util.Set<String> activityRefs) {
        if (committed.size() < cache) {
            committed.addAll(activityRefs);
        }
    }

    /**
     * Stores each activity once per fingerprint, one upsert per activity (so it holds in a
     * caller's transaction too), except those a committed transaction of this ledger stored.
     */
    public void storeActivities(Connection c, Map<String, byte[]> activities) throws SQLException {
        // In fingerprint order: two transactions storing the same activities lock them in one order.
        List<String> unstored = activities.keySet().stream()
                .filter(ref -> !committed.contains(ref))
                .sorted()
                .toList();
        if (unstored.isEmpty()) {
            return; // each in the table already, for good
        }
        try (PreparedStatement ps = c.prepareStatement(
                postgres
                        ? "insert into pars_ledger_activity (fingerprint, body) values (?, ?) on conflict do nothing"
                        : "merge into pars_ledger_activity key (fingerprint) values (?, ?)")) {
            for (String ref : unstored) {
                byte[] body = bodies.get(ref);
                if (body == null) {
                    body = java.util.Objects.requireNonNull(activities.get(ref), "an activity's stored form");
                }
                ps.setString(1, ref);
                ps.setBytes(2, body);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private byte[] body(Connection c, String ref) {
        byte[] body = bodies.get(ref);
        if (body != null) {
            return body;
        }
        try (PreparedStatement ps = c.prepareStatement("select body from pars_ledger_activity where fingerprint=?")) {
            ps.setString(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LedgerException("an entry's activity is missing from the ledger");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read an activity", e);
        }
    }

    /** The SHA-256 of {@code b}. */
    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
