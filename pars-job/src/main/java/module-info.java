/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The reporting job: a roster read, validated and reported through a ledger, straight to PARS or
 * into ACCME's upload file, with an outcome per row and a typed summary.
 */
module org.parsjava.job {
    requires transitive org.parsjava.client;
    requires transitive org.parsjava.ledger;
    requires transitive org.parsjava.excel;

    exports org.parsjava.job;
}
