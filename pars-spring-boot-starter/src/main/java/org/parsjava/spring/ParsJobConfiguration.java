/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import org.parsjava.client.ParsClient;
import org.parsjava.job.Destination;
import org.parsjava.job.ReportingJob;
import org.parsjava.ledger.ReportingLedger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reporting job, when pars-job is there: a roster reported through the ledger when the
 * application has one, else straight to PARS. {@code job.run(Roster.file(path))} runs it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ReportingJob.class)
class ParsJobConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReportingJob parsReportingJob(
            ParsClient client, ObjectProvider<ReportingLedger> ledger, ObjectProvider<java.time.Clock> clock) {
        ReportingLedger l = ledger.getIfUnique();
        ReportingJob.Builder b = ReportingJob.builder()
                .client(client)
                .destination(l != null ? Destination.ledger(l) : Destination.pars());
        clock.ifUnique(b::clock);
        return b.build();
    }
}
