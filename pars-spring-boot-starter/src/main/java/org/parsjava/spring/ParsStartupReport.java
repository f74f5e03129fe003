/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Says, once the application is ready, that the starter is present but configured nothing because
 * {@code pars.base-url} is not set, so a starter that backs off is never silent.
 */
@AutoConfiguration(after = ParsAutoConfiguration.class)
@ConditionalOnExpression("'${pars.base-url:}'.isBlank()")
public class ParsStartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(ParsStartupReport.class);

    /** The message logged: no client, and what to set. */
    static final String MESSAGE = "pars-java: pars.base-url is not set, so no ParsClient, reporting ledger or "
            + "reporting job is configured; set pars.base-url (with pars.provider-id, pars.provider-name, pars.user, "
            + "pars.password) to report to PARS";

    /** Logs the message when the application is ready. */
    @Bean
    @ConditionalOnMissingBean(name = "parsStartupReportListener")
    ApplicationListener<ApplicationReadyEvent> parsStartupReportListener() {
        return event -> LOG.warn(MESSAGE);
    }
}
