/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.parsjava.core.model.CreditStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pars status}: what PARS holds under a CreditID. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "What PARS holds under a CreditID (exit 1 when nothing).")
final class StatusCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    ParsCommand top;

    @Parameters(index = "0", paramLabel = "CREDIT_ID", description = "e.g. ccid:0001234:enrolment-88231-cme")
    String creditId;

    @CommandLine.ArgGroup(exclusive = false, heading = "%nPARS:%n")
    ConnectionOptions connection = new ConnectionOptions();

    @Override
    public Integer call() {
        ParsSettings settings = connection.settings(top.environment());
        try (ParsConnection pars = settings.open()) {
            top.out().println("Asking " + pars.description());
            List<CreditStatus> statuses = pars.client().learners().status(creditId);
            if (statuses.isEmpty()) {
                top.out().println((pars.simulated() ? "The simulator" : "PARS") + " holds nothing under " + creditId);
                return 1;
            }
            statuses.forEach(s -> top.out().println(s.creditId() + ": " + s.state() + " (" + s.rawStatus() + ")"));
            return 0;
        }
    }
}
