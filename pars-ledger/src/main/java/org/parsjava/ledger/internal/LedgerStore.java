/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import javax.sql.DataSource;
import org.parsjava.core.rules.RulesCatalogue;

/**
 * The ledger's tables through plain JDBC, one part per responsibility: {@link #recorder()}
 * (recording, withdrawal), {@link #claims()} (taking work up), {@link #settlements()} (storing
 * what the work came to), {@link #queries()} (reading) and {@link #retention()} (forgetting).
 * Each call is one transaction on a connection of its own, except recording on a caller's
 * connection. Thread safe.
 */
public final class LedgerStore {

    private final Jdbc jdbc;
    private final Recorder recorder;
    private final Claims claims;
    private final Settlements settlements;
    private final EntryQueries queries;
    private final Retention retention;

    /**
     * A store on {@code dataSource} (already migrated), sealing payloads with {@code cipher}.
     *
     * @param postgres whether the database is PostgreSQL (else H2)
     * @param rules the catalogue by which stored boards and credit types are read back
     */
    public LedgerStore(DataSource dataSource, PayloadCipher cipher, boolean postgres, RulesCatalogue rules) {
        this.jdbc = new Jdbc(dataSource, postgres);
        Payloads payloads = new Payloads(cipher, postgres, new CompletionJson(rules));
        this.recorder = new Recorder(jdbc, payloads, new MocLineRules(rules, cipher));
        this.claims = new Claims(jdbc, payloads);
        this.settlements = new Settlements(jdbc);
        this.queries = new EntryQueries(jdbc, payloads);
        this.retention = new Retention(jdbc);
    }

    /** Transactions on the ledger's database. */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** Recording and withdrawal. */
    public Recorder recorder() {
        return recorder;
    }

    /** Taking due work up. */
    public Claims claims() {
        return claims;
    }

    /** Storing outcomes. */
    public Settlements settlements() {
        return settlements;
    }

    /** Reading entries. */
    public EntryQueries queries() {
        return queries;
    }

    /** Forgetting after the retention. */
    public Retention retention() {
        return retention;
    }
}
