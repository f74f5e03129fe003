/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.testkit.ParsSimulator;

/**
 * How the examples reach PARS: a real endpoint when {@code --pars-url} or {@code PARS_URL} is
 * set (with {@code PARS_PROVIDER_ID}, {@code PARS_USER}, {@code PARS_PASSWORD},
 * {@code PARS_PROVIDER_NAME} or the matching options), otherwise the embedded
 * {@link ParsSimulator} holding {@link DemoActivities}, with "today" pinned to
 * {@link DemoActivities#AS_OF} so the demo output is the same every day.
 */
final class Connection implements AutoCloseable {

    final ParsClient client;
    final ParsSimulator simulator;
    final String description;
    /** The accredited provider reported as: activities you register must name it. */
    final String providerId;
    /** "Today": pinned for the embedded simulator's demo data, else the system clock. */
    final Clock clock;

    private Connection(ParsClient client, ParsSimulator simulator, String description, String providerId, Clock clock) {
        this.client = client;
        this.simulator = simulator;
        this.description = description;
        this.providerId = providerId;
        this.clock = clock;
    }

    static Connection open(Map<String, String> options) {
        int concurrency = concurrency(options); // checked before anything is started
        ParsEndpoints.Generation generation = generation(options);
        LocalDate judgedAsOf = asOf(options);
        String url = setting(options, "pars-url", "PARS_URL");
        if (url == null) {
            Clock asOf =
                    judgedAsOf != null ? movingFrom(judgedAsOf, ZoneId.of("America/Chicago")) : DemoActivities.clock();
            // Bounded, so the demo's memory stays flat on any roster size (see retainAtMost).
            ParsSimulator sim = ParsSimulator.builder()
                    .clock(asOf)
                    .retainAtMost(SIMULATOR_RETAINS)
                    .generation(generation)
                    .build()
                    .start();
            DemoActivities.ALL.forEach(sim::addActivity);
            ParsClient client = sim.clientBuilder()
                    .providerName("Example Health Continuing Education")
                    .userAgent("pars-examples")
                    .maxConcurrentRequests(concurrency)
                    .build();
            return new Connection(
                    client,
                    sim,
                    "No PARS URL configured: using the embedded PARS simulator at " + sim.baseUrl() + " (" + generation
                            + " API; dates judged as of " + LocalDate.now(asOf) + ")",
                    DemoActivities.PROVIDER_ID,
                    asOf);
        }
        String provider = required(options, "provider-id", "PARS_PROVIDER_ID");
        Clock clock = judgedAsOf == null ? Clock.systemDefaultZone() : movingFrom(judgedAsOf, ZoneId.systemDefault());
        ParsClient client = ParsClient.builder()
                .baseUrl(url)
                .providerId(provider)
                .providerName(required(options, "provider-name", "PARS_PROVIDER_NAME"))
                .credentials(ParsCredentials.of(
                        required(options, "user", "PARS_USER"), required(options, "password", "PARS_PASSWORD")))
                .generation(generation)
                .userAgent("pars-examples")
                .maxConcurrentRequests(concurrency)
                .clock(clock)
                .build();
        return new Connection(
                client,
                null,
                "Reporting to " + url + " (" + generation + " API) as provider " + provider
                        + (judgedAsOf == null ? "" : "; dates judged as of " + judgedAsOf),
                provider,
                clock);
    }

    /** A clock that reads {@code day} at the present time of day, and keeps moving. */
    static Clock movingFrom(LocalDate day, ZoneId zone) {
        Clock system = Clock.system(zone);
        return Clock.offset(
                system, java.time.Duration.between(LocalDate.now(system).atStartOfDay(zone), day.atStartOfDay(zone)));
    }

    /**
     * {@code --as-of YYYY-MM-DD}: the day against which dates are judged (a completion in the
     * future, the reporting window, deadlines), for rehearsing a roster against a test PARS
     * whose clock is set to that day. Default: today, or the demo day for the embedded simulator.
     * PARS still judges by its own clock.
     */
    private static LocalDate asOf(Map<String, String> options) {
        String raw = options.get("as-of");
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be a date as YYYY-MM-DD");
        }
    }

    /** Credit lines the embedded simulator remembers; older ones are forgotten. */
    static final int SIMULATOR_RETAINS = 200_000;

    /** Largest {@code --concurrency} accepted. */
    static final int MAX_CONCURRENCY = 64;

    private static int concurrency(Map<String, String> options) {
        String raw = options.getOrDefault("concurrency", "1");
        int n;
        try {
            n = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("--concurrency must be a whole number from 1 to " + MAX_CONCURRENCY);
        }
        return n;
    }

    /** {@code --api wcf|rest} (or PARS_API): the generation of the PARS API; default wcf. */
    private static ParsEndpoints.Generation generation(Map<String, String> options) {
        String raw = setting(options, "api", "PARS_API");
        if (raw == null) {
            return ParsEndpoints.Generation.WCF;
        }
        return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
            case "wcf" -> ParsEndpoints.Generation.WCF;
            case "rest" -> ParsEndpoints.Generation.REST;
            default -> throw new IllegalArgumentException("--api must be wcf or rest");
        };
    }

    private static String setting(Map<String, String> options, String option, String env) {
        String v = options.get(option);
        if (v == null) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String required(Map<String, String> options, String option, String env) {
        String v = setting(options, option, env);
        if (v == null) {
            throw new IllegalArgumentException("--" + option + " (or " + env + ") is required with a PARS URL");
        }
        return v;
    }

    /** Every option an example accepts; a misspelt one is refused rather than ignored. */
    static final java.util.Set<String> OPTIONS = java.util.Set.of(
            "pars-url",
            "provider-id",
            "provider-name",
            "user",
            "password",
            "report",
            "slice",
            "concurrency",
            "encoding",
            "ledger",
            "ledger-user",
            "ledger-password",
            "ledger-key-file",
            "excel",
            "api",
            "check",
            "as-of");

    /** Parses {@code --name value} pairs; other arguments are positional under keys "0", "1"... */
    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option " + args[i] + "; known: --"
                            + String.join(", --", new java.util.TreeSet<>(OPTIONS)));
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                out.put(name, args[++i]);
            } else {
                out.put(Integer.toString(positional++), args[i]);
            }
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
