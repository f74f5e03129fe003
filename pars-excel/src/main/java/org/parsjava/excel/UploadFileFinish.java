/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * What fastexcel leaves to do when an upload file is complete: a streaming writer declares the
 * sheet's dimension ({@code <dimension ref="A1"/>}) before any row, and its style sheet names no
 * default cell style. Readers that trust the dimension (openpyxl in read-only mode, other
 * streaming readers) then see one cell, and some warn about the styles. The workbook is written
 * to a private draft file first and copied to its output here, entry by entry, with the true
 * dimension and a {@code Normal} cell style. Memory stays flat: the sheet is streamed.
 */
final class UploadFileFinish {

    private static final String SHEET = "xl/worksheets/sheet1.xml";
    private static final String STYLES = "xl/styles.xml";
    private static final String WRONG_DIMENSION = "<dimension ref=\"A1\"/>";
    /** The dimension element stands in the sheet's first bytes, before any row. */
    private static final int HEAD = 8192;

    private UploadFileFinish() {}

    /** A draft file only its owner can read (it holds learner data until {@link #delete}). */
    static Path draft() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    "pars-upload-",
                    ".xlsx",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile("pars-upload-", ".xlsx");
    }

    /** Copies the draft to {@code out} with the sheet's dimension and the default cell style set. */
    static void copy(Path draft, OutputStream out, int lastRow, int lastColumn) throws IOException {
        String dimension = "<dimension ref=\"A1:" + column(lastColumn) + lastRow + "\"/>";
        try (ZipFile draftZip = new ZipFile(draft.toFile())) {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (ZipEntry e : java.util.Collections.list(draftZip.entries())) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                zip.putNextEntry(copy);
                try (InputStream in = draftZip.getInputStream(e)) {
                    if (e.getName().equals(SHEET)) {
                        byte[] head = in.readNBytes(HEAD);
                        zip.write(new String(head, StandardCharsets.ISO_8859_1)
                                .replace(WRONG_DIMENSION, dimension)
                                .getBytes(StandardCharsets.ISO_8859_1));
                        in.transferTo(zip);
                    } else if (e.getName().equals(STYLES)) {
                        zip.write(withNormalStyle(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
            zip.finish();
        }
    }

    /** The style sheet with Excel's built-in {@code Normal} style as the default cell style. */
    static String withNormalStyle(String styles) {
        if (styles.contains("<cellStyles")) {
            return styles;
        }
        return styles.replace(
                "</cellXfs>",
                "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
    }

    /** A 0-based column index as Excel's letters: 0 is A, 25 Z, 26 AA. */
    static String column(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }

    static void delete(Path draft) {
        try {
            Files.deleteIfExists(draft);
        } catch (IOException e) {
            draft.toFile().deleteOnExit();
        }
    }
}
