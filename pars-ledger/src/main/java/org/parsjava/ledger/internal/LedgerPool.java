/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import org.parsjava.ledger.LedgerException;

/**
 * The connection pool (HikariCP) the ledger opens for a JDBC URL, and closes with itself: a
 * connection per transaction would cost a login per call on PostgreSQL and a file open per call
 * on H2.
 */
public final class LedgerPool {

    /** Connections at most: a drain, the recording thread and the worker's tasks. */
    static final int MAX_CONNECTIONS = 5;

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
        config.setPoolName("pars-ledger");
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException | IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException s) {
                    throw Migrations.connectFailure(s);
                }
            }
            throw new LedgerException(
                    "could not open the ledger's database: " + e.getClass().getSimpleName(), e);
        }
    }
}
