/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsTarget;
import org.parsjava.ledger.LedgerBindingException;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import picocli.CommandLine.Option;

/**
 * The reporting ledger a run reports through: {@code --ledger JDBC_URL} (or
 * {@code PARS_LEDGER_URL}), {@code none} to report straight to PARS, else an H2 file in the data
 * directory ({@code ledger/} for PARS, {@code demo/} for the embedded simulator, so the two never
 * share one). The key comes from {@code PARS_LEDGER_KEY} or {@code --ledger-key-file}; only the
 * demo may go without, using a demo key it keeps beside its ledger.
 */
final class LedgerOptions {

    @Option(
            names = "--ledger",
            paramLabel = "JDBC_URL|none",
            description = "the reporting ledger (env PARS_LEDGER_URL; default an H2 file in the data directory; "
                    + "none: report straight to PARS, nothing kept between runs)")
    String url;

    @Option(
            names = "--ledger-user",
            paramLabel = "USER",
            description = "the ledger database's user (env PARS_LEDGER_USER)")
    String user;

    @Option(
            names = "--ledger-password",
            paramLabel = "PASSWORD",
            description = "the ledger database's password (env PARS_LEDGER_PASSWORD)")
    String password;

    @Option(
            names = "--adopt-pars",
            description = "let a ledger that reported to another PARS report to this one: every entry the old "
                    + "PARS settled is confirmed against this one by CreditID and sent again where it is not held")
    boolean adoptPars;

    @Option(
            names = "--ledger-key-file",
            paramLabel = "FILE",
            description = "file holding the ledger's encryption key, Base64 of 32 bytes (or env PARS_LEDGER_KEY)")
    Path keyFile;

    /**
     * What to open, checked; nothing is created.
     *
     * @return null for {@code --ledger none}
     */
    Plan plan(Environment env, boolean demo) {
        String chosen = env.setting(url, "PARS_LEDGER_URL");
        if ("none".equalsIgnoreCase(chosen)) {
            return null;
        }
        if (chosen != null && !chosen.startsWith("jdbc:h2:") && !chosen.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--ledger must be a jdbc:h2: or jdbc:postgresql: URL, or none");
        }
        LedgerKey key = key(env);
        if (key == null && !demo) {
            throw new UsageException("PARS_LEDGER_KEY (Base64 of 32 random bytes) or --ledger-key-file is required to "
                    + "keep learner data in the ledger; or run with --ledger none");
        }
        return new Plan(
                chosen,
                env.setting(user, "PARS_LEDGER_USER"),
                env.setting(password, "PARS_LEDGER_PASSWORD"),
                key,
                demo,
                adoptPars);
    }

    private LedgerKey key(Environment env) {
        String fromEnv = env.setting(null, "PARS_LEDGER_KEY");
        String raw;
        String where;
        if (keyFile != null) {
            try {
                raw = Files.readString(keyFile).strip();
            } catch (IOException e) {
                throw new UsageException("--ledger-key-file " + keyFile + " cannot be read");
            }
            where = "--ledger-key-file " + keyFile;
        } else if (fromEnv != null) {
            raw = fromEnv;
            where = "PARS_LEDGER_KEY";
        } else {
            return null;
        }
        try {
            return LedgerKey.fromBase64(raw);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + " does not hold a key: Base64 of 32 random bytes is expected");
        }
    }

    /**
     * A checked ledger choice.
     *
     * @param url the JDBC URL given, or null for the default H2 file
     * @param key the key, or null for the demo's own key
     * @param adopt whether a ledger bound to another PARS adopts this one
     */
    record Plan(String url, String user, String password, LedgerKey key, boolean demo, boolean adopt) {

        /**
         * Opens the ledger to report through it (creating its file, tables and, for the demo, its
         * key) and says which it is.
         */
        ReportingLedger open(ParsConnection pars, DataDirectory data, PrintStream out) {
            // The embedded simulator is a new, empty PARS on every run: the demo's own ledger always
            // takes it on, so nothing an earlier simulator held counts as held by this one. A ledger
            // named with --ledger is taken from the PARS it reports to only when asked.
            return open(pars, data, out, adopt || demosOwn());
        }

        /** Whether the ledger is the demo's own file in the data directory. */
        private boolean demosOwn() {
            return demo && url == null;
        }

        /**
         * Opens the ledger to show it (the dashboard, which sends nothing), as {@link #open} does
         * but adopting another PARS only when asked. The demo's own ledger, bound to the embedded
         * simulator of the last demo run (at another port each run), is shown as that run left it:
         * opened through a client of that simulator's address, which nothing calls. Taking on the
         * dashboard's own simulator would put every entry the demo run settled back to pending.
         */
        ShownLedger openToShow(ParsConnection pars, DataDirectory data, PrintStream out) {
            try {
                return new ShownLedger(open(pars, data, out, adopt), pars.clock(), null);
            } catch (LedgerBindingException e) {
                ParsTarget bound = e.boundTo().orElse(null);
                if (!demosOwn() || !pars.simulated() || bound == null) {
                    throw e;
                }
                ParsClient asBound = pars.simulator()
                        .clientBuilder()
                        .baseUrl(bound.baseUrl())
                        .providerId(bound.providerId())
                        .endpoints(ParsEndpoints.of(bound.generation()))
                        .build();
                try {
                    ParsConnection earlier = new ParsConnection(asBound, null, pars.clock(), bound.describe());
                    return new ShownLedger(open(earlier, data, out, false), pars.clock(), asBound);
                } catch (RuntimeException again) {
                    asBound.close();
                    throw again;
                }
            }
        }

        private ReportingLedger open(ParsConnection pars, DataDirectory data, PrintStream out, boolean adoptPars) {
            String folder = demo ? "demo" : "ledger";
            // The ledger's own pool sets what an H2 file needs (lock wait, page cache, chunk reuse).
            String jdbc = url != null ? url : "jdbc:h2:file:" + data.file(folder, "ledger");
            ReportingLedger ledger = ReportingLedger.builder()
                    .jdbcUrl(jdbc, user, password)
                    .client(pars.client())
                    .clock(pars.clock())
                    .key(key != null ? key : demoKey(data.file(folder, "demo-ledger.key"), out))
                    .adoptPars(adoptPars)
                    .build();
            int released = jdbc.startsWith("jdbc:h2:file:")
                    ? ledger.releaseClaims() // an H2 file is opened by one process at a time: claims left are a killed
                    // run's
                    : 0;
            int cut = jdbc.replace('?', ';').indexOf(';');
            out.println("Ledger: " + (cut < 0 ? jdbc : jdbc.substring(0, cut))
                    + (released > 0 ? " (" + released + " entries of an interrupted run taken up again)" : ""));
            ledger.adoption()
                    .filter(a -> a.entries() > 0)
                    .ifPresent(a -> out.println(
                            pars.simulated()
                                    ? "Ledger: the embedded simulator starts empty on every run, so the " + a.entries()
                                            + " entries earlier runs settled are confirmed against it and sent again"
                                    : "Ledger: adopted " + a.to().describe() + "; the " + a.entries() + " entries "
                                            + a.from().map(f -> f.describe()).orElse("an unrecorded PARS")
                                            + " settled are confirmed against it by CreditID and sent again where it does "
                                            + "not hold them"));
            return ledger;
        }

        private static LedgerKey demoKey(Path file, PrintStream out) {
            try {
                if (Files.exists(file)) {
                    return LedgerKey.fromBase64(Files.readString(file));
                }
                LedgerKey k = LedgerKey.generate();
                Files.writeString(file, k.toBase64());
                out.println("Ledger key: a demo key was written to " + file + " (synthetic data only; set "
                        + "PARS_LEDGER_KEY for real learner data)");
                return k;
            } catch (IOException e) {
                throw new UncheckedIOException("could not keep the demo ledger key in " + file, e);
            }
        }

        @Override
        public String toString() {
            return "Plan[" + (url == null ? "default" : "given URL") + ", credentials=***, key=***"
                    + (adopt ? ", adopt" : "") + "]";
        }
    }
}
