/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEventListener;
import org.parsjava.client.RetryPolicy;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.rules.RulesCatalogueException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of pars-java, active once {@code pars.base-url} is set (without it the
 * starter says so at startup, and a failure report explains a missing {@link ParsClient}):
 * <ul>
 *   <li>a {@link ParsClient} from {@link ParsProperties}, observed by every
 *       {@link ParsEventListener} bean;
 *   <li>with Micrometer and a {@code MeterRegistry}: the client's metrics
 *       ({@link ParsMetricsConfiguration});
 *   <li>with pars-ledger, a {@code DataSource} and {@code pars.ledger.key}: the reporting ledger,
 *       its worker and gauges ({@link ParsLedgerConfiguration});
 *   <li>with pars-job: the reporting job, through the ledger when there is one
 *       ({@link ParsJobConfiguration});
 *   <li>with Actuator: a {@code pars} health indicator ({@link ParsHealthConfiguration});
 *   <li>with pars-dashboard, the ledger, a servlet web application and
 *       {@code pars.dashboard.enabled=true}: the dashboard under {@code pars.dashboard.path}
 *       ({@link ParsDashboardConfiguration}).
 * </ul>
 * Every bean backs off when the application defines its own. When the application has one
 * {@link java.time.Clock} bean, the client and the ledger judge dates and deadlines by it
 * (otherwise by the system clock). A wrong setting stops the start with a message naming the
 * {@code pars.*} property.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnProperty(prefix = "pars", name = "base-url")
@EnableConfigurationProperties(ParsProperties.class)
@Import({
    ParsMetricsConfiguration.class,
    ParsLedgerConfiguration.class,
    ParsJobConfiguration.class,
    ParsHealthConfiguration.class,
    ParsDashboardConfiguration.class
})
public class ParsAutoConfiguration {

    /**
     * The rules catalogue: the file {@code pars.rules-file} names (a catalogue of its own, or one
     * that extends the shipped catalogue), else the shipped one. Define a bean of your own to
     * build it in code.
     */
    @Bean
    @ConditionalOnMissingBean
    public RulesCatalogue parsRulesCatalogue(ParsProperties p) {
        if (p.getRulesFile() == null) {
            return RulesCatalogue.defaults();
        }
        try {
            return RulesCatalogue.load(p.getRulesFile());
        } catch (RulesCatalogueException e) {
            throw new InvalidParsConfigurationException(
                    "pars.rules-file: " + e.getMessage(),
                    "Point pars.rules-file at a rules catalogue file (see the README's PARS rules section), or remove "
                            + "it to use the shipped catalogue.");
        }
    }

    /** The client. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ParsClient parsClient(
            ParsProperties p,
            ObjectProvider<ParsEventListener> listeners,
            ObjectProvider<java.time.Clock> clock,
            RulesCatalogue rules) {
        try {
            ParsClient.Builder b = ParsClient.builder().baseUrl(p.getBaseUrl()).rules(rules);
            clock.ifUnique(b::clock);
            // Unset values are left to the client's own check, which names everything missing at once.
            if (p.getProviderId() != null) {
                b.providerId(p.getProviderId());
            }
            if (p.getProviderName() != null) {
                b.providerName(p.getProviderName());
            }
            b.generation(p.getGeneration());
            if (p.getEndpointsFile() != null) {
                try {
                    b.endpoints(p.getEndpointsFile());
                } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                    throw new InvalidParsConfigurationException(
                            "pars.endpoints-file: " + e.getMessage(),
                            "Point pars.endpoints-file at an endpoints file as pars conformance writes it, or remove it.");
                }
            }
            b.connectTimeout(p.getConnectTimeout())
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
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidParsConfigurationException(
                    PropertyNames.of(e.getMessage()),
                    "Set the pars.* properties named above (application.properties or the environment, e.g. "
                            + "PARS_PROVIDER_ID for pars.provider-id).");
        }
    }
}
