/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.util.List;
import org.parsjava.core.model.CreditStatus;

/**
 * Checks what PARS holds for a CreditID: {@code CheckStatus ccid:0001234:enrolment-88231-cme}.
 * Against the embedded simulator it first reports the completion of
 * {@link ReportOneCompletion} so there is something to find.
 */
public final class CheckStatus {

    private CheckStatus() {}

    /** Entry point: on the embedded simulator, reports one demo completion first so there is something to find. */
    public static void main(String[] args) {
        int code = run(args, System.out, true);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Prints what PARS holds under the CreditID given as the first argument and returns the exit
     * code: 0 when PARS holds it, 1 when it holds nothing, 2 for a usage or configuration error,
     * 3 when PARS could not be asked.
     *
     * @param demo on the embedded simulator, report one demo completion first
     */
    public static int run(String[] args, java.io.PrintStream out, boolean demo) {
        java.util.Map<String, String> options;
        try {
            options = Connection.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        String creditId = options.getOrDefault("0", "ccid:0001234:enrolment-88231-cme");
        try (Connection pars = Connection.open(options)) {
            out.println(pars.description);
            if (demo && pars.simulator != null) {
                ReportOneCompletion.report(pars.client);
            }
            List<CreditStatus> statuses = pars.client.learners().status(creditId);
            if (statuses.isEmpty()) {
                out.println("PARS holds nothing under " + creditId);
                return 1;
            }
            statuses.forEach(s -> out.println(s.creditId() + ": " + s.state() + " (" + s.rawStatus() + ")"));
            return 0;
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        } catch (org.parsjava.client.exception.ParsException e) {
            out.println("error: " + e.getMessage());
            return 3;
        }
    }
}
