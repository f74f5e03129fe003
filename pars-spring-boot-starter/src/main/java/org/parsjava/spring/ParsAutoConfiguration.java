/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEventListener;
import org.parsjava.client.RetryPolicy;
import org.parsjava.client.metrics.ParsMetrics;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.ledger.metrics.LedgerMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of pars-java, active once {@code pars.base-url} is set:
 * <ul>
 *   <li>a {@link ParsClient} from {@link ParsProperties}, observed by every
 *       {@link ParsEventListener} bean;
 *   <li>with Micrometer and a {@link MeterRegistry}: {@link ParsMetrics} as such a listener;
 *   <li>with pars-ledger, a {@link DataSource} and {@code pars.ledger.key}: a
 *       {@link ReportingLedger} on that DataSource, its worker started and stopped with the
 *       context, and its gauges;
 *   <li>with Actuator: a {@code pars} health indicator.
 * </ul>
 * Every bean backs off when the application defines its own. When the application has one
 * {@link java.time.Clock} bean, the client and the ledger judge dates and deadlines by it
 * (otherwise by the system clock).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnProperty(prefix = "pars", name = "base-url")
@EnableConfigurationProperties(ParsProperties.class)
public class ParsAutoConfiguration {

    /** The client. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ParsClient parsClient(
            ParsProperties p, ObjectProvider<ParsEventListener> listeners, ObjectProvider<java.time.Clock> clock) {
        ParsClient.Builder b = ParsClient.builder().baseUrl(p.getBaseUrl());
        clock.ifUnique(b::clock);
        // Unset values are left to the client's own check, which names everything missing at once.
        if (p.getProviderId() != null) {
            b.providerId(p.getProviderId());
        }
        if (p.getProviderName() != null) {
            b.providerName(p.getProviderName());
        }
        b.generation(p.getGeneration())
                .connectTimeout(p.getConnectTimeout())
                .readTimeout(p.getReadTimeout())
                .maxConcurrentRequests(p.getMaxConcurrentRequests())
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(p.getRetry().getMaxAttempts())
                        .totalDeadline(p.getRetry().getTotalDeadline())
                        .build());
        if (p.getUser() != null && p.getPassword() != null) {
            b.credentials(ParsCredentials.of(p.getUser(), p.getPassword()));
        }
        ParsEventListener[] all = listeners.orderedStream().toArray(ParsEventListener[]::new);
        if (all.length > 0) {
            b.eventListener(all.length == 1 ? all[0] : ParsEventListener.composite(all));
        }
        return b.build();
    }

    /** Metrics of the client, when Micrometer is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {
        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean(ParsMetrics.class)
        ParsMetrics parsMetrics(MeterRegistry registry) {
            return new ParsMetrics(registry);
        }
    }

    /** The ledger, when pars-ledger, a DataSource and a key are there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReportingLedger.class)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnProperty(prefix = "pars.ledger", name = "key")
    static class Ledger {
        /**
         * After the application's own schema migrations (Spring Boot's Flyway or Liquibase), so
         * they never meet the ledger's tables in an uninitialised schema; the ledger then
         * migrates beside them with its own history table.
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        @DependsOnDatabaseInitialization
        ReportingLedger reportingLedger(
                DataSource dataSource, ParsClient client, ParsProperties p, ObjectProvider<java.time.Clock> clock) {
            ReportingLedger.Builder b = ReportingLedger.builder()
                    .dataSource(dataSource)
                    .client(client)
                    .key(LedgerKey.fromBase64(p.getLedger().getKey()));
            clock.ifUnique(b::clock);
            return b.build();
        }

        @Bean
        @ConditionalOnMissingBean
        LedgerOverdue parsLedgerOverdue(ReportingLedger ledger) {
            return ledger::countOverdue;
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "pars.ledger", name = "worker-enabled", matchIfMissing = true)
        ParsLedgerWorkerLifecycle parsLedgerWorker(ReportingLedger ledger, ParsProperties p) {
            return new ParsLedgerWorkerLifecycle(ledger, p.getLedger().getWorkerInterval());
        }

        /** Ledger gauges, when Micrometer is there. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(MeterRegistry.class)
        static class LedgerGauges {
            @Bean
            @ConditionalOnBean(MeterRegistry.class)
            @ConditionalOnMissingBean(name = "parsLedgerMetrics")
            Object parsLedgerMetrics(ReportingLedger ledger, MeterRegistry registry, ParsProperties p) {
                LedgerMetrics.bind(ledger, registry, p.getLedger().getAtRiskWithin());
                return new Object();
            }
        }
    }

    /** The health indicator, when Actuator is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "parsHealthIndicator")
        ParsHealthIndicator parsHealthIndicator(
                ParsClient client, ParsProperties p, ObjectProvider<LedgerOverdue> overdue) {
            return new ParsHealthIndicator(client, p.getProviderId() == null ? "0000000" : p.getProviderId(), overdue);
        }
    }
}
