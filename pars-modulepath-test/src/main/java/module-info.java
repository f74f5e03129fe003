/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** A program using pars-java as a modular application would: through module descriptors only. */
module org.parsjava.modulepath {
    requires org.parsjava.client;
    requires org.parsjava.testkit;
    requires org.parsjava.ledger;
    requires org.parsjava.excel;
    requires org.parsjava.job;

    exports org.parsjava.modulepath;
}
