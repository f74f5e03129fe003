/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a ledger holds after a run, for storage per entry: {@code LedgerStorage <jdbc url>} prints
 * {@code ENTRIES=<entries>}; on PostgreSQL also {@code PG_LEDGER_BYTES=} (the ledger's tables with
 * their indexes and TOAST) and {@code PG_BYTES=} (the whole database, the server's own catalogues
 * included). An H2 file's size is taken before this opens it.
 */
public final class LedgerStorage {

    private LedgerStorage() {}

    /** Entry point. */
    public static void main(String[] args) throws SQLException {
        try (Connection c = DriverManager.getConnection(args[0]);
                Statement st = c.createStatement()) {
            System.out.println("ENTRIES=" + one(st, "select count(*) from pars_ledger_entry"));
            if (args[0].startsWith("jdbc:postgresql:")) {
                System.out.println("PG_LEDGER_BYTES="
                        + one(
                                st,
                                "select sum(pg_total_relation_size(c.oid)) from pg_class c join pg_namespace n "
                                        + "on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r' "
                                        + "and c.relname like 'pars\\_%'"));
                System.out.println("PG_BYTES=" + one(st, "select pg_database_size(current_database())"));
            }
        }
    }

    private static long one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
