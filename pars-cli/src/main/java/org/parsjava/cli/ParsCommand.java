/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.parsjava.client.ParsClient;
import org.parsjava.client.exception.ParsException;
import org.parsjava.job.RosterException;
import org.parsjava.ledger.LedgerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pars} command line: {@code report}, {@code validate}, {@code status},
 * {@code columns}, {@code assumptions}, {@code conformance}, {@code dashboard} and
 * {@code simulator}, on the published APIs. Exit codes: 0 done, 1 rows need fixing (an
 * assumption refuted, for {@code conformance}; nothing held, for {@code status}), 2 usage or
 * configuration error (one line, before anything is created), 3 rows failed in transport or the
 * run stopped early.
 */
@Command(
        name = "pars",
        mixinStandardHelpOptions = true,
        versionProvider = ParsCommand.Version.class,
        description = "Report physicians' CME and MOC learner credit to ACCME PARS.",
        subcommands = {
            ReportCommand.class,
            ValidateCommand.class,
            StatusCommand.class,
            ColumnsCommand.class,
            AssumptionsCommand.class,
            ConformanceCommand.class,
            SimulatorCommand.class,
            DashboardCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Settings come from options or the environment (PARS_URL, PARS_PROVIDER_ID, PARS_PROVIDER_NAME, "
                    + "PARS_USER, PARS_PASSWORD, PARS_API, PARS_LEDGER_KEY, PARS_DATA_DIR); --demo uses the embedded "
                    + "simulator instead of PARS.",
            "Exit codes: 0 done, 1 rows need fixing (conformance: an assumption refuted; status: nothing held), "
                    + "2 usage error, 3 transport failure or stopped early."
        })
public final class ParsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final java.io.InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Environment environment;

    private ParsCommand(java.io.InputStream in, PrintStream out, PrintStream err, Environment environment) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, System.in, System.out, System.err, System.getenv()));
    }

    /**
     * Runs the command line and returns its exit code.
     *
     * @param out where results go (the summary; with {@code --json}, JSON only)
     * @param err where errors go, and with {@code --json} the progress and notes
     * @param environment the variables settings fall back to
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        return execute(args, java.io.InputStream.nullInputStream(), out, err, environment);
    }

    /**
     * {@link #execute(String[], PrintStream, PrintStream, Map)} with answers to questions (the
     * conformance run asks before it creates anything) read from {@code in}.
     */
    public static int execute(
            String[] args, java.io.InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        ParsCommand top = new ParsCommand(in, out, err, new Environment(environment));
        CommandLine cli = new CommandLine(top);
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("error: " + message(e));
            return e instanceof UsageException
                            || e instanceof RosterException
                            || e instanceof IllegalArgumentException
                            || e instanceof IllegalStateException
                    ? 2
                    : 3;
        });
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** One line for people; never a stack trace, never a value from a roster. */
    private static String message(Exception e) {
        if (e instanceof UsageException
                || e instanceof RosterException
                || e instanceof ParsException
                || e instanceof LedgerException
                || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    java.io.InputStream in() {
        return in;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Environment environment() {
        return environment;
    }

    /** The SDK's version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pars " + ParsClient.VERSION};
        }
    }
}
