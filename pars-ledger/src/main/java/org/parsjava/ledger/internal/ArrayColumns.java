/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Rows of values gathered column by column, for a PostgreSQL statement that reads them with
 * {@code unnest}: one array parameter per column, of its element type ({@code text}, {@code bytea},
 * {@code bool}, {@code int4}, {@code int8}, and {@code date} and {@code timestamptz}, sent as their
 * ISO text).
 * A value equal to the one before it in its column is written as the same text, not formatted
 * again: a chunk's rows mostly share their instants (the time they were recorded or settled), and
 * formatting an instant costs more than the rest of its row's work here.
 * Not thread safe; one statement's worth.
 */
final class ArrayColumns {

    private final String[] types;
    private final Object[][] columns;
    private final Object[] lastValues;
    private final String[] lastTexts;

    /** Room for {@code rows} rows of columns of {@code types}. */
    ArrayColumns(String[] types, int rows) {
        this.types = types;
        this.columns = new Object[types.length][];
        this.lastValues = new Object[types.length];
        this.lastTexts = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            columns[i] = switch (types[i]) {
                case "bytea" -> new byte[rows][];
                case "bool" -> new Boolean[rows];
                case "int4" -> new Integer[rows];
                case "int8" -> new Long[rows];
                default -> new String[rows];
            };
        }
    }

    /** {@code unnest(?::t1[], ?::t2[], ...)} for columns of {@code types}. */
    static String unnest(String[] types) {
        return Arrays.stream(types).map(t -> "?::" + t + "[]").collect(Collectors.joining(", ", "unnest(", ")"));
    }

    /**
     * Sets row {@code row} to {@code values} then {@code more}, in the columns' order: strings,
     * bytes, booleans and numbers as they are, dates and instants as ISO text, nulls as nulls.
     */
    void add(int row, Object[] values, Object... more) {
        if (values.length + more.length != types.length) {
            throw new IllegalArgumentException(
                    (values.length + more.length) + " values for " + types.length + " columns");
        }
        for (int i = 0; i < types.length; i++) {
            Object v = i < values.length ? values[i] : more[i - values.length];
            columns[i][row] = v == null || columns[i] instanceof String[] ? text(i, v) : v;
        }
    }

    /** {@code v} as text in column {@code column}: LocalDate and Instant print ISO 8601, which PostgreSQL reads. */
    private String text(int column, Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (!v.equals(lastValues[column])) {
            lastValues[column] = v;
            lastTexts[column] = v.toString();
        }
        return lastTexts[column];
    }

    /** Column {@code column}'s values so far, as they will be bound. */
    Object[] column(int column) {
        return columns[column].clone();
    }

    /** Binds each column's array to {@code ps}, from the first parameter on. */
    void bind(Connection c, PreparedStatement ps) throws SQLException {
        bind(c, ps, 1);
    }

    /** Binds each column's array to {@code ps}, from parameter {@code first} on. */
    void bind(Connection c, PreparedStatement ps, int first) throws SQLException {
        for (int i = 0; i < types.length; i++) {
            ps.setArray(first + i, c.createArrayOf(types[i], columns[i]));
        }
    }
}
