/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An activity's registration with a board's MOC program: the points it offers, the credit
 * types it counts for, and the last day learner MOC credit may be claimed
 * ({@code CreditClaimDate}, docs/pars-reference.md 3.3).
 *
 * @param board the certifying board
 * @param points the maximum MOC points a learner can earn
 * @param creditTypes the credit types offered, each belonging to {@code board}
 * @param creditClaimDate the learner-reporting deadline for this board, if set
 */
public record MocRegistration(
        Board board, BigDecimal points, Set<MocCreditType> creditTypes, Optional<LocalDate> creditClaimDate) {

    /** Copies the set, rejects nulls and credit types of another board. */
    public MocRegistration {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(creditClaimDate, "creditClaimDate");
        creditTypes = Set.copyOf(Objects.requireNonNull(creditTypes, "creditTypes"));
        for (MocCreditType t : creditTypes) {
            if (!t.board().equals(board)) {
                throw new IllegalArgumentException(
                        "MOC credit type " + t + " belongs to " + t.board() + ", not " + board);
            }
        }
    }

    /** A registration without a claim deadline. */
    public static MocRegistration of(Board board, String points, MocCreditType... creditTypes) {
        return new MocRegistration(board, Text.decimal(points, "points"), Set.of(creditTypes), Optional.empty());
    }

    /** A copy with {@code date} as the learner-reporting deadline. */
    public MocRegistration withCreditClaimDate(LocalDate date) {
        return new MocRegistration(board, points, creditTypes, Optional.of(date));
    }
}
