/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server for the benchmarks, as its own process (the binaries come from Maven
 * Central, as in the tests: nothing to install): {@code PostgresServer <port>}. Prints
 * {@code READY <jdbc url>} and runs until killed.
 */
public final class PostgresServer {

    private PostgresServer() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg =
                EmbeddedPostgres.builder().setPort(Integer.parseInt(args[0])).start();
        System.out.println("READY " + pg.getJdbcUrl("postgres", "postgres"));
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (java.io.IOException e) {
                System.err.println("could not stop PostgreSQL: " + e.getMessage());
            }
            forever.countDown();
        }));
        forever.await();
    }
}
