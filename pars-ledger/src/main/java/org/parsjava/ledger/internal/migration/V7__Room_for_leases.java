/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, leaves free space in the entries' pages ({@code fillfactor} {@value #FILL}) so
 * that a claim's lease, which changes no indexed column, can write the entry's new row version in
 * the same page and no index entry (a heap-only update); in a full page the new version goes to
 * another page and each of the table's indexes gets an entry for it. Pages already written keep
 * their fill; H2 has no such setting. Only the table's owner may change it: a ledger opened by a
 * role with rights on the tables only leaves it as it was, with a warning naming the statement
 * for the owner to run: it changes speed, not behaviour.
 */
public final class V7__Room_for_leases extends BaseJavaMigration {

    /** Percent of each page new rows fill (of 100, 85 and 70 tried, the most heap-only updates). */
    static final int FILL = 70;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!Databases.postgres(c)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select pg_has_role((select relowner from pg_class "
                    + "where oid = 'pars_ledger_entry'::regclass), 'USAGE')")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    LoggerFactory.getLogger(V7__Room_for_leases.class)
                            .warn(
                                    "PARS ledger: the entries' pages stay full: only the table's owner may run "
                                            + "'alter table pars_ledger_entry set (fillfactor = {})'",
                                    FILL);
                    return;
                }
            }
            st.execute("alter table pars_ledger_entry set (fillfactor = " + FILL + ")");
        }
    }
}
