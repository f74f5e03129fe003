/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.batch;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a roster file, one at a time, as text cells: what {@link RosterReader} reads. The
 * CSV reader is one; pars-excel provides one for {@code .xlsx} sheets. Not thread safe.
 */
public interface RosterSource extends Closeable {

    /**
     * The next row's cells (the header first), or null at the end. Blank rows are skipped.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    List<String> next();

    /** The line (or sheet row) on which the last row returned starts; the header is 1. */
    int line();

    /**
     * Why the last row returned cannot be read as it stands (a quote never closed, a cell that
     * holds a formula), or empty.
     */
    Optional<String> problem();

    @Override
    void close();
}
