/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel;

import java.nio.file.Path;

/**
 * A file that cannot be read as the expected {@code .xlsx}: not a workbook, encrypted, an old
 * {@code .xls}, damaged, or built to exhaust memory. The message names the file and says what to
 * do; it never quotes the file's content.
 */
public final class XlsxFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** An exception about {@code file}. */
    public XlsxFileException(Path file, String problem) {
        super(file.getFileName() + " " + problem);
        this.file = file;
    }

    /** An exception about {@code file}, with the cause (its message may be library detail, never data). */
    public XlsxFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + " " + problem, cause);
        this.file = file;
    }

    /** The file. */
    public Path file() {
        return file;
    }
}
