/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.demo.DemoActivities;

/**
 * A command's checked PARS settings: a real PARS (URL, provider, credentials) or the demo.
 * {@link #open()} starts the client (and, for the demo, the embedded simulator).
 *
 * @param endpoints endpoints from a file, or null for the generation's preset
 * @param asOf the day dates are judged on instead of today, or null
 * @param rules the rules catalogue (the shipped one unless a file was given)
 */
record ParsSettings(
        String url,
        String providerId,
        String providerName,
        ParsCredentials credentials,
        ParsEndpoints.Generation generation,
        ParsEndpoints endpoints,
        boolean demo,
        int concurrency,
        LocalDate asOf,
        RulesCatalogue rules) {

    /** Demo provider's name, as the simulator's reports carry it. */
    static final String DEMO_PROVIDER_NAME = "Example Health Continuing Education";

    /**
     * Share of the heap the embedded simulator's memory of credit lines may take; older lines
     * are forgotten, so memory stays flat on any roster size.
     */
    static final double SIMULATOR_HEAP_SHARE = 0.25;

    ParsConnection open() {
        if (demo) {
            Clock clock = asOf != null ? movingFrom(asOf, ZoneId.of("America/Chicago")) : DemoActivities.clock();
            ParsSimulator sim = ParsSimulator.builder()
                    .clock(clock)
                    .retainWithinHeap(SIMULATOR_HEAP_SHARE)
                    .rules(rules)
                    .endpoints(endpoints != null ? endpoints : ParsEndpoints.of(generation))
                    .build()
                    .start();
            DemoActivities.ALL.forEach(sim::addActivity);
            ParsClient client = sim.clientBuilder()
                    .rules(rules)
                    .providerName(DEMO_PROVIDER_NAME)
                    .userAgent("pars-cli")
                    .maxConcurrentRequests(concurrency)
                    .build();
            return new ParsConnection(
                    client,
                    sim,
                    clock,
                    "the embedded PARS simulator at " + sim.baseUrl() + " (" + generation + " API; dates judged as of "
                            + LocalDate.now(clock) + "; nothing reaches PARS)");
        }
        Clock clock = asOf == null ? Clock.systemDefaultZone() : movingFrom(asOf, ZoneId.systemDefault());
        ParsClient client = ParsClient.builder()
                .baseUrl(url)
                .providerId(providerId)
                .providerName(providerName)
                .credentials(credentials)
                .endpoints(endpoints != null ? endpoints : ParsEndpoints.of(generation))
                .userAgent("pars-cli")
                .maxConcurrentRequests(concurrency)
                .clock(clock)
                .rules(rules)
                .build();
        return new ParsConnection(
                client,
                null,
                clock,
                "PARS at " + client.baseUrl() + " (" + generation + " API) as provider " + providerId
                        + (asOf == null ? "" : "; dates judged as of " + asOf));
    }

    /** A clock that reads {@code day} at the present time of day, and keeps moving. */
    static Clock movingFrom(LocalDate day, ZoneId zone) {
        Clock system = Clock.system(zone);
        return Clock.offset(system, Duration.between(LocalDate.now(system).atStartOfDay(zone), day.atStartOfDay(zone)));
    }

    @Override
    public String toString() {
        return "ParsSettings[" + (demo ? "demo" : url) + ", " + generation + ", credentials=***]";
    }
}
