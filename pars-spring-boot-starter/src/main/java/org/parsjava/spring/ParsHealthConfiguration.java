/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import org.parsjava.client.ParsClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code pars} health indicator, when Actuator is there. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class ParsHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "parsHealthIndicator")
    ParsHealthIndicator parsHealthIndicator(
            ParsClient client, ParsProperties p, ObjectProvider<LedgerOverdue> overdue) {
        return new ParsHealthIndicator(client, p.getProviderId() == null ? "0000000" : p.getProviderId(), overdue);
    }
}
