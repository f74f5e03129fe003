/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;

/**
 * How the main job opens its ledger: {@code --ledger JDBC_URL} (or {@code PARS_LEDGER_URL}),
 * {@code none} to report straight to PARS, and by default an H2 file under
 * {@code target/pars-ledger/}. The key comes from {@code PARS_LEDGER_KEY} (Base64 of 32
 * bytes) or a file named by {@code --ledger-key-file}; only a run against the embedded simulator
 * (synthetic data) may go without one, and then uses a demo key kept beside the ledger.
 */
final class Ledgers {

    /** The embedded default, relative to the working directory. */
    static final Path DEFAULT_DIR = Path.of("target", "pars-ledger");

    private Ledgers() {}

    /** The ledger the options ask for, or null for {@code --ledger none}. */
    static ReportingLedger open(Map<String, String> options, Connection pars, PrintStream out) {
        String url = setting(options, "ledger", "PARS_LEDGER_URL");
        if ("none".equalsIgnoreCase(url)) {
            out.println("Ledger: none (reporting straight to PARS; nothing is kept between runs)");
            return null;
        }
        if (url == null) {
            // Old file chunks reused at once, and a small cache: the file and the heap stay small.
            url = "jdbc:h2:file:" + DEFAULT_DIR.resolve("ledger").toAbsolutePath()
                    + ";RETENTION_TIME=0;CACHE_SIZE=8192";
        }
        ReportingLedger ledger = ReportingLedger.builder()
                .jdbcUrl(
                        url,
                        setting(options, "ledger-user", "PARS_LEDGER_USER"),
                        setting(options, "ledger-password", "PARS_LEDGER_PASSWORD"))
                .client(pars.client)
                .clock(pars.clock)
                .key(key(options, pars, out))
                .build();
        int released = 0;
        if (url.startsWith("jdbc:h2:file:")) {
            // An H2 file is opened by one process at a time: claims left in it are a killed run's.
            released = ledger.releaseClaims();
        }
        int cut = url.replace('?', ';').indexOf(';');
        out.println("Ledger: " + (cut < 0 ? url : url.substring(0, cut))
                + (released > 0 ? " (" + released + " entries of an interrupted run taken up again)" : ""));
        return ledger;
    }

    private static LedgerKey key(Map<String, String> options, Connection pars, PrintStream out) {
        String env = System.getenv("PARS_LEDGER_KEY");
        if (env != null && !env.isBlank()) {
            return LedgerKey.fromBase64(env);
        }
        String keyFile = options.get("ledger-key-file");
        if (keyFile != null) {
            try {
                return LedgerKey.fromBase64(Files.readString(Path.of(keyFile)));
            } catch (IOException e) {
                throw new IllegalArgumentException("--ledger-key-file " + keyFile + " cannot be read");
            }
        }
        if (pars.simulator == null) {
            throw new IllegalArgumentException("PARS_LEDGER_KEY (Base64 of 32 bytes) or --ledger-key-file is required "
                    + "to keep real learner data in the ledger; or run with --ledger none");
        }
        Path file = DEFAULT_DIR.resolve("demo-ledger.key");
        try {
            if (Files.exists(file)) {
                return LedgerKey.fromBase64(Files.readString(file));
            }
            Files.createDirectories(DEFAULT_DIR);
            LedgerKey k = LedgerKey.generate();
            Files.writeString(file, k.toBase64());
            out.println("Ledger key: a demo key was written to " + file + " (synthetic data only; set "
                    + "PARS_LEDGER_KEY for real learner data)");
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the demo ledger key in " + file, e);
        }
    }

    private static String setting(Map<String, String> options, String option, String env) {
        String v = options.get(option);
        if (v == null) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }
}
