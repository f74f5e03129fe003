/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal.migration;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, leaves free space in the entries' pages ({@code fillfactor} {@value #FILL}) so
 * that a claim's lease, which changes no indexed column, writes the entry's new row version in
 * the same page and no index entry (a heap-only update). Filled to the brim, each lease moved the
 * row to another page and added an entry to each of the table's indexes. Pages already written
 * keep their fill; H2 has no such setting.
 */
public final class V7__Room_for_leases extends BaseJavaMigration {

    /** Percent of each page new rows fill: measured best of 100, 85 and 70 (docs/performance.md). */
    static final int FILL = 70;

    @Override
    public void migrate(Context context) throws SQLException {
        if (!context.getConnection()
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres")) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("alter table pars_ledger_entry set (fillfactor = " + FILL + ")");
        }
    }
}
