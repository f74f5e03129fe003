/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parsjava.client.EndpointsFile;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.conformance.ConformanceReport;
import org.parsjava.client.conformance.ConformanceRun;
import org.parsjava.client.conformance.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pars conformance}: checks every wire assumption against a PARS (ACCME's test
 * environment), writes a Markdown and a JSON report, and the corrected endpoints when a refuted
 * one can be corrected. Exit 0 when nothing is refuted, 1 when something is.
 */
@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        description = "Check every assumption about the PARS web services against a PARS (ACCME's test "
                + "environment): creates a synthetic test activity and learner records, deletes them again, and "
                + "reports each assumption CONFIRMED, REFUTED or NOT_TESTED. Exit 0 only when nothing is refuted.")
final class ConformanceCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    ParsCommand top;

    @CommandLine.ArgGroup(exclusive = false, heading = "%nPARS:%n")
    ConnectionOptions connection = new ConnectionOptions();

    @Option(
            names = "--report-dir",
            paramLabel = "DIR",
            description = "where conformance-report.md, conformance-report.json and (when something can be corrected) "
                    + "conformance-endpoints.json are written (default: the current directory)")
    Path reportDir = Path.of(".");

    @Option(names = "--yes", description = "do not ask before creating test records (for pipelines)")
    boolean yes;

    @Override
    public Integer call() {
        if (connection.demo) {
            throw new UsageException("pars conformance checks a PARS you name: run pars simulator and give its URL, "
                    + "or ACCME's test environment");
        }
        ParsSettings settings = connection.settings(top.environment());
        if (Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
            throw new UsageException("--report-dir " + reportDir + " is a file, not a folder");
        }
        ConformanceRun run = ConformanceRun.builder()
                .baseUrl(settings.url())
                .providerId(settings.providerId())
                .providerName(settings.providerName())
                .credentials(settings.credentials())
                .endpoints(
                        settings.endpoints() != null ? settings.endpoints() : ParsEndpoints.of(settings.generation()))
                .clock(
                        settings.asOf() == null
                                ? java.time.Clock.systemDefaultZone()
                                : ParsSettings.movingFrom(settings.asOf(), java.time.ZoneId.systemDefault()))
                .build();
        top.out()
                .println("This run creates a synthetic test activity and learner records (marked as test data) in "
                        + run.target().describe() + " at " + run.target().baseUrl() + ", then deletes them.");
        if (!yes && !confirmed()) {
            top.out().println("Nothing was created.");
            return 2;
        }
        ConformanceReport report = run.run();
        try {
            Files.createDirectories(reportDir);
            Path md = reportDir.resolve("conformance-report.md");
            Path json = reportDir.resolve("conformance-report.json");
            Files.writeString(md, report.toMarkdown(), StandardCharsets.UTF_8);
            Files.writeString(json, report.toJson(), StandardCharsets.UTF_8);
            top.out()
                    .println("Confirmed " + report.count(Verdict.CONFIRMED) + ", refuted "
                            + report.count(Verdict.REFUTED) + ", not tested " + report.count(Verdict.NOT_TESTED)
                            + " of "
                            + report.findings().size() + " assumptions.");
            report.findings().stream()
                    .filter(f -> f.verdict() == Verdict.REFUTED)
                    .forEach(
                            f -> top.out().println("  REFUTED " + f.assumption().id() + ": " + f.note()));
            report.housekeeping().forEach(h -> top.out().println("  " + h));
            top.out().println("Report: " + md.toAbsolutePath() + " and " + json.toAbsolutePath());
            if (report.correctedEndpoints().isPresent()) {
                Path endpoints = reportDir.resolve("conformance-endpoints.json");
                EndpointsFile.write(report.correctedEndpoints().get(), endpoints);
                top.out()
                        .println("Corrected endpoints: " + endpoints.toAbsolutePath() + " (use them with --endpoints "
                                + endpoints + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the report cannot be written to " + reportDir, e);
        }
        return report.nothingRefuted() ? 0 : 1;
    }

    private boolean confirmed() {
        top.out().print("Continue? [y/N] ");
        top.out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(top.in(), StandardCharsets.UTF_8)).readLine();
            return answer != null
                    && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
