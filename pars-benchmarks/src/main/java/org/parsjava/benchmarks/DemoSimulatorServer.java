/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.demo.DemoActivities;

/**
 * The simulator holding the demo activities, as its own process: {@code DemoSimulatorServer <port>
 * [latency in ms]}, the latency added to every request as a remote PARS's round trip would (none
 * when not given).
 */
public final class DemoSimulatorServer {

    private DemoSimulatorServer() {}

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        ParsSimulator sim = ParsSimulator.builder()
                .clock(BenchData.AS_OF)
                .latency(Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 0))
                .build()
                .start(Integer.parseInt(args[0]));
        DemoActivities.ALL.forEach(sim::addActivity);
        System.out.println("READY " + sim.baseUrl());
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STORED_CREDITS=" + sim.credits().size());
            sim.close();
            forever.countDown();
        }));
        forever.await();
    }
}
