/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.batch;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Roster CSV through FastCSV (RFC 4180: commas, double quotes with {@code ""} escapes, embedded
 * newlines, CRLF or LF), as {@link RosterReader} reads it: a leading byte order mark ignored,
 * blank lines and lines of only spaces or tabs skipped, characters after a closing quote kept in
 * the cell, and a quote never closed reported on the row that opened it (FastCSV reads the rest
 * of the file into that cell). Streams one row at a time. Not thread safe.
 */
final class CsvRosterSource implements RosterSource {

    private final TailReader in;
    private final CsvReader<Row> csv;
    private final CloseableIterator<Row> rows;
    private boolean first = true;
    private int line;
    private String problem;

    CsvRosterSource(Reader reader) {
        this.in = new TailReader(reader);
        this.csv = CsvReader.builder()
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .build(new RowHandler(), in);
        this.rows = csv.iterator();
    }

    /** A row as read: its first line, its cells, and whether its last cell was quoted. */
    private record Row(int line, List<String> cells, boolean lastQuoted) {
        /** The line and how many cells: the cells hold learner data. */
        @Override
        public String toString() {
            return "Row[line " + line + ", " + cells.size() + " cells]";
        }
    }

    /** Collects a row's cells as strings, with the quoting of the last. */
    private static final class RowHandler extends AbstractBaseCsvCallbackHandler<Row> {
        private final List<String> cells = new ArrayList<>();
        private boolean lastQuoted;

        @Override
        protected void handleBegin(long startingLineNumber) {
            cells.clear();
            lastQuoted = false;
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            cells.add(new String(buf, offset, len));
            lastQuoted = quoted;
        }

        @Override
        protected Row buildRecord() {
            return new Row((int) getStartingLineNumber(), List.copyOf(cells), lastQuoted);
        }
    }

    @Override
    public List<String> next() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = row.cells();
                if (first) {
                    first = false;
                    if (!cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                        cells = new ArrayList<>(cells);
                        cells.set(0, cells.get(0).substring(1));
                    }
                }
                if (cells.size() == 1
                        && cells.get(0).isBlank()
                        && cells.get(0).chars().allMatch(c -> c == ' ' || c == '\t')) {
                    continue; // a line of only spaces or tabs
                }
                line = row.line();
                // A quote never closed swallows the rest of the file into the last cell: the row is
                // then the last one, its last cell quoted, and the file does not end with a quote.
                problem = row.lastQuoted() && !rows.hasNext() && in.lastNonBlank() != '"'
                        ? "a quoted cell opened in this row is never closed, so the rest of the file was read into "
                                + "it; close the quote and run the file again"
                        : null;
                return cells;
            }
            return null;
        } catch (CsvParseException e) {
            throw new UncheckedIOException(
                    "could not read the roster as CSV after line " + line,
                    new IOException(e.getClass().getSimpleName()));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("could not read the roster", e.getCause());
        }
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
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the roster", e);
        }
    }

    /** Remembers the last character read that is not a space, tab or line end. */
    private static final class TailReader extends FilterReader {
        private int last = -1;

        TailReader(Reader in) {
            super(in);
        }

        int lastNonBlank() {
            return last;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                note((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off + n - 1; i >= off; i--) {
                if (note(buf[i])) {
                    break;
                }
            }
            return n;
        }

        private boolean note(char c) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                return false;
            }
            last = c;
            return true;
        }
    }
}
