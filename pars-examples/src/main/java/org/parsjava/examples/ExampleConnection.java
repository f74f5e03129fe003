/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.time.Clock;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.demo.DemoActivities;

/**
 * How the examples reach PARS: a real endpoint when {@code PARS_URL} is set (with
 * {@code PARS_PROVIDER_ID}, {@code PARS_PROVIDER_NAME}, {@code PARS_USER}, {@code PARS_PASSWORD}),
 * otherwise an embedded {@link ParsSimulator} holding the {@link DemoActivities}, with "today"
 * pinned to their demo day so the output is the same every day.
 */
record ExampleConnection(ParsClient client, ParsSimulator simulator, Clock clock, String description)
        implements AutoCloseable {

    static ExampleConnection open() {
        String url = System.getenv("PARS_URL");
        if (url == null || url.isBlank()) {
            // Bounded, so the demo's memory stays flat on any roster size.
            ParsSimulator sim = ParsSimulator.builder()
                    .clock(DemoActivities.clock())
                    .retainWithinHeap(0.25)
                    .build()
                    .start();
            DemoActivities.ALL.forEach(sim::addActivity);
            ParsClient client = sim.clientBuilder()
                    .providerName("Example Health Continuing Education")
                    .userAgent("pars-examples")
                    .build();
            return new ExampleConnection(
                    client,
                    sim,
                    DemoActivities.clock(),
                    "No PARS_URL set: the embedded PARS " + "simulator at " + sim.baseUrl() + " (dates judged as of "
                            + DemoActivities.AS_OF + ")");
        }
        ParsClient client = ParsClient.builder()
                .baseUrl(url)
                .providerId(System.getenv("PARS_PROVIDER_ID"))
                .providerName(System.getenv("PARS_PROVIDER_NAME"))
                .credentials(ParsCredentials.of(System.getenv("PARS_USER"), System.getenv("PARS_PASSWORD")))
                .userAgent("pars-examples")
                .build();
        return new ExampleConnection(client, null, Clock.systemDefaultZone(), "Reporting to PARS at " + url);
    }

    /** The provider reported as. */
    String providerId() {
        return client.providerId();
    }

    @Override
    public void close() {
        client.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
