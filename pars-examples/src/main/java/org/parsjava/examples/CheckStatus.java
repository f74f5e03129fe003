/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.util.List;
import org.parsjava.core.model.CreditStatus;

/**
 * Checks what PARS holds for a CreditID: {@code CheckStatus ccid:0001234:enrolment-88231-cme}.
 * Against the embedded simulator it first reports the completion of {@link ReportOneCompletion}
 * so there is something to find.
 */
public final class CheckStatus {

    private CheckStatus() {}

    /** Entry point; exits 1 when PARS holds nothing under the CreditID. */
    public static void main(String[] args) {
        String creditId = args.length > 0 ? args[0] : "ccid:0001234:enrolment-88231-cme";
        try (ExampleConnection pars = ExampleConnection.open()) {
            System.out.println(pars.description());
            if (pars.simulator() != null) {
                ReportOneCompletion.report(pars.client());
            }
            List<CreditStatus> statuses = pars.client().learners().status(creditId);
            if (statuses.isEmpty()) {
                System.out.println("PARS holds nothing under " + creditId);
                System.exit(1);
            }
            statuses.forEach(s -> System.out.println(s.creditId() + ": " + s.state() + " (" + s.rawStatus() + ")"));
        }
    }
}
