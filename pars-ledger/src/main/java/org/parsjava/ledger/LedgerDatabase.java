/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

/** The database a {@link ReportingLedger} keeps its entries in: {@link ReportingLedger#database()}. */
public enum LedgerDatabase {
    /** H2, embedded in the ledger's process (a file database). */
    H2,
    /** PostgreSQL, a server of its own. */
    POSTGRESQL
}
