/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.demo.DemoActivities;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pars simulator}: a PARS double on a port, for pipelines in any language. */
@Command(
        name = "simulator",
        mixinStandardHelpOptions = true,
        description = "Run the PARS simulator until stopped, holding the demo activities (for pipelines that are "
                + "not Java). Plain HTTP: test data only.")
final class SimulatorCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    ParsCommand top;

    @Option(names = "--port", paramLabel = "N", description = "port (default: a free one)")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "address to listen on (default loopback)")
    String host;

    @Option(names = "--api", paramLabel = "wcf|rest", description = "generation of the PARS API (default wcf)")
    String api;

    @Option(names = "--provider-id", paramLabel = "ID", description = "provider ID accepted (default 0001234)")
    String providerId = ParsSimulator.DEFAULT_PROVIDER_ID;

    @Option(names = "--user", paramLabel = "USER", description = "user accepted (default simulator)")
    String user = ParsSimulator.DEFAULT_USER;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            description = "password accepted (default simulator-password)")
    String password = ParsSimulator.DEFAULT_PASSWORD;

    @Option(
            names = "--endpoints",
            paramLabel = "FILE",
            description = "serve these endpoints (a file as pars conformance writes) instead of the generation's")
    java.nio.file.Path endpoints;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description =
                    "the boards and rules this PARS knows, from a rules catalogue file (default: the shipped one)")
    java.nio.file.Path rules;

    @Option(
            names = "--rest-refusals-per-record",
            description = "deviate from the REST draft as read: a refused document's 400 lists a verdict per report")
    boolean refusalsPerRecord;

    @Override
    public Integer call() throws InterruptedException {
        ParsSimulator.Builder b = ParsSimulator.builder().providerId(providerId).credentials(user, password);
        if (api != null) {
            b.generation(
                    switch (api.toLowerCase(Locale.ROOT)) {
                        case "wcf" -> ParsEndpoints.Generation.WCF;
                        case "rest" -> ParsEndpoints.Generation.REST;
                        default -> throw new UsageException("--api must be wcf or rest");
                    });
        }
        if (endpoints != null) {
            try {
                b.endpoints(org.parsjava.client.EndpointsFile.read(endpoints));
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (rules != null) {
            try {
                b.rules(org.parsjava.core.rules.RulesCatalogue.load(rules));
            } catch (org.parsjava.core.rules.RulesCatalogueException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw new UsageException("--port must be 0 to 65535");
        }
        InetAddress address;
        try {
            address = host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("--host " + host + " is not an address or a known host name");
        }
        ParsSimulator sim = b.build().start(address, port == null ? 0 : port);
        DemoActivities.ALL.forEach(
                a -> sim.addActivity(a.toBuilder().providerId(providerId).build()));
        top.out()
                .println("PARS simulator listening at " + sim.baseUrl() + " (provider " + providerId + ", user "
                        + user + "); demo activities "
                        + String.join(
                                ", ",
                                DemoActivities.ALL.stream()
                                        .map(a -> a.accmeActivityId().orElseThrow())
                                        .toList())
                        + ". Stop with Ctrl-C.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
