/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.parsjava.core.batch.RosterReader;
import org.parsjava.core.model.Activity;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.excel.Rosters;
import org.parsjava.excel.XlsxFileException;

/**
 * Where a job's rows come from: a roster file, CSV text in any encoding or an {@code .xlsx}
 * workbook (told apart by content, not by name), or CSV from a stream (a bundled sample). The
 * columns are {@link org.parsjava.core.batch.RosterColumns}'. Immutable; each run opens it anew.
 */
public final class Roster {

    private final String name;
    private final Path file;
    private final Supplier<InputStream> content;
    private final Charset encoding;

    private Roster(String name, Path file, Supplier<InputStream> content, Charset encoding) {
        this.name = name;
        this.file = file;
        this.content = content;
        this.encoding = encoding;
    }

    /** {@link #file(Path, Charset)} in UTF-8. */
    public static Roster file(Path file) {
        return file(file, StandardCharsets.UTF_8);
    }

    /**
     * A roster file: CSV text in {@code encoding} ({@code windows-1252} for a CSV saved by Excel
     * on Windows), or an {@code .xlsx} workbook whatever its name.
     *
     * @throws RosterException when there is no such file, it is a folder or it cannot be read
     */
    public static Roster file(Path file, Charset encoding) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(encoding, "encoding");
        if (!Files.exists(file)) {
            throw new RosterException("roster " + file + " cannot be read: there is no such file");
        }
        if (Files.isDirectory(file)) {
            throw new RosterException("roster " + file + " is a folder, not a roster file");
        }
        if (!Files.isReadable(file)) {
            throw new RosterException("roster " + file + " cannot be read: permission denied");
        }
        return new Roster(file.toString(), file, null, encoding);
    }

    /**
     * CSV text from {@code content}, opened once per run (a resource, say).
     *
     * @param name how summaries name it, e.g. {@code "bundled sample-roster.csv"}
     */
    public static Roster csv(String name, Supplier<InputStream> content, Charset encoding) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(encoding, "encoding");
        return new Roster(name, null, content, encoding);
    }

    /** How the roster is named in messages: its path, or the name it was given. */
    public String name() {
        return name;
    }

    /**
     * Reads the header (and for a workbook, checks it is safe to read), then closes the roster:
     * a bad roster is refused before anything else is done.
     *
     * @return the header cells that name no roster column (their values would not be read)
     * @throws RosterException when the roster cannot be read as one
     */
    public List<String> check() {
        try (RosterReader reader = open(id -> Optional.empty())) {
            return reader.ignoredColumns();
        }
    }

    /**
     * Opens the rows, looking activities up with {@code activities} as rows need them.
     *
     * @throws RosterException when the roster cannot be read as one
     */
    public RosterReader open(Function<String, Optional<Activity>> activities) {
        return open(activities, RulesCatalogue.defaults());
    }

    /**
     * Opens the rows, reading board and credit type names as {@code rules} lists them.
     *
     * @throws RosterException when the roster cannot be read as one
     */
    public RosterReader open(Function<String, Optional<Activity>> activities, RulesCatalogue rules) {
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(rules, "rules");
        try {
            if (file != null) {
                return Rosters.open(file, encoding, activities, rules);
            }
            InputStream in = content.get();
            if (in == null) {
                throw new RosterException("roster " + name + " cannot be read: it is missing");
            }
            return RosterReader.open(in, encoding, activities, rules);
        } catch (XlsxFileException e) {
            throw new RosterException("roster " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RosterException("roster " + name + " cannot be read (" + reason(e.getCause()) + ")", e);
        } catch (IllegalArgumentException e) {
            throw new RosterException("roster " + name + ": " + e.getMessage(), e);
        }
    }

    private static String reason(IOException e) {
        return e == null ? "an input error" : e.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "Roster[" + name + ", " + encoding + "]";
    }
}
