/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.parsjava.core.model.Board;

/**
 * The accepted shape of each board's learner ID. No board publishes its format
 * (docs/pars-reference.md 4.2), so every board starts with the permissive default
 * {@code [0-9A-Za-z-]{1,20}}; tighten a board with {@link #with(Board, Pattern)} once known.
 * Immutable.
 */
public final class BoardIdFormats {

    /** The default shape: 1-20 letters, digits or hyphens. */
    public static final Pattern DEFAULT_FORMAT = Pattern.compile("[0-9A-Za-z-]{1,20}");

    private static final BoardIdFormats DEFAULTS = new BoardIdFormats(new EnumMap<>(Board.class));

    private final Map<Board, Pattern> formats;

    private BoardIdFormats(Map<Board, Pattern> formats) {
        this.formats = formats;
    }

    /** Every board with {@link #DEFAULT_FORMAT}. */
    public static BoardIdFormats defaults() {
        return DEFAULTS;
    }

    /** A copy where {@code board}'s IDs must fully match {@code format}. */
    public BoardIdFormats with(Board board, Pattern format) {
        Map<Board, Pattern> copy = new EnumMap<>(Board.class);
        copy.putAll(formats);
        copy.put(Objects.requireNonNull(board, "board"), Objects.requireNonNull(format, "format"));
        return new BoardIdFormats(copy);
    }

    /** The pattern for {@code board}. */
    public Pattern formatOf(Board board) {
        return formats.getOrDefault(board, DEFAULT_FORMAT);
    }

    /** True when {@code id} fully matches {@code board}'s format. */
    public boolean matches(Board board, String id) {
        return formatOf(board).matcher(id).matches();
    }
}
