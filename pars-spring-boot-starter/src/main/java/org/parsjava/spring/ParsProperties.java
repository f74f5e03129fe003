/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import java.time.Duration;
import org.parsjava.client.ParsEndpoints;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code pars.*} settings. Only {@code base-url}, {@code provider-id},
 * {@code provider-name}, {@code user} and {@code password} are required; the client is created
 * once {@code pars.base-url} is set. {@link #toString()} shows no credentials.
 */
@ConfigurationProperties(prefix = "pars")
public class ParsProperties {

    /** The PARS base URL ACCME gave you (https; http only on a loopback address). */
    private String baseUrl;
    /** The 7-digit ACCME provider ID, leading zeros kept. */
    private String providerId;
    /** The accredited provider's name, as PARS knows it. */
    private String providerName;
    /** The web-services user ACCME issued. */
    private String user;
    /** The web-services password ACCME issued. */
    private String password;
    /** Which generation of the PARS API the account talks to: WCF (default) or REST. */
    private ParsEndpoints.Generation generation = ParsEndpoints.Generation.WCF;
    /**
     * A file of endpoint corrections (paths, methods, success statuses), as {@code pars conformance}
     * writes them; its generation replaces {@link #generation}.
     */
    private java.nio.file.Path endpointsFile;
    /**
     * A rules catalogue file (boards, board ID formats, credit types, per-board rules); one that
     * says {@code "extends": "defaults"} adds to the shipped catalogue. Unset: the shipped one.
     */
    private java.nio.file.Path rulesFile;
    /** Connect timeout. */
    private Duration connectTimeout = Duration.ofSeconds(10);
    /** Read timeout. */
    private Duration readTimeout = Duration.ofSeconds(60);
    /** Requests in flight at once, across the client. */
    private int maxConcurrentRequests = 1;
    /** Retries. */
    private final Retry retry = new Retry();
    /** The reporting ledger (needs pars-ledger and a DataSource). */
    private final Ledger ledger = new Ledger();
    /** The dashboard (needs pars-dashboard, the ledger and a servlet web application). */
    private final Dashboard dashboard = new Dashboard();

    /** Retry settings. */
    public static class Retry {
        /** Attempts per request, the first included. */
        private int maxAttempts = 4;
        /** Longest time one request may take, retries included. */
        private Duration totalDeadline = Duration.ofMinutes(2);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getTotalDeadline() {
            return totalDeadline;
        }

        public void setTotalDeadline(Duration totalDeadline) {
            this.totalDeadline = totalDeadline;
        }
    }

    /** Dashboard settings. */
    public static class Dashboard {
        /** Whether the dashboard is served. */
        private boolean enabled;
        /** Where it is mounted, below the application's context path. */
        private String path = "/pars-dashboard";
        /** The Spring Security role a user needs to see it (without the ROLE_ prefix). */
        private String role = "PARS_DASHBOARD";
        /** Pages only: no withdraw, no send now, no learner identity. */
        private boolean readOnly;
        /**
         * Whether it may be served when the application has no Spring Security: people then get
         * in by a one-time link printed at startup. For local use only.
         */
        private boolean allowWithoutSpringSecurity;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public boolean isReadOnly() {
            return readOnly;
        }

        public void setReadOnly(boolean readOnly) {
            this.readOnly = readOnly;
        }

        public boolean isAllowWithoutSpringSecurity() {
            return allowWithoutSpringSecurity;
        }

        public void setAllowWithoutSpringSecurity(boolean allowWithoutSpringSecurity) {
            this.allowWithoutSpringSecurity = allowWithoutSpringSecurity;
        }
    }

    /** Ledger settings. */
    public static class Ledger {
        /** The ledger's AES-256 key, base64 (32 bytes). The ledger is created only when it is set. */
        private String key;
        /** How often the worker sends what is due and asks PARS about board decisions. */
        private Duration workerInterval = Duration.ofMinutes(1);
        /** Whether the worker runs in this application. */
        private boolean workerEnabled = true;
        /** How far ahead an entry counts as at risk, for metrics. */
        private Duration atRiskWithin = Duration.ofDays(7);
        /**
         * Whether the ledger may live in an in-memory database (lost at restart): for tests only.
         * Without it, a ledger on an in-memory H2 DataSource stops the application's start.
         */
        private boolean allowInMemory;

        public boolean isAllowInMemory() {
            return allowInMemory;
        }

        public void setAllowInMemory(boolean allowInMemory) {
            this.allowInMemory = allowInMemory;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public Duration getWorkerInterval() {
            return workerInterval;
        }

        public void setWorkerInterval(Duration workerInterval) {
            this.workerInterval = workerInterval;
        }

        public boolean isWorkerEnabled() {
            return workerEnabled;
        }

        public void setWorkerEnabled(boolean workerEnabled) {
            this.workerEnabled = workerEnabled;
        }

        public Duration getAtRiskWithin() {
            return atRiskWithin;
        }

        public void setAtRiskWithin(Duration atRiskWithin) {
            this.atRiskWithin = atRiskWithin;
        }

        @Override
        public String toString() {
            return "Ledger[key " + (key == null ? "unset" : "set") + ", worker " + workerEnabled + "]";
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getProviderId() {
        return providerId;
    }

    public void setProviderId(String providerId) {
        this.providerId = providerId;
    }

    public String getProviderName() {
        return providerName;
    }

    public void setProviderName(String providerName) {
        this.providerName = providerName;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public ParsEndpoints.Generation getGeneration() {
        return generation;
    }

    public void setGeneration(ParsEndpoints.Generation generation) {
        this.generation = generation;
    }

    public java.nio.file.Path getEndpointsFile() {
        return endpointsFile;
    }

    public void setEndpointsFile(java.nio.file.Path endpointsFile) {
        this.endpointsFile = endpointsFile;
    }

    public java.nio.file.Path getRulesFile() {
        return rulesFile;
    }

    public void setRulesFile(java.nio.file.Path rulesFile) {
        this.rulesFile = rulesFile;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Retry getRetry() {
        return retry;
    }

    public Ledger getLedger() {
        return ledger;
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    @Override
    public String toString() {
        return "ParsProperties[" + baseUrl + ", provider " + providerId + ", " + generation + ", " + ledger + "]";
    }
}
