/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.rules.RulesCatalogueException;
import picocli.CommandLine.Option;

/**
 * Where PARS is and who reports: every setting an option or its environment variable. With
 * {@code --demo}, the embedded PARS simulator holding the demo activities instead (never
 * silently: without a URL and without {@code --demo} a command refuses to start).
 */
final class ConnectionOptions {

    /** Largest {@code --concurrency} accepted. */
    static final int MAX_CONCURRENCY = 64;

    @Option(names = "--pars-url", paramLabel = "URL", description = "PARS base URL ACCME gave you (env PARS_URL)")
    String url;

    @Option(
            names = "--provider-id",
            paramLabel = "ID",
            description = "7-digit ACCME provider ID (env PARS_PROVIDER_ID)")
    String providerId;

    @Option(
            names = "--provider-name",
            paramLabel = "NAME",
            description = "the accredited provider's name (env PARS_PROVIDER_NAME)")
    String providerName;

    @Option(names = "--user", paramLabel = "USER", description = "web-services user (env PARS_USER)")
    String user;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            arity = "0..1",
            interactive = true,
            description = "web-services password (env PARS_PASSWORD; alone, asked for without echo)")
    String password;

    @Option(
            names = "--api",
            paramLabel = "wcf|rest",
            description = "generation of the PARS API (env PARS_API; default wcf)")
    String api;

    @Option(
            names = "--endpoints",
            paramLabel = "FILE",
            description = "PARS endpoints from a file (env PARS_ENDPOINTS_FILE): corrections of the API "
                    + "generation's paths, methods and statuses, as pars conformance writes them")
    java.nio.file.Path endpointsFile;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "PARS rules catalogue from a file (env PARS_RULES_FILE): boards, board ID formats, credit "
                    + "types and per-board rules; \"extends\": \"defaults\" adds to the shipped catalogue")
    java.nio.file.Path rulesFile;

    @Option(
            names = "--demo",
            description = "use the embedded PARS simulator with its demo activities instead of PARS "
                    + "(nothing reaches PARS; its own demo ledger)")
    boolean demo;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "requests in flight at once, 1 to " + MAX_CONCURRENCY + " (default 1)")
    Integer concurrency;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "judge dates as of this day, not today (to rehearse against a test PARS set to that day)")
    String asOf;

    /** The settings, checked; nothing is started. */
    ParsSettings settings(Environment env) {
        ParsEndpoints endpoints = endpoints(env);
        ParsEndpoints.Generation generation =
                endpoints != null ? endpoints.generation() : generation(env.setting(api, "PARS_API"));
        int inFlight = concurrency == null ? 1 : concurrency;
        if (inFlight < 1 || inFlight > MAX_CONCURRENCY) {
            throw new UsageException("--concurrency must be a whole number from 1 to " + MAX_CONCURRENCY);
        }
        LocalDate day = asOf == null ? null : day(asOf);
        String base = env.setting(url, "PARS_URL");
        if (demo) {
            if (url != null) {
                throw new UsageException(
                        "--demo and --pars-url exclude each other: the demo reports to the embedded " + "simulator");
            }
            return new ParsSettings(null, null, null, null, generation, endpoints, true, inFlight, day, rules(env));
        }
        if (base == null) {
            throw new UsageException("no PARS URL: set --pars-url (or PARS_URL) to the URL ACCME gave you, or add "
                    + "--demo to rehearse against the embedded simulator");
        }
        return new ParsSettings(
                base,
                env.required(providerId, "PARS_PROVIDER_ID", "--provider-id (or PARS_PROVIDER_ID)"),
                env.required(providerName, "PARS_PROVIDER_NAME", "--provider-name (or PARS_PROVIDER_NAME)"),
                ParsCredentials.of(
                        env.required(user, "PARS_USER", "--user (or PARS_USER)"),
                        env.required(password, "PARS_PASSWORD", "--password (or PARS_PASSWORD)")),
                generation,
                endpoints,
                false,
                inFlight,
                day,
                rules(env));
    }

    /** The rules catalogue file's, or the shipped one. */
    private RulesCatalogue rules(Environment env) {
        String file = env.setting(rulesFile == null ? null : rulesFile.toString(), "PARS_RULES_FILE");
        if (file == null) {
            return RulesCatalogue.defaults();
        }
        try {
            return RulesCatalogue.load(java.nio.file.Path.of(file));
        } catch (RulesCatalogueException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The endpoints file's, or null for the generation's preset. */
    private ParsEndpoints endpoints(Environment env) {
        String file = env.setting(endpointsFile == null ? null : endpointsFile.toString(), "PARS_ENDPOINTS_FILE");
        if (file == null) {
            return null;
        }
        try {
            return org.parsjava.client.EndpointsFile.read(java.nio.file.Path.of(file));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static ParsEndpoints.Generation generation(String raw) {
        if (raw == null) {
            return ParsEndpoints.Generation.WCF;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "wcf" -> ParsEndpoints.Generation.WCF;
            case "rest" -> ParsEndpoints.Generation.REST;
            default -> throw new UsageException("--api must be wcf or rest");
        };
    }

    private static LocalDate day(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of must be a date as YYYY-MM-DD");
        }
    }
}
