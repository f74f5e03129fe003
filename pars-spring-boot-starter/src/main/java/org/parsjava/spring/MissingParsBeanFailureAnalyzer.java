/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.ResolvableType;

/**
 * When the application needs a pars-java bean the starter did not create, says why: the client
 * needs {@code pars.base-url}; the ledger needs pars-ledger, a {@code DataSource} and
 * {@code pars.ledger.key}.
 */
class MissingParsBeanFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        ResolvableType type = cause.getResolvableType();
        String name =
                type == null || type.resolve() == null ? "" : type.resolve().getName();
        if (name.equals("org.parsjava.client.ParsClient")
                || name.equals("org.parsjava.job.ReportingJob")
                || name.equals("org.parsjava.spring.ParsHealthIndicator")) {
            return new FailureAnalysis(
                    "The application needs " + simple(name) + ", but pars-java configures it only once "
                            + "pars.base-url is set, and it is not.",
                    "Set pars.base-url (PARS_BASE_URL) to the URL ACCME gave you, with pars.provider-id, "
                            + "pars.provider-name, pars.user and pars.password.",
                    cause);
        }
        if (name.equals("org.parsjava.ledger.ReportingLedger")) {
            return new FailureAnalysis(
                    "The application needs a ReportingLedger, which pars-java configures when pars.base-url and "
                            + "pars.ledger.key are set, pars-ledger is on the class path, and the application has a "
                            + "DataSource.",
                    "Set pars.base-url and pars.ledger.key (Base64 of 32 random bytes), add "
                            + "org.parsjava:pars-ledger, and configure spring.datasource.url.",
                    cause);
        }
        return null;
    }

    private static String simple(String name) {
        return "a " + name.substring(name.lastIndexOf('.') + 1);
    }
}
