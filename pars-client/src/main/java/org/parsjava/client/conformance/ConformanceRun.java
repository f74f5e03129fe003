/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.parsjava.client.CredentialPlacement;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsTarget;
import org.parsjava.client.internal.AuthInterceptor;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsJsonCodec;
import org.parsjava.core.codec.ParsXmlCodec;

/**
 * Checks every assumption of the {@link WireAssumptions} catalogue against a PARS, ACCME's test
 * environment first: it creates a synthetic activity and learner records marked as test data,
 * exercises every operation of the generation (activity save, read and search; submit; a
 * duplicate; status by CreditID and by learner; a document with a refused report; learner match
 * or read by learner; transcripts; delete), deletes what it created, and reports each assumption
 * confirmed, refuted (with the status, content type and redacted body it observed) or not tested.
 * Where a refuted endpoint can be corrected from what was observed (another path answered,
 * another success status came back), the report carries corrected endpoints.
 *
 * <pre>{@code
 * ConformanceReport report = ConformanceRun.builder()
 *     .baseUrl(testParsUrl).providerId("0001234").providerName("Example Health CME")
 *     .credentials(ParsCredentials.of(user, password))
 *     .generation(ParsEndpoints.Generation.WCF)
 *     .build()
 *     .run();                                  // creates and deletes test records in that PARS
 * }</pre>
 *
 * Each exchange is one attempt, never retried, so what is observed is what PARS answered.
 */
public final class ConformanceRun {

    private final ParsTarget target;
    private final ParsEndpoints endpoints;
    private final ParsCodec codec;
    private final String providerName;
    private final ParsCredentials credentials;
    private final CredentialPlacement placement;
    private final Clock clock;

    private ConformanceRun(Builder b) {
        this.endpoints = b.endpoints;
        this.target = new ParsTarget(b.baseUrl, b.endpoints.generation(), b.providerId);
        this.codec = b.endpoints.generation() == ParsEndpoints.Generation.REST
                ? ParsJsonCodec.create()
                : ParsXmlCodec.create();
        this.providerName = b.providerName;
        this.credentials = b.credentials;
        this.placement = b.placement;
        this.clock = b.clock;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The PARS the run is against. */
    public ParsTarget target() {
        return target;
    }

    /**
     * Runs every check and returns the report. Creates a synthetic activity and learner records
     * in that PARS, and deletes them (the report says what it could not delete).
     */
    public ConformanceReport run() {
        HttpUrl base = Objects.requireNonNull(HttpUrl.parse(target.baseUrl()));
        OkHttpClient http = http(credentials);
        OkHttpClient refused = http(ParsCredentials.of(credentials.user(), "not-the-password-" + clock.millis()));
        try {
            return new ConformancePlan(
                            new Probe(http, base, codec, clock),
                            new Probe(refused, base, codec, clock),
                            codec,
                            endpoints,
                            target,
                            providerName,
                            clock)
                    .run();
        } finally {
            for (OkHttpClient c : new OkHttpClient[] {http, refused}) {
                c.dispatcher().executorService().shutdown();
                c.connectionPool().evictAll();
            }
        }
    }

    private OkHttpClient http(ParsCredentials with) {
        return new OkHttpClient.Builder()
                .addInterceptor(new AuthInterceptor(
                        target.providerId(), with, placement, "pars-java/" + ParsClient.VERSION + " conformance"))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofSeconds(120))
                .build();
    }

    @Override
    public String toString() {
        return "ConformanceRun[" + target.describe() + ", credentials=***]";
    }

    /** Configures a {@link ConformanceRun}; not thread safe. */
    public static final class Builder {
        private String baseUrl;
        private String providerId;
        private String providerName;
        private ParsCredentials credentials;
        private ParsEndpoints endpoints = ParsEndpoints.defaults();
        private CredentialPlacement placement = CredentialPlacement.HEADERS;
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {}

        /** The PARS base URL (ACCME's test environment, say). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** The 7-digit ACCME provider ID. */
        public Builder providerId(String providerId) {
            this.providerId = Objects.requireNonNull(providerId, "providerId");
            return this;
        }

        /** The accredited provider's name. */
        public Builder providerName(String providerName) {
            this.providerName = Objects.requireNonNull(providerName, "providerName");
            return this;
        }

        /** The web-services credentials. */
        public Builder credentials(ParsCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The generation to check: its preset endpoints. */
        public Builder generation(ParsEndpoints.Generation generation) {
            this.endpoints = ParsEndpoints.of(Objects.requireNonNull(generation, "generation"));
            return this;
        }

        /** The endpoints to check (a corrected file, say); sets the generation they belong to. */
        public Builder endpoints(ParsEndpoints endpoints) {
            this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
            return this;
        }

        /** Where the credentials travel (default headers). */
        public Builder credentialPlacement(CredentialPlacement placement) {
            this.placement = Objects.requireNonNull(placement, "placement");
            return this;
        }

        /** "Today" for the synthetic records' dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the run.
         *
         * @throws IllegalStateException naming what is missing
         */
        public ConformanceRun build() {
            StringBuilder missing = new StringBuilder();
            if (baseUrl == null) {
                missing.append("; baseUrl is required");
            }
            if (providerId == null || !providerId.matches("[0-9]{7}")) {
                missing.append("; providerId must be the 7-digit ACCME provider ID");
            }
            if (providerName == null || providerName.isBlank()) {
                missing.append("; providerName is required");
            }
            if (credentials == null) {
                missing.append("; credentials are required");
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("Invalid ConformanceRun configuration: " + missing.substring(2));
            }
            return new ConformanceRun(this);
        }
    }
}
