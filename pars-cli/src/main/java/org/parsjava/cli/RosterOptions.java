/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import org.parsjava.job.Roster;
import org.parsjava.job.RosterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of the commands that read a roster: the file, its encoding, where results go. */
final class RosterOptions {

    @Parameters(index = "0", paramLabel = "ROSTER", description = "the roster: CSV or .xlsx (see: pars columns)")
    Path roster;

    @Option(
            names = "--encoding",
            paramLabel = "CHARSET",
            description = "the roster's character encoding (default UTF-8; windows-1252 for a CSV saved by Excel "
                    + "on Windows)")
    String encoding;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "where the rows to fix are written, as CSV (default rows-to-fix.csv in the data directory)")
    Path report;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "where the ledger, demo key and reports are kept (env PARS_DATA_DIR; default your data "
                    + "folder, e.g. ~/.local/share/pars)")
    String dataDir;

    @Option(names = "--json", description = "print the summary as JSON on standard output (the rest on standard error)")
    boolean json;

    /** The roster, opened and its header checked; nothing is created. */
    Roster open() {
        Charset charset;
        try {
            charset = encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : Charset.forName(encoding.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("--encoding names no character set this Java knows (try UTF-8 or windows-1252)");
        }
        try {
            Roster r = Roster.file(roster, charset);
            r.check();
            return r;
        } catch (RosterException e) {
            throw new UsageException(e.getMessage()
                    + (e.getMessage().contains("lacks required column") ? " (pars columns says what each holds)" : ""));
        }
    }
}
