/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.parsjava.ledger.LedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool (HikariCP) the ledger opens for a JDBC URL, and closes with itself: a
 * connection per transaction would cost a login per call on PostgreSQL and a file open per call
 * on H2.
 */
public final class LedgerPool {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerPool.class);

    /** Connections at most: a drain, the recording thread and the worker's tasks. */
    static final int MAX_CONNECTIONS = 5;

    /**
     * How long a connection of the ledger's own pool on H2 waits for a row another transaction
     * holds, in milliseconds. H2 gives up after one second by default, and a recording then failed
     * whenever a slower transaction (the application's, or the job's slice before) was storing the
     * same new activity; PostgreSQL waits until the holder ends (and breaks deadlocks, as H2 does).
     */
    static final int H2_LOCK_TIMEOUT_MS = 30_000;

    /**
     * H2's page cache for a database the ledger opens by URL, in KB (H2's default is 16 MB). The
     * main job's 100,000 rows through an H2 URL took 36.7 s on average with 8 MB against 41.1 s
     * with 16 MB (six runs each, alternated on one host), the collector pausing it 6.2 s against
     * 8.9 s on average; 2 and 4 MB were slower than 8 MB in the same rounds (37.0 to 43.2 s, two
     * runs each, against 34.4 and 34.7 s).
     */
    static final int H2_CACHE_KB = 8_192;

    private LedgerPool() {}

    /**
     * A pool on {@code url}, with one connection made at once so a wrong URL, a refused login or
     * an H2 file in use fails here.
     *
     * @param user the user, or null when the URL carries it
     * @param password the password, or null
     * @throws LedgerException when the database cannot be reached or is in use
     */
    public static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
            // The driver sends a batch of inserts as multi-row statements rather than one by one.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        if (h2Without(url, "LOCK_TIMEOUT")) {
            config.setConnectionInitSql("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MS);
        }
        config.setPoolName("pars-ledger");
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException | IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException s) {
                    throw Migrations.connectFailure(s);
                }
            }
            throw new LedgerException(
                    "could not open the ledger's database: " + e.getClass().getSimpleName(), e);
        }
        if (h2Without(url, "CACHE_SIZE")) {
            // A setting of the database, not of a session: once is enough.
            Migrations.setH2(pool, "CACHE_SIZE", H2_CACHE_KB, "the database keeps its own page cache");
        }
        return pool;
    }

    /** Whether {@code url} is an H2 database's that does not set {@code setting} (a URL that sets it is obeyed). */
    private static boolean h2Without(String url, String setting) {
        return url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains(setting);
    }

    /**
     * Closes a pool the ledger opened; on an H2 file no one else has open, when this opening wrote
     * at least a quarter of the file's size, first rewrites the file without its free pages
     * ({@code SHUTDOWN COMPACT}: an H2 file does not shrink by itself, and after a run of 100,000
     * rows was about six times the size of what it held). An opening that wrote less (a look at the
     * ledger, a small run) leaves the file as it is rather than rewrite all of it: 1.2 to 1.7 s for
     * a file of 96,033 entries, against milliseconds for a plain close. Another
     * session on the same database (a second ledger in this JVM, a process through H2's automatic
     * server) leaves the file as it is. The compaction runs on a connection of its own once the
     * pool's are closed, so none of them meets the database closed under it (H2 would write that,
     * as an error with its stack trace, to a {@code .trace.db} file beside the ledger).
     *
     * @return whether the file was compacted
     */
    public static boolean close(HikariDataSource pool) {
        if (!embeddedH2File(pool.getJdbcUrl())) {
            pool.close();
            return false;
        }
        boolean compacted = false;
        java.util.Properties login = new java.util.Properties();
        if (pool.getUsername() != null) {
            login.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            login.setProperty("password", pool.getPassword());
        }
        // Opened while the pool's connections keep the database open, so it joins the same one.
        try (Connection own = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), login);
                Statement s = own.createStatement()) {
            pool.close(); // waits for connections in use; the database stays open through this one
            long sessions;
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.sessions")) {
                rs.next();
                sessions = rs.getLong(1);
            }
            if (sessions == 1 && wroteAQuarter(s)) { // no other session: nobody is cut off by the shutdown
                s.execute("SHUTDOWN COMPACT");
                compacted = true;
            }
        } catch (SQLException e) {
            if (!compacted) { // after SHUTDOWN COMPACT, closing the statement finds the database closed
                LOG.warn("PARS ledger: compacting its H2 file failed with SQL state {}", e.getSQLState());
            }
        } finally {
            pool.close(); // closed already unless opening the connection failed; closing twice is harmless
        }
        return compacted;
    }

    /**
     * Whether the database, since it was opened, wrote at least a quarter of its file's size;
     * first writes what it holds in memory only (the close would write it anyway), so that counts.
     */
    private static boolean wroteAQuarter(Statement s) throws SQLException {
        s.execute("CHECKPOINT");
        long written = 0;
        long size = 0;
        try (ResultSet rs = s.executeQuery("select setting_name, setting_value from information_schema.settings "
                + "where setting_name in ('info.FILE_WRITE_BYTES', 'info.FILE_SIZE')")) {
            while (rs.next()) {
                long value = Long.parseLong(rs.getString(2));
                if (rs.getString(1).equals("info.FILE_SIZE")) {
                    size = value;
                } else {
                    written = value;
                }
            }
        }
        return written >= size / 4;
    }

    /** {@link #close} for the ledger's own close: a failure is logged (by its class only), not thrown. */
    public static void closeQuietly(HikariDataSource pool) {
        try {
            close(pool);
        } catch (RuntimeException e) {
            LOG.warn(
                    "PARS ledger: closing its connection pool failed with {}",
                    e.getClass().getName());
        }
    }

    /** An H2 database this JVM opens as a file: not in memory, not through a server. */
    static boolean embeddedH2File(String url) {
        String u = url.toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("jdbc:h2:")
                && !u.startsWith("jdbc:h2:mem:")
                && !u.startsWith("jdbc:h2:tcp:")
                && !u.startsWith("jdbc:h2:ssl:")
                && !u.startsWith("jdbc:h2:zip:");
    }
}
