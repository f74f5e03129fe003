/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The reporting ledger: completions recorded durably, sent to PARS, settled and kept until their
 * deadlines, on H2 or PostgreSQL.
 *
 * <p>Flyway publishes no module name, so it is required by the name Java derives from its jar
 * ({@code flyway.core}); the migrations live outside any package so Flyway can read them.
 */
module org.parsjava.ledger {
    requires transitive org.parsjava.client;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    requires com.github.kagkarlsson.scheduler;
    requires com.h2database;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires org.slf4j;
    requires static micrometer.core;

    exports org.parsjava.ledger;
    exports org.parsjava.ledger.metrics;
}
