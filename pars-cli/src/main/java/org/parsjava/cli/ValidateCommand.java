/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pars validate}: every row checked by the rules applied before sending; nothing sent. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check every row of a roster by the rules applied before sending (activities looked up in "
                + "PARS); send nothing.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    ParsCommand top;

    @Mixin
    RosterOptions roster = new RosterOptions();

    @CommandLine.ArgGroup(exclusive = false, heading = "%nPARS:%n")
    ConnectionOptions connection = new ConnectionOptions();

    @Override
    public Integer call() {
        return new JobCommand(top, roster, connection).run(null, null, null, true);
    }
}
