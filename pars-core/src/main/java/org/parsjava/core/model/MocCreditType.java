/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.Objects;

/**
 * A board-specific kind of MOC credit (docs/pars-reference.md 4.4). Each constant belongs to exactly one
 * {@link Board}; the strings PARS expects on the wire are kept in the codec, not here.
 */
public enum MocCreditType {
    /** ABA MOCA lifelong-learning points. */
    ABA_LIFELONG_LEARNING(Board.ABA, "Lifelong Learning (MOCA)"),
    /** ABA Patient Safety points. */
    ABA_PATIENT_SAFETY(Board.ABA, "Patient Safety"),
    /** ABA Quality Improvement (inferred). */
    ABA_QUALITY_IMPROVEMENT(Board.ABA, "Quality Improvement"),
    /** ABIM Medical Knowledge points. */
    ABIM_MEDICAL_KNOWLEDGE(Board.ABIM, "Medical Knowledge"),
    /** ABIM Practice Assessment points. */
    ABIM_PRACTICE_ASSESSMENT(Board.ABIM, "Practice Assessment"),
    /** ABIM Patient Safety (inferred). */
    ABIM_PATIENT_SAFETY(Board.ABIM, "Patient Safety"),
    /** ABOHNS Self-Assessment (inferred). */
    ABOHNS_SELF_ASSESSMENT(Board.ABOHNS, "Self-Assessment"),
    /** ABOHNS Improvement in Medical Practice (inferred). */
    ABOHNS_IMPROVEMENT_IN_MEDICAL_PRACTICE(Board.ABOHNS, "Improvement in Medical Practice"),
    /** ABOS Accredited CME (inferred). */
    ABOS_ACCREDITED_CME(Board.ABOS, "Accredited CME"),
    /** ABOS Self-Assessment (inferred). */
    ABOS_SELF_ASSESSMENT(Board.ABOS, "Self-Assessment"),
    /** ABP Lifelong Learning and Self-Assessment (Part 2). */
    ABP_LIFELONG_LEARNING(Board.ABP, "Lifelong Learning and Self-Assessment"),
    /** ABP Quality Improvement (Part 4, inferred). */
    ABP_QUALITY_IMPROVEMENT(Board.ABP, "Quality Improvement"),
    /** ABPath Lifelong Learning (CME) (inferred). */
    ABPATH_LIFELONG_LEARNING(Board.ABPATH, "Lifelong Learning"),
    /** ABPath Self-Assessment (inferred). */
    ABPATH_SELF_ASSESSMENT(Board.ABPATH, "Self-Assessment"),
    /** ABPath Improvement in Medical Practice (inferred). */
    ABPATH_IMPROVEMENT_IN_MEDICAL_PRACTICE(Board.ABPATH, "Improvement in Medical Practice"),
    /** ABS Accredited CME. */
    ABS_ACCREDITED_CME(Board.ABS, "Accredited CME"),
    /** ABS Self-Assessment ("Accredited CME with Evaluation and Feedback"). */
    ABS_SELF_ASSESSMENT(Board.ABS, "Self-Assessment"),
    /** ABTS Accredited CME (inferred). */
    ABTS_ACCREDITED_CME(Board.ABTS, "Accredited CME"),
    /** ABTS Self-Assessment (inferred). */
    ABTS_SELF_ASSESSMENT(Board.ABTS, "Self-Assessment");

    private final Board board;
    private final String displayName;

    MocCreditType(Board board, String displayName) {
        this.board = Objects.requireNonNull(board);
        this.displayName = displayName;
    }

    /** The board this credit type belongs to. */
    public Board board() {
        return board;
    }

    /** The board's own name for the credit type. */
    public String displayName() {
        return displayName;
    }
}
