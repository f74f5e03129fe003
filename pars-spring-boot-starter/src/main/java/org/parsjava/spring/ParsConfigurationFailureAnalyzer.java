/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a wrong {@code pars.*} setting into Spring Boot's failure report: what is wrong, what to do. */
class ParsConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidParsConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidParsConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
