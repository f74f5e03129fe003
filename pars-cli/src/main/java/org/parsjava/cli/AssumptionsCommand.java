/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.util.concurrent.Callable;
import org.parsjava.client.conformance.WireAssumption;
import org.parsjava.client.conformance.WireAssumptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pars assumptions}: every assumption about the PARS web services, with its source. */
@Command(
        name = "assumptions",
        mixinStandardHelpOptions = true,
        description = "List every assumption pars-java makes about the PARS web services, with its source "
                + "(ACCME's manual, ACCME's drafts, or inferred) and the code that relies on it.")
final class AssumptionsCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    ParsCommand top;

    @Option(names = "--generation", paramLabel = "wcf|rest", description = "only those about this generation")
    String generation;

    @Override
    public Integer call() {
        WireAssumptions catalogue = WireAssumptions.catalogue();
        org.parsjava.client.ParsEndpoints.Generation only = generation == null
                ? null
                : switch (generation.toLowerCase(java.util.Locale.ROOT)) {
                    case "wcf" -> org.parsjava.client.ParsEndpoints.Generation.WCF;
                    case "rest" -> org.parsjava.client.ParsEndpoints.Generation.REST;
                    default -> throw new UsageException("--generation must be wcf or rest");
                };
        top.out()
                .println("Wire assumptions, catalogue " + catalogue.version() + " (by source: "
                        + catalogue.countBySource() + ")");
        for (WireAssumption a : catalogue.all()) {
            if (only != null && !a.appliesTo(only)) {
                continue;
            }
            top.out().println();
            top.out()
                    .println(a.id() + "  [" + a.source() + "; "
                            + String.join(
                                    ", ",
                                    a.generations().stream()
                                            .map(Enum::name)
                                            .sorted()
                                            .toList()) + "]");
            top.out().println("  " + a.statement());
            top.out().println("  source: " + a.reference());
            top.out().println("  relied on by: " + a.dependsOn());
        }
        return 0;
    }
}
