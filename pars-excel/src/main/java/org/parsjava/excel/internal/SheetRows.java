/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.parsjava.excel.XlsxFileException;

/**
 * The rows of a workbook's first sheet as text cells, one at a time (the sheet is streamed).
 * Numbers come as plain decimals, dates as the column asks ({@link DateText}), booleans as
 * {@code true}/{@code false}; a formula or error cell makes the row's problem. The file is
 * checked by {@link XlsxGuard} before it is opened. Not thread safe.
 */
public final class SheetRows implements AutoCloseable {

    /** How a date cell is written as text. */
    public enum DateText {
        /** {@code 2026-02-27}. */
        ISO,
        /** {@code 02/27}: a birth date never carries a year. */
        MONTH_DAY
    }

    /** One row: its sheet row number (1-based), its cells, and why it cannot be read, if so. */
    public record SheetRow(int line, List<String> cells, String problem) {
        /** The line and how many cells: the cells hold learner data. */
        @Override
        public String toString() {
            return "SheetRow[line " + line + ", " + cells.size() + " cells" + (problem == null ? "" : ", " + problem)
                    + "]";
        }
    }

    private final Path file;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private IntFunction<DateText> dates = c -> DateText.ISO;

    /** Opens the first sheet of {@code file}. */
    public SheetRows(Path file) {
        XlsxGuard.check(file);
        this.file = file;
        try {
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            this.stream = workbook.getFirstSheet().openStream();
            this.rows = stream.iterator();
        } catch (IOException | RuntimeException e) {
            throw new XlsxFileException(
                    file, "cannot be read as a workbook (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** How date cells of each column (0-based) are written; ISO unless said otherwise. */
    public void dates(IntFunction<DateText> byColumn) {
        this.dates = byColumn;
    }

    /** The next row that has a non-blank cell, or null at the end. */
    public SheetRow next() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                String problem = null;
                boolean blank = true;
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    String text = "";
                    if (cell != null) {
                        CellType type = cell.getType();
                        if (type == CellType.FORMULA || type == CellType.ERROR) {
                            if (problem == null) {
                                problem = "cell " + cell.getAddress() + " holds a "
                                        + (type == CellType.FORMULA ? "formula" : "formula error")
                                        + "; type its value instead";
                            }
                        } else {
                            text = text(cell, c);
                        }
                    }
                    blank &= text.isBlank() && (cell == null || cell.getType() == CellType.EMPTY);
                    cells.add(text);
                }
                if (!blank || problem != null) {
                    return new SheetRow(row.getRowNum(), cells, problem);
                }
            }
            return null;
        } catch (XlsxFileException e) {
            throw e;
        } catch (RuntimeException e) {
            // The library's message may quote a cell; only the class is named, and the cause is dropped.
            throw new XlsxFileException(
                    file,
                    "is damaged: a sheet row cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private String text(Cell cell, int column) {
        return switch (cell.getType()) {
            case NUMBER -> number(cell, column);
            case BOOLEAN -> Boolean.toString(cell.asBoolean());
            case STRING -> cell.asString();
            default -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    private String number(Cell cell, int column) {
        String format = cell.getDataFormatString();
        if (format != null && isDateFormat(format)) {
            LocalDateTime t = cell.asDate();
            LocalDate d = t.toLocalDate();
            return dates.apply(column) == DateText.MONTH_DAY
                    ? String.format(Locale.ROOT, "%02d/%02d", d.getMonthValue(), d.getDayOfMonth())
                    : d.toString();
        }
        BigDecimal n = cell.asNumber();
        return n.stripTrailingZeros().toPlainString();
    }

    /** Excel date formats have day, month or year letters outside quotes and brackets. */
    static boolean isDateFormat(String format) {
        boolean quoted = false;
        boolean bracket = false;
        for (char ch : format.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '[') {
                bracket = true;
            } else if (ch == ']') {
                bracket = false;
            } else if (!quoted && !bracket && (ch == 'd' || ch == 'y' || ch == 'm')) {
                return !format.equalsIgnoreCase("general");
            }
        }
        return false;
    }

    @Override
    public void close() {
        stream.close();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + file.getFileName(), e);
        }
    }
}
