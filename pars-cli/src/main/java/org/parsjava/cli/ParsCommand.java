/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parsjava.client.ParsClient;
import org.parsjava.examples.CheckStatus;
import org.parsjava.examples.ReportCompletions;
import org.parsjava.testkit.ParsSimulatorMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code pars} command line: {@code validate}, {@code report}, {@code status} and
 * {@code simulator}. The work is the main job's ({@code ReportCompletions}), so
 * {@code pars report} and the README's main-job command print the same summary. Exit codes: 0
 * done (every row accepted), 1 rows need fixing (or nothing held, for {@code status}), 2 usage
 * or configuration error, 3 rows failed in transport or the run stopped early.
 */
@Command(
        name = "pars",
        mixinStandardHelpOptions = true,
        versionProvider = ParsCommand.Version.class,
        description = "Report physicians' CME and MOC learner credit to ACCME PARS.",
        subcommands = {
            ParsCommand.Validate.class,
            ParsCommand.Report.class,
            ParsCommand.Status.class,
            ParsCommand.Simulator.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Without --pars-url (or PARS_URL), commands use an embedded PARS simulator holding demo " + "activities.",
            "Exit codes: 0 done, 1 rows need fixing, 2 usage error, 3 transport failure."
        })
public final class ParsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the commands print. */
    private final PrintStream out;

    private ParsCommand(PrintStream out) {
        this.out = out;
    }

    /** For picocli's reflection; prints to standard output. */
    ParsCommand() {
        this(System.out);
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out));
    }

    /** Runs the command line and returns its exit code; output goes to {@code out}. */
    public static int execute(String[] args, PrintStream out) {
        CommandLine cli = new CommandLine(new ParsCommand(out));
        java.io.PrintWriter writer = new java.io.PrintWriter(out, true);
        cli.setOut(writer);
        cli.setErr(writer);
        cli.getSubcommands().values().forEach(sub -> {
            sub.setOut(writer);
            sub.setErr(writer);
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            // Configuration mistakes exit 2; anything else failed while working, like a transport failure.
            out.println("error: " + e.getClass().getSimpleName());
            return e instanceof IllegalArgumentException || e instanceof IllegalStateException ? 2 : 3;
        });
        try {
            return cli.execute(args);
        } finally {
            writer.flush();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The SDK's version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pars " + ParsClient.VERSION};
        }
    }

    /** Where PARS is; each falls back to its environment variable. */
    static final class Connection {
        @Option(names = "--pars-url", description = "PARS base URL (env PARS_URL); none: the embedded simulator")
        String url;

        @Option(names = "--provider-id", description = "7-digit ACCME provider ID (env PARS_PROVIDER_ID)")
        String providerId;

        @Option(names = "--provider-name", description = "accredited provider's name (env PARS_PROVIDER_NAME)")
        String providerName;

        @Option(names = "--user", description = "web-services user (env PARS_USER)")
        String user;

        @Option(
                names = "--password",
                description = "web-services password (env PARS_PASSWORD)",
                arity = "0..1",
                interactive = true)
        String password;

        @Option(names = "--api", description = "generation of the PARS API: wcf (default) or rest (env PARS_API)")
        String api;

        void addTo(List<String> args) {
            add(args, "pars-url", url);
            add(args, "provider-id", providerId);
            add(args, "provider-name", providerName);
            add(args, "user", user);
            add(args, "password", password);
            add(args, "api", api);
        }
    }

    /** Options of the commands that read a roster. */
    static final class Roster {
        @Parameters(
                index = "0",
                arity = "0..1",
                paramLabel = "ROSTER",
                description = "CSV or .xlsx roster; none: the bundled 1,000-row sample")
        Path roster;

        @Option(
                names = "--report",
                paramLabel = "FILE",
                description = "rows to fix, as CSV " + "(default target/pars-rows-to-fix.csv)")
        Path report;

        @Option(names = "--encoding", paramLabel = "CHARSET", description = "the roster's encoding (default UTF-8)")
        String encoding;

        @Option(
                names = "--as-of",
                paramLabel = "YYYY-MM-DD",
                description =
                        "judge dates as of this day, not " + "today (to rehearse against a test PARS set to that day)")
        String asOf;

        void addTo(List<String> args) {
            if (roster != null) {
                args.add(roster.toString());
            }
            add(args, "report", report == null ? null : report.toString());
            add(args, "encoding", encoding);
            add(args, "as-of", asOf);
        }
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Read and check a roster (activities looked up in PARS); send nothing.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.ParentCommand
        ParsCommand parent;

        @Mixin
        Roster roster = new Roster();

        @CommandLine.ArgGroup(exclusive = false, heading = "%nPARS connection:%n")
        Connection connection = new Connection();

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>();
            roster.addTo(args);
            connection.addTo(args);
            add(args, "check", "true");
            return ReportCompletions.run(args.toArray(String[]::new), parent.out);
        }
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "Report a roster to PARS (the main job), or write ACCME's Excel upload file with --excel.")
    static final class Report implements Callable<Integer> {
        @CommandLine.ParentCommand
        ParsCommand parent;

        @Mixin
        Roster roster = new Roster();

        @CommandLine.ArgGroup(exclusive = false, heading = "%nPARS connection:%n")
        Connection connection = new Connection();

        @Option(
                names = "--excel",
                paramLabel = "FILE",
                description = "write ACCME's learner upload template " + "instead of sending")
        Path excel;

        @Option(names = "--concurrency", paramLabel = "N", description = "requests in flight (default 1)")
        Integer concurrency;

        @Option(names = "--slice", paramLabel = "N", description = "rows per slice (default 5000)")
        Integer slice;

        @Option(
                names = "--ledger",
                paramLabel = "JDBC_URL|none",
                description =
                        "the reporting ledger " + "(default an H2 file under target/pars-ledger; none: no ledger)")
        String ledger;

        @Option(
                names = "--ledger-key-file",
                paramLabel = "FILE",
                description = "the ledger's encryption key " + "(env PARS_LEDGER_KEY)")
        Path ledgerKeyFile;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>();
            roster.addTo(args);
            connection.addTo(args);
            add(args, "excel", excel == null ? null : excel.toString());
            add(args, "concurrency", concurrency == null ? null : concurrency.toString());
            add(args, "slice", slice == null ? null : slice.toString());
            add(args, "ledger", ledger);
            add(args, "ledger-key-file", ledgerKeyFile == null ? null : ledgerKeyFile.toString());
            return ReportCompletions.run(args.toArray(String[]::new), parent.out);
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "What PARS holds under a CreditID (exit 1 when nothing).")
    static final class Status implements Callable<Integer> {
        @CommandLine.ParentCommand
        ParsCommand parent;

        @Parameters(index = "0", paramLabel = "CREDIT_ID", description = "e.g. ccid:0001234:enrolment-88231-cme")
        String creditId;

        @CommandLine.ArgGroup(exclusive = false, heading = "%nPARS connection:%n")
        Connection connection = new Connection();

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>();
            args.add(creditId);
            connection.addTo(args);
            return CheckStatus.run(args.toArray(String[]::new), parent.out, false);
        }
    }

    @Command(
            name = "simulator",
            mixinStandardHelpOptions = true,
            description = "Run the PARS simulator until stopped (for pipelines that are not Java).")
    static final class Simulator implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", description = "port (default: a free one)")
        Integer port;

        @Option(names = "--host", description = "address to listen on (default loopback)")
        String host;

        @Option(names = "--api", description = "wcf (default) or rest")
        String api;

        @Override
        public Integer call() throws InterruptedException {
            if (api != null && !api.equalsIgnoreCase("wcf") && !api.equalsIgnoreCase("rest")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--api must be wcf or rest");
            }
            if (port != null && (port < 0 || port > 65535)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
            }
            List<String> args = new ArrayList<>();
            if (port != null) {
                args.add("--port");
                args.add(port.toString());
            }
            if (host != null) {
                args.add("--host");
                args.add(host);
            }
            if (api != null) {
                args.add("--api");
                args.add(api);
            }
            ParsSimulatorMain.main(args.toArray(String[]::new));
            return 0;
        }
    }

    private static void add(List<String> args, String option, String value) {
        if (value != null) {
            args.add("--" + option);
            args.add(value);
        }
    }
}
