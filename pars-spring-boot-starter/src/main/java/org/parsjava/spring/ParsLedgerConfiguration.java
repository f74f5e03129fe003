/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.parsjava.client.ParsClient;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.ledger.metrics.LedgerMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reporting ledger on the application's {@link DataSource}, when pars-ledger is there and
 * {@code pars.ledger.key} is set: its worker in the context's lifecycle, its overdue count for
 * the health indicator, its gauges with Micrometer. A ledger in an in-memory database would lose
 * every entry at restart, so one is refused unless {@code pars.ledger.allow-in-memory=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ReportingLedger.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "pars.ledger", name = "key")
class ParsLedgerConfiguration {

    /**
     * After the application's own schema migrations (Spring Boot's Flyway or Liquibase), so
     * they never meet the ledger's tables in an uninitialised schema; the ledger then migrates
     * beside them with its own history table.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    ReportingLedger reportingLedger(
            DataSource dataSource, ParsClient client, ParsProperties p, ObjectProvider<java.time.Clock> clock) {
        if (!p.getLedger().isAllowInMemory() && inMemory(dataSource)) {
            throw new InvalidParsConfigurationException(
                    "pars.ledger: the application's DataSource is an in-memory database, so every ledger entry "
                            + "(what was reported, what is due) would be lost when the application stops",
                    "Set spring.datasource.url to a file or server database (jdbc:h2:file:..., "
                            + "jdbc:postgresql://...), or set pars.ledger.allow-in-memory=true in tests.");
        }
        LedgerKey key;
        try {
            key = LedgerKey.fromBase64(p.getLedger().getKey());
        } catch (IllegalArgumentException e) {
            throw new InvalidParsConfigurationException(
                    "pars.ledger.key is not a ledger key: Base64 of 32 random bytes is expected",
                    "Generate one (e.g. openssl rand -base64 32), keep it in your secrets store, and set "
                            + "pars.ledger.key (PARS_LEDGER_KEY) to it.");
        }
        ReportingLedger.Builder b =
                ReportingLedger.builder().dataSource(dataSource).client(client).key(key);
        clock.ifUnique(b::clock);
        return b.build();
    }

    private static boolean inMemory(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String url = c.getMetaData().getURL();
            return url != null
                    && (url.startsWith("jdbc:h2:mem:")
                            || url.startsWith("jdbc:hsqldb:mem:")
                            || url.startsWith("jdbc:derby:memory:"));
        } catch (SQLException e) {
            return false; // the ledger's own start reports a database it cannot reach
        }
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
