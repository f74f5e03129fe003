/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * MOC points a learner earned for one board and credit type in one completion.
 *
 * @param type the board-specific credit type (its board is {@link #board()})
 * @param points the points earned; positive and in quarter steps (checked by the validator)
 */
public record MocCredit(MocCreditType type, BigDecimal points) {

    /** Rejects nulls. */
    public MocCredit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(points, "points");
    }

    /** Shorthand for {@code new MocCredit(type, new BigDecimal(points))}. */
    public static MocCredit of(MocCreditType type, String points) {
        return new MocCredit(type, Text.decimal(points, "points"));
    }

    /** The board the points go to. */
    public Board board() {
        return type.board();
    }
}
