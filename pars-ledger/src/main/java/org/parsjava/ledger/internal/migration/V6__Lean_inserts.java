/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes recording an entry cheaper for the database, with the same queries answered from an
 * index as before:
 *
 * <ul>
 *   <li>the transitions' foreign key to their entry is dropped: the ledger writes an entry's
 *       transitions in the transaction that writes or changes the entry and deletes them before
 *       the entry (retention), so the key checked nothing the ledger does not already keep, at a
 *       lookup per transition row (on PostgreSQL a trigger per row: a third of a transition's
 *       cost);
 *   <li>on PostgreSQL, the index the board status checks read holds only entries with a check
 *       time ({@code where next_status_check_at is not null}, which the checks' condition
 *       implies), so a new entry is not added to it. H2 has no partial indexes and keeps it
 *       whole.
 * </ul>
 */
public final class V6__Lean_inserts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        DatabaseMetaData meta = c.getMetaData();
        boolean postgres = Databases.postgres(c);
        // The table's name as the database keeps it (an H2 URL may ask for lower case).
        String table = meta.storesUpperCaseIdentifiers() ? "PARS_LEDGER_TRANSITION" : "pars_ledger_transition";
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                if (name != null && !keys.contains(name)) {
                    keys.add(name);
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (String key : keys) {
                st.execute("alter table pars_ledger_transition drop constraint \"" + key + "\"");
            }
            if (postgres) {
                st.execute("drop index pars_ledger_entry_board_check");
                st.execute("create index pars_ledger_entry_board_check on pars_ledger_entry "
                        + "(state, next_status_check_at, id) where next_status_check_at is not null");
            }
        }
    }
}
