/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.parsjava.core.batch.RosterColumns;
import org.parsjava.core.batch.RosterSource;

/**
 * An {@code .xlsx} roster in the roster-column layout (header in the first row), as a
 * {@link RosterSource}: the birth-date column's date cells become {@code MM/DD} (Excel turns a
 * typed {@code 2/9} into a date), other dates {@code YYYY-MM-DD}.
 */
public final class XlsxRosterSource implements RosterSource {

    private final SheetRows rows;
    private int line;
    private String problem;
    private boolean header = true;

    /** Opens {@code file}'s first sheet. */
    public XlsxRosterSource(Path file) {
        this.rows = new SheetRows(file);
    }

    private int width;

    @Override
    public List<String> next() {
        SheetRows.SheetRow r = rows.next();
        if (r == null) {
            return null;
        }
        line = r.line();
        problem = r.problem();
        if (header) {
            header = false;
            int birth = -1;
            for (int c = 0; c < r.cells().size(); c++) {
                if (RosterColumns.normalize(r.cells().get(c))
                        .equals(RosterColumns.normalize(RosterColumns.BIRTH_DATE))) {
                    birth = c;
                }
            }
            int birthColumn = birth;
            rows.dates(c -> c == birthColumn ? SheetRows.DateText.MONTH_DAY : SheetRows.DateText.ISO);
            width = r.cells().size();
            return r.cells();
        }
        // A sheet stores no trailing empty cells: a row ending in empty optional columns is short.
        if (r.cells().size() < width) {
            List<String> padded = new java.util.ArrayList<>(r.cells());
            while (padded.size() < width) {
                padded.add("");
            }
            return padded;
        }
        return r.cells();
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void close() {
        rows.close();
    }
}
