/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The reporting ledger in a browser: entries by state, deadlines, rows to fix, an entry's
 * history, and the actions a person takes on them.
 */
module org.parsjava.dashboard {
    requires transitive org.parsjava.ledger;
    requires jdk.httpserver;
    requires org.parsjava.excel;
    requires static jakarta.servlet;
    requires org.slf4j;

    exports org.parsjava.dashboard;
}
