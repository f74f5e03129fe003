/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parsjava.dashboard.Dashboard;
import org.parsjava.ledger.LedgerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pars dashboard}: the ledger in a browser, on loopback, behind a one-time link. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description = "Show the reporting ledger in a browser: entries by state, deadlines, rows to fix, an entry's "
                + "history; withdraw and send now. Serves on loopback and prints a one-time link; stop with Ctrl-C.")
final class DashboardCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    ParsCommand top;

    @Option(names = "--port", paramLabel = "N", description = "loopback port (default: a free one)")
    Integer port;

    @Option(names = "--read-only", description = "pages only: no withdraw, no send now")
    boolean readOnly;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "where the default ledger is kept (env PARS_DATA_DIR; default your data folder)")
    String dataDir;

    @CommandLine.ArgGroup(exclusive = false, heading = "%nPARS (the one the ledger reports to):%n")
    ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.ArgGroup(exclusive = false, heading = "%nLedger:%n")
    LedgerOptions ledgerOptions = new LedgerOptions();

    @Override
    public Integer call() {
        Environment env = top.environment();
        if (port != null && (port < 0 || port > 65_535)) {
            throw new UsageException("--port must be 0 to 65535");
        }
        ParsSettings settings = connection.settings(env);
        LedgerOptions.Plan plan = ledgerOptions.plan(env, settings.demo());
        if (plan == null) {
            throw new UsageException("--ledger none has nothing to show; name the ledger with --ledger JDBC_URL");
        }
        DataDirectory data = DataDirectory.resolve(dataDir, env);
        boolean interrupted = false;
        try (ParsConnection started = settings.open();
                ShownLedger shown = openToShow(plan, withMovingClock(started), data);
                Dashboard dashboard = Dashboard.builder()
                        .ledger(shown.ledger())
                        .clock(shown.clock())
                        .port(port == null ? 0 : port)
                        .readOnly(readOnly)
                        .build()
                        .start()) {
            top.out().println("Dashboard: open " + dashboard.url());
            top.out().println("The link works once, within 10 minutes, in one browser. Stop with Ctrl-C.");
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(stopped::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // The flag stays clear while the server, the ledger and the connection to PARS close
                // (their shutdowns wait, and a wait ends at once in an interrupted thread); the
                // thread is told again once they are closed.
                interrupted = true;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is stopping: the resources close as the block ends
                }
            }
            top.out().println("Dashboard stopped.");
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private ShownLedger openToShow(LedgerOptions.Plan plan, ParsConnection pars, DataDirectory data) {
        try {
            return plan.openToShow(pars, data, top.out());
        } catch (LedgerException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code pars} with its clock {@link #moving}: the ledger's "today" is the dashboard's. */
    private static ParsConnection withMovingClock(ParsConnection pars) {
        return new ParsConnection(pars.client(), pars.simulator(), moving(pars.clock()), pars.description());
    }

    /**
     * The dashboard's clock: the connection's "today", moving. The demo's clock stands still at
     * its day, and with it a one-time link and a session would never expire.
     */
    static Clock moving(Clock clock) {
        return ParsSettings.movingFrom(LocalDate.now(clock), clock.getZone());
    }
}
