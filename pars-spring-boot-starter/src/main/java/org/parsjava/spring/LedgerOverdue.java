/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

/**
 * How many ledger entries are overdue: what the health indicator needs of the ledger, without
 * naming pars-ledger's types (which may be absent from the application).
 */
@FunctionalInterface
public interface LedgerOverdue {

    /** Entries past their due date and not with PARS. */
    long count();
}
