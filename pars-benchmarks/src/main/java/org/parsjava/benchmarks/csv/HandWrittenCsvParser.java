/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parsjava.core.batch.RosterSource;

/**
 * The roster CSV reader pars-core had before FastCSV, kept as the baseline of the CSV benchmark: a small RFC 4180 reader: comma separated, double-quoted fields with {@code ""} escapes and
 * embedded newlines, CRLF or LF line ends, a leading UTF-8 BOM ignored, blank lines (empty or
 * only spaces and tabs) skipped. Streams one record at a time. Not thread safe.
 */
public final class HandWrittenCsvParser implements RosterSource {

    private final Reader in;
    private int line = 1;
    private int recordLine;
    private int peeked = -2;
    private boolean unterminated;

    public HandWrittenCsvParser(Reader in) {
        this.in = in;
    }

    @Override
    public int line() {
        return recordLine;
    }

    @Override
    public Optional<String> problem() {
        return unterminated
                ? Optional.of("a quoted cell opened in this row is never closed, so the rest of the file "
                        + "was read into it; close the quote and run the file again")
                : Optional.empty();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the roster", e);
        }
    }

    /** The next record's fields, or null at end of input. */
    @Override
    public List<String> next() {
        try {
            int c = read();
            if (c == 0xFEFF && line == 1) {
                c = read();
            }
            StringBuilder field = new StringBuilder();
            while (true) { // skip blank lines, and lines of only spaces or tabs
                while (c == ' ' || c == '\t') {
                    field.append((char) c);
                    c = read();
                }
                if (c != '\n' && c != '\r') {
                    break;
                }
                field.setLength(0);
                c = consumeLineEnd(c);
            }
            if (c == -1) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        unterminated = true;
                        fields.add(field.toString());
                        return fields;
                    }
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = n;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r' || c == -1) {
                    fields.add(field.toString());
                    if (c != -1) {
                        consumeLineEnd(c);
                        unread();
                    }
                    return fields;
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the roster", e);
        }
    }

    private int consumeLineEnd(int c) throws IOException {
        line++;
        int n = read();
        if (c == '\r' && n == '\n') {
            n = read();
        }
        return n;
    }

    private int last;

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return last = p;
        }
        return last = in.read();
    }

    private void unread() {
        peeked = last;
    }
}
