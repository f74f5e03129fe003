/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database a migration runs on. */
final class Databases {

    private Databases() {}

    /** Whether {@code c} is connected to PostgreSQL (else H2, the only other database the ledger runs on). */
    static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
