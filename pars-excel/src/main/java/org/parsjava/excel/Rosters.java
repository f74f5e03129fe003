/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.parsjava.core.batch.RosterReader;
import org.parsjava.core.model.Activity;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.excel.internal.XlsxGuard;
import org.parsjava.excel.internal.XlsxRosterSource;

/**
 * Opens a roster file by its content, not its name: an {@code .xlsx} workbook (the roster
 * columns in the first sheet's first row) or CSV text. Both are read with the same columns,
 * parsing and row accounting ({@link RosterReader}).
 */
public final class Rosters {

    private Rosters() {}

    /**
     * Opens {@code file}.
     *
     * @param csvEncoding the character encoding when the file is CSV text
     * @param activities finds an activity by ACCME Activity ID
     * @throws XlsxFileException when the file is a workbook that cannot be read safely (an
     *     encrypted or old .xls workbook is refused, not taken for text)
     * @throws IllegalArgumentException when the header lacks a required column
     */
    public static RosterReader open(Path file, Charset csvEncoding, Function<String, Optional<Activity>> activities) {
        return open(file, csvEncoding, activities, RulesCatalogue.defaults());
    }

    /**
     * {@link #open(Path, Charset, Function)} reading board and credit type names as {@code rules}
     * lists them.
     */
    public static RosterReader open(
            Path file, Charset csvEncoding, Function<String, Optional<Activity>> activities, RulesCatalogue rules) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(csvEncoding, "csvEncoding");
        Objects.requireNonNull(activities, "activities");
        if (XlsxGuard.looksLikeXlsx(file) || isOle2(file)) {
            return RosterReader.open(new XlsxRosterSource(file), activities, rules);
        }
        try {
            return RosterReader.open(Files.newInputStream(file), csvEncoding, activities, rules);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file.getFileName(), e);
        }
    }

    /** True for an {@code .xlsx} workbook (by content). */
    public static boolean isWorkbook(Path file) {
        return XlsxGuard.looksLikeXlsx(file);
    }

    private static boolean isOle2(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4
                    && (head[0] & 0xFF) == 0xD0
                    && (head[1] & 0xFF) == 0xCF
                    && head[2] == 0x11
                    && (head[3] & 0xFF) == 0xE0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file.getFileName(), e);
        }
    }
}
