/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parsjava.client.ParsClient;

/**
 * Runs a {@link ParsSimulator} around JUnit 5 tests. On an instance field it gives every test a
 * fresh simulator; on a static field one simulator serves the class and is reset between tests,
 * so a class sharing one static simulator must not run its tests concurrently (JUnit's default
 * is sequential).
 *
 * <pre>{@code
 * @RegisterExtension
 * final ParsSimulatorExtension pars = new ParsSimulatorExtension();
 *
 * @Test
 * void reportsCredit() {
 *     pars.simulator().addActivity(activity);
 *     try (ParsClient client = pars.newClient()) { ... }
 * }
 * }</pre>
 */
public final class ParsSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Consumer<ParsSimulator.Builder> configuration;
    private ParsSimulator simulator;
    private boolean perClass;

    /** A simulator with the defaults. */
    public ParsSimulatorExtension() {
        this(b -> {});
    }

    /** A simulator configured by {@code configuration} (clock, credentials, codec...). */
    public ParsSimulatorExtension(Consumer<ParsSimulator.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /** The running simulator. */
    public ParsSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator runs only while a test runs");
        }
        return simulator;
    }

    /** A client for the running simulator; close it after use. */
    public ParsClient newClient() {
        return simulator().clientBuilder().build();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        simulator = newSimulator();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) {
            simulator.reset();
        } else {
            simulator = newSimulator();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass && simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    private ParsSimulator newSimulator() {
        ParsSimulator.Builder b = ParsSimulator.builder();
        configuration.accept(b);
        return b.build().start();
    }
}
