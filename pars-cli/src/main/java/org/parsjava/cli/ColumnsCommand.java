/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.util.concurrent.Callable;
import org.parsjava.core.batch.RosterColumns;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pars columns}: the roster's columns, what each holds, with examples. */
@Command(
        name = "columns",
        mixinStandardHelpOptions = true,
        description = "List the columns a roster has: the header names, what each holds, and example values.")
final class ColumnsCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    ParsCommand top;

    @Override
    public Integer call() {
        top.out()
                .println("A roster is CSV (or an .xlsx sheet) whose first row names its columns; names match "
                        + "ignoring case, spaces and underscores, in any order.");
        for (RosterColumns.Column c : RosterColumns.describe()) {
            top.out()
                    .printf(
                            "  %-16s %-9s %s%n  %-16s %-9s e.g. %s%n",
                            c.name(), c.required() ? "required" : "optional", c.holds(), "", "", c.example());
        }
        return 0;
    }
}
