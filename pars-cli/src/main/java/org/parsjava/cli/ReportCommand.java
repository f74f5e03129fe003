/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pars report}: the reporting job, through the ledger by default. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Report a roster to PARS through the reporting ledger (or straight to PARS with --ledger none), "
                + "or write ACCME's Excel upload file with --excel.")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    ParsCommand top;

    @Mixin
    RosterOptions roster = new RosterOptions();

    @CommandLine.ArgGroup(exclusive = false, heading = "%nPARS:%n")
    ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.ArgGroup(exclusive = false, heading = "%nLedger:%n")
    LedgerOptions ledger = new LedgerOptions();

    @Option(
            names = "--excel",
            paramLabel = "FILE",
            description = "write ACCME's learner upload file instead of sending (activities are still looked up)")
    Path excel;

    @Option(names = "--slice", paramLabel = "N", description = "rows read and reported at a time (default 5000)")
    Integer slice;

    @Override
    public Integer call() {
        return new JobCommand(top, roster, connection).run(ledger, excel, slice, false);
    }
}
