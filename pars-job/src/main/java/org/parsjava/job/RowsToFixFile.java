/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The rows a person must act on, as a CSV file office staff open in a spreadsheet: one line per
 * problem, {@code line,completion_key,outcome,field,code,message} (outcome {@code INVALID},
 * {@code REJECTED} or {@code FAILED}). No names, birth dates or identifiers are in it. A
 * {@link RowListener}; close it when the run ends. Not thread safe.
 */
public final class RowsToFixFile implements RowListener, Closeable {

    /** The header line. */
    public static final String HEADER = "line,completion_key,outcome,field,code,message";

    private final Path file;
    private final BufferedWriter out;
    private long lines;

    /**
     * Creates (or replaces) {@code file}, with its folder, and writes the header.
     *
     * @throws UncheckedIOException when it cannot be written
     */
    public RowsToFixFile(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("the rows-to-fix file " + file + " cannot be written", e);
        }
    }

    @Override
    public void row(RowOutcome outcome) {
        if (!outcome.status().needsAttention()) {
            return;
        }
        try {
            if (outcome.problems().isEmpty()) {
                write(outcome, new RowProblem("", "", ""));
            }
            for (RowProblem p : outcome.problems()) {
                write(outcome, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the rows-to-fix file " + file + " cannot be written", e);
        }
    }

    /**
     * A board's rejection of a completion reported in an earlier run: written with an empty line
     * number (it is not a row of this roster) and the outcome {@code BOARD_REJECTED}.
     */
    @Override
    public void boardVerdict(BoardVerdict verdict) {
        if (verdict.accepted()) {
            return;
        }
        try {
            List<RowProblem> problems =
                    verdict.problems().isEmpty() ? List.of(new RowProblem("", "", "")) : verdict.problems();
            for (RowProblem p : problems) {
                write("", verdict.completionKey(), "BOARD_REJECTED", p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the rows-to-fix file " + file + " cannot be written", e);
        }
    }

    private void write(RowOutcome o, RowProblem p) throws IOException {
        write(Integer.toString(o.line()), o.completionKey(), o.status().name(), p);
    }

    private void write(String line, String key, String outcome, RowProblem p) throws IOException {
        lines++;
        out.write(line + "," + cell(key) + "," + outcome + "," + cell(p.field()) + "," + cell(p.code()) + ",\""
                + text(p.message()).replace("\"", "\"\"") + "\"\n");
    }

    /**
     * A cell, quoted only when it holds a comma, a quote or a line break (field paths and codes
     * never do, keys and messages rarely), and kept as text when a spreadsheet would run it as a
     * formula.
     */
    private static String cell(String s) {
        String v = text(s);
        return v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0
                ? v
                : "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** A leading {@code = + - @} would make a spreadsheet run the cell as a formula: an apostrophe keeps it text. */
    private static String text(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Problem lines written so far (the header not counted). */
    public long lines() {
        return lines;
    }

    /** Flushes and closes the file. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the rows-to-fix file " + file + " cannot be written", e);
        }
    }
}
