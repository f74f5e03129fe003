/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A PARS double for tests and demos: {@link org.parsjava.testkit.ParsSimulator}, its faults and
 * the JUnit 5 extension (which needs JUnit Jupiter, present in any project that uses it).
 */
module org.parsjava.testkit {
    requires transitive org.parsjava.client;
    requires mockwebserver3;
    requires static org.junit.jupiter.api;

    exports org.parsjava.testkit;
    exports org.parsjava.testkit.demo;
}
