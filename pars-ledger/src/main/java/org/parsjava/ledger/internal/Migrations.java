/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.parsjava.ledger.LedgerException;
import org.parsjava.ledger.internal.migration.V2__Problems_as_json;
import org.parsjava.ledger.internal.migration.V6__Lean_inserts;
import org.parsjava.ledger.internal.migration.V7__Room_for_leases;

/**
 * Creates or migrates the ledger's tables with Flyway, in the ledger's own history table
 * ({@code pars_ledger_schema_history}), beside any tables of the application's.
 */
public final class Migrations {

    /**
     * The highest version of the ledger's migrations (the {@code V8__} of {@code
     * V8__recording_runs.sql}): a database whose history has it, and no failed migration, is current,
     * and is opened without Flyway. Raised with each new migration (a test compares it with the
     * migrations Flyway finds).
     */
    static final int LATEST_VERSION = 8;

    /**
     * The migrations' history read before Flyway is started: their highest version and whether any
     * failed. The table's name is quoted, as Flyway created it (H2 would read an unquoted name in
     * capitals).
     */
    static final String HISTORY_READ =
            "select max(cast(\"version\" as int)), min(case when \"success\" then 1 else 0 end) "
                    + "from \"pars_ledger_schema_history\" where \"version\" is not null";

    /** H2's error code for a database file another process holds open. */
    private static final int H2_DATABASE_IN_USE = 90020;

    private Migrations() {}

    /** Why the database could not be reached, in words: an H2 file in use, or the SQL state. */
    static LedgerException connectFailure(SQLException e) {
        if (e.getErrorCode() == H2_DATABASE_IN_USE || "90020".equals(e.getSQLState())) {
            return new LedgerException(
                    "the ledger is in use by another run (its H2 file is open in another "
                            + "process): wait for that run to end, or use another ledger",
                    e);
        }
        return new LedgerException("could not connect to the ledger's database (SQL state " + e.getSQLState() + ")", e);
    }

    /**
     * Migrates the ledger's tables on {@code dataSource}, unless they are current already.
     *
     * @return true when the database is PostgreSQL (else H2)
     * @throws LedgerException when the database cannot be reached, is in use by another process
     *     (an H2 file), is neither H2 nor PostgreSQL, or the migration fails
     */
    public static boolean migrate(DataSource dataSource) {
        Map<String, String> types;
        boolean current;
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                types = Map.of("bytes", "bytea", "key_text", "text");
            } else if (product.contains("h2")) {
                types = Map.of("bytes", "varbinary", "key_text", "varchar(100)");
            } else {
                throw new LedgerException("the ledger runs on H2 or PostgreSQL, not on " + product);
            }
            current = current(c);
        } catch (SQLException e) {
            throw connectFailure(e);
        }
        if (!current) {
            flyway(dataSource, types);
        }
        boolean postgres = types.get("bytes").equals("bytea");
        if (!postgres) {
            compact(dataSource);
        }
        return postgres;
    }

    /**
     * Whether the ledger's tables on {@code c} are current: the history holds {@link
     * #LATEST_VERSION} and no failed migration. Then Flyway, which took 0.5-0.6 s in a new JVM on
     * tables already current, is not needed. A database without the history (a new one), behind, ahead (a newer
     * version of the ledger migrated it; Flyway ignores migrations it does not know), or with a
     * failed migration is left to Flyway, which says what is wrong. A connection outside
     * auto-commit (a data source of the application's) has its transaction ended after the read,
     * so a failed read leaves nothing for Flyway to meet.
     */
    private static boolean current(Connection c) throws SQLException {
        try {
            // A new database has no history to read: looked up first, since H2 writes a failed read
            // to a trace file beside the ledger.
            try (java.sql.ResultSet tables =
                    c.getMetaData().getTables(null, null, "pars_ledger_schema_history", null)) {
                if (!tables.next()) {
                    return false;
                }
            }
            try (java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery(HISTORY_READ)) {
                return rs.next() && rs.getInt(1) == LATEST_VERSION && rs.getInt(2) == 1;
            }
        } catch (SQLException noHistoryOrNotCurrent) {
            return false;
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }
    }

    /** Creates or migrates the ledger's tables with Flyway, {@code types} in their SQL. */
    private static void flyway(DataSource dataSource, Map<String, String> types) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .table("pars_ledger_schema_history")
                    .locations("classpath:db/pars-ledger/migration")
                    .javaMigrations(new V2__Problems_as_json(), new V6__Lean_inserts(), new V7__Room_for_leases())
                    .placeholders(types)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new LedgerException(
                    "could not create or migrate the ledger's tables ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    /**
     * How long H2 keeps a file chunk after its last live page moved out (milliseconds), before the
     * space is reused. Not 0, which earlier versions of the ledger set: with 0, H2 2.4.240 may
     * reuse a chunk a running query still reads ("Chunk ... not found", seen here as a claim
     * failing after 229,226 rows of a 1,000,000-row run; upstream h2database#4383, open; in
     * nitrite-java #1303, with H2's versions-to-keep also 0, files that no longer opened). Not H2's
     * 45 s either: under steady writes the file grows by the page copies of the window (the main
     * job's 100,000 rows, one run each: 140 MB at most with 0, 291 MB with 2 s, 1.29 GB with 45 s;
     * 48 MB in each case after the ledger, opened by URL, compacted the file on closing).
     */
    static final int H2_RETENTION_MS = 2_000;

    /**
     * The H2 setting the ledger needs whatever URL it was given (kept in the database file): old
     * chunks reused after {@link #H2_RETENTION_MS}. (Durability is {@link Jdbc}'s: a checkpoint
     * after each commit that must survive a killed process.)
     */
    private static void compact(DataSource dataSource) {
        setH2(
                dataSource,
                "RETENTION_TIME",
                H2_RETENTION_MS,
                "the file keeps its own setting, and a file an earlier version set to 0 may fail a query that "
                        + "reads while the ledger writes");
    }

    /**
     * Sets a setting of the whole H2 database on {@code dataSource}; H2 refuses a user without
     * admin rights, and then the database keeps its own value: a warning says so, with what that
     * means ({@code otherwise}).
     */
    static void setH2(DataSource dataSource, String setting, int value, String otherwise) {
        try (Connection c = dataSource.getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("SET " + setting + " " + value);
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(Migrations.class)
                    .warn(
                            "PARS ledger: H2 refused SET {} {} (SQL state {}; the ledger's user needs admin rights): {}",
                            setting,
                            value,
                            e.getSQLState(),
                            otherwise);
        }
    }
}
