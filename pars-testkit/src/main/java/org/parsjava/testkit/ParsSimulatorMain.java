/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;

/**
 * Runs {@link ParsSimulator} as a standalone process for pipelines that are not Java:
 * {@code java -cp ... org.parsjava.testkit.ParsSimulatorMain --port 8089}. Prints the base URL
 * and credentials, holds one demo activity ({@code 200000001}) and runs until stopped.
 */
public final class ParsSimulatorMain {

    private ParsSimulatorMain() {}

    /**
     * Entry point; options {@code --port N}, {@code --host ADDRESS} (default loopback; e.g.
     * {@code 0.0.0.0} inside a container), {@code --provider-id}, {@code --user}, {@code --password}, {@code --api wcf|rest}.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        java.net.InetAddress host = java.net.InetAddress.getLoopbackAddress();
        ParsSimulator.Builder b = ParsSimulator.builder();
        String user = ParsSimulator.DEFAULT_USER;
        String password = ParsSimulator.DEFAULT_PASSWORD;
        String provider = ParsSimulator.DEFAULT_PROVIDER_ID;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = port(require(args[i], value));
                case "--host" -> host = host(require(args[i], value));
                case "--provider-id" -> provider = require(args[i], value);
                case "--user" -> user = require(args[i], value);
                case "--password" -> password = require(args[i], value);
                case "--api" ->
                    b.generation(
                            switch (require(args[i], value).toLowerCase(java.util.Locale.ROOT)) {
                                case "wcf" -> org.parsjava.client.ParsEndpoints.Generation.WCF;
                                case "rest" -> org.parsjava.client.ParsEndpoints.Generation.REST;
                                default -> {
                                    System.err.println("--api must be wcf or rest");
                                    System.exit(2);
                                    yield null;
                                }
                            });
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; usage: [--port N] [--host ADDRESS] [--provider-id ID] [--user U] [--password P] "
                            + "[--api wcf|rest]");
                    System.exit(2);
                }
            }
            i++;
        }
        ParsSimulator sim =
                b.providerId(provider).credentials(user, password).build().start(host, port);
        sim.addActivity(Activity.builder()
                .providerId(provider)
                .providerActivityId("DEMO-1")
                .accmeActivityId("200000001")
                .title("Demo Activity")
                .description("An activity to report demo learners against.")
                .sponsorship(org.parsjava.core.model.Sponsorship.DIRECT)
                .type(ActivityType.INTERNET_ENDURING_MATERIAL)
                .startDate(LocalDate.now().minusYears(1).withDayOfYear(1))
                .endDate(LocalDate.now().plusYears(2))
                .maxCmeCredits(new BigDecimal("10"))
                .mocRegistration(MocRegistration.of(Board.ABIM, "10", MocCreditType.ABIM_MEDICAL_KNOWLEDGE))
                .build());
        System.out.println("PARS simulator listening at " + sim.baseUrl() + " (provider " + provider + ", user " + user
                + "); demo activity 200000001. Stop with Ctrl-C.");
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            forever.countDown();
        }));
        forever.await();
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        return usage("--port must be a number from 0 to 65535, not " + value);
    }

    private static java.net.InetAddress host(String value) {
        try {
            return java.net.InetAddress.getByName(value);
        } catch (java.net.UnknownHostException e) {
            usage("--host " + value + " is not an address or a known host name");
            throw new IllegalStateException(e); // not reached: usage exits
        }
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.exit(2);
        return 0;
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
