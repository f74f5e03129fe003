/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.List;
import java.util.Objects;
import org.parsjava.core.rules.RulesCatalogue;

/**
 * A board's kind of MOC credit (docs/pars-reference.md 4.4). Credit types are data, like boards:
 * the {@link RulesCatalogue} lists them with their validity dates, and an application adds one
 * there. The constants are those of the catalogue shipped with this version. Two credit types
 * are equal when their codes are. Immutable.
 */
public final class MocCreditType implements Comparable<MocCreditType> {

    /** ABA MOCA lifelong-learning points. */
    public static final MocCreditType ABA_LIFELONG_LEARNING =
            new MocCreditType("ABA_LIFELONG_LEARNING", Board.ABA, "Lifelong Learning (MOCA)");
    /** ABA Patient Safety points. */
    public static final MocCreditType ABA_PATIENT_SAFETY =
            new MocCreditType("ABA_PATIENT_SAFETY", Board.ABA, "Patient Safety");
    /** ABA Quality Improvement (inferred). */
    public static final MocCreditType ABA_QUALITY_IMPROVEMENT =
            new MocCreditType("ABA_QUALITY_IMPROVEMENT", Board.ABA, "Quality Improvement");
    /** ABIM Medical Knowledge points. */
    public static final MocCreditType ABIM_MEDICAL_KNOWLEDGE =
            new MocCreditType("ABIM_MEDICAL_KNOWLEDGE", Board.ABIM, "Medical Knowledge");
    /** ABIM Practice Assessment points. */
    public static final MocCreditType ABIM_PRACTICE_ASSESSMENT =
            new MocCreditType("ABIM_PRACTICE_ASSESSMENT", Board.ABIM, "Practice Assessment");
    /** ABIM Patient Safety (inferred). */
    public static final MocCreditType ABIM_PATIENT_SAFETY =
            new MocCreditType("ABIM_PATIENT_SAFETY", Board.ABIM, "Patient Safety");
    /** ABO Lifelong Learning. */
    public static final MocCreditType ABO_LIFELONG_LEARNING =
            new MocCreditType("ABO_LIFELONG_LEARNING", Board.ABO, "Lifelong Learning");
    /** ABO Self-Assessment. */
    public static final MocCreditType ABO_SELF_ASSESSMENT =
            new MocCreditType("ABO_SELF_ASSESSMENT", Board.ABO, "Self-Assessment");
    /** ABO Patient Safety (Part II). */
    public static final MocCreditType ABO_PATIENT_SAFETY =
            new MocCreditType("ABO_PATIENT_SAFETY", Board.ABO, "Patient Safety");
    /** ABO Improvement in Medical Practice (Part IV). */
    public static final MocCreditType ABO_IMPROVEMENT_IN_MEDICAL_PRACTICE =
            new MocCreditType("ABO_IMPROVEMENT_IN_MEDICAL_PRACTICE", Board.ABO, "Improvement in Medical Practice");
    /** ABOHNS Self-Assessment (inferred). */
    public static final MocCreditType ABOHNS_SELF_ASSESSMENT =
            new MocCreditType("ABOHNS_SELF_ASSESSMENT", Board.ABOHNS, "Self-Assessment");
    /** ABOHNS Improvement in Medical Practice (inferred). */
    public static final MocCreditType ABOHNS_IMPROVEMENT_IN_MEDICAL_PRACTICE = new MocCreditType(
            "ABOHNS_IMPROVEMENT_IN_MEDICAL_PRACTICE", Board.ABOHNS, "Improvement in Medical Practice");
    /** ABOS Accredited CME (inferred). */
    public static final MocCreditType ABOS_ACCREDITED_CME =
            new MocCreditType("ABOS_ACCREDITED_CME", Board.ABOS, "Accredited CME");
    /** ABOS Self-Assessment (inferred). */
    public static final MocCreditType ABOS_SELF_ASSESSMENT =
            new MocCreditType("ABOS_SELF_ASSESSMENT", Board.ABOS, "Self-Assessment");
    /** ABP Lifelong Learning and Self-Assessment (Part 2). */
    public static final MocCreditType ABP_LIFELONG_LEARNING =
            new MocCreditType("ABP_LIFELONG_LEARNING", Board.ABP, "Lifelong Learning and Self-Assessment");
    /** ABP Quality Improvement (Part 4, inferred). */
    public static final MocCreditType ABP_QUALITY_IMPROVEMENT =
            new MocCreditType("ABP_QUALITY_IMPROVEMENT", Board.ABP, "Quality Improvement");
    /** ABPath Lifelong Learning (Part II). */
    public static final MocCreditType ABPATH_LIFELONG_LEARNING =
            new MocCreditType("ABPATH_LIFELONG_LEARNING", Board.ABPATH, "Lifelong Learning");
    /** ABPath Self-Assessment (SAM), discontinued from 2021-01-01. */
    public static final MocCreditType ABPATH_SELF_ASSESSMENT =
            new MocCreditType("ABPATH_SELF_ASSESSMENT", Board.ABPATH, "Self-Assessment");
    /** ABPath Improvement in Medical Practice (Part IV). */
    public static final MocCreditType ABPATH_IMPROVEMENT_IN_MEDICAL_PRACTICE = new MocCreditType(
            "ABPATH_IMPROVEMENT_IN_MEDICAL_PRACTICE", Board.ABPATH, "Improvement in Medical Practice");
    /** ABPMR Lifelong Learning (inferred). */
    public static final MocCreditType ABPMR_LIFELONG_LEARNING =
            new MocCreditType("ABPMR_LIFELONG_LEARNING", Board.ABPMR, "Lifelong Learning");
    /** ABPMR Self-Assessment (inferred). */
    public static final MocCreditType ABPMR_SELF_ASSESSMENT =
            new MocCreditType("ABPMR_SELF_ASSESSMENT", Board.ABPMR, "Self-Assessment");
    /** ABS Accredited CME. */
    public static final MocCreditType ABS_ACCREDITED_CME =
            new MocCreditType("ABS_ACCREDITED_CME", Board.ABS, "Accredited CME");
    /** ABS Self-Assessment ("Accredited CME with Evaluation and Feedback"). */
    public static final MocCreditType ABS_SELF_ASSESSMENT =
            new MocCreditType("ABS_SELF_ASSESSMENT", Board.ABS, "Self-Assessment");
    /** ABTS Accredited CME (inferred). */
    public static final MocCreditType ABTS_ACCREDITED_CME =
            new MocCreditType("ABTS_ACCREDITED_CME", Board.ABTS, "Accredited CME");
    /** ABTS Self-Assessment (inferred). */
    public static final MocCreditType ABTS_SELF_ASSESSMENT =
            new MocCreditType("ABTS_SELF_ASSESSMENT", Board.ABTS, "Self-Assessment");

    private static final List<MocCreditType> BUILT_IN = List.of(
            ABA_LIFELONG_LEARNING,
            ABA_PATIENT_SAFETY,
            ABA_QUALITY_IMPROVEMENT,
            ABIM_MEDICAL_KNOWLEDGE,
            ABIM_PRACTICE_ASSESSMENT,
            ABIM_PATIENT_SAFETY,
            ABO_LIFELONG_LEARNING,
            ABO_SELF_ASSESSMENT,
            ABO_PATIENT_SAFETY,
            ABO_IMPROVEMENT_IN_MEDICAL_PRACTICE,
            ABOHNS_SELF_ASSESSMENT,
            ABOHNS_IMPROVEMENT_IN_MEDICAL_PRACTICE,
            ABOS_ACCREDITED_CME,
            ABOS_SELF_ASSESSMENT,
            ABP_LIFELONG_LEARNING,
            ABP_QUALITY_IMPROVEMENT,
            ABPATH_LIFELONG_LEARNING,
            ABPATH_SELF_ASSESSMENT,
            ABPATH_IMPROVEMENT_IN_MEDICAL_PRACTICE,
            ABPMR_LIFELONG_LEARNING,
            ABPMR_SELF_ASSESSMENT,
            ABS_ACCREDITED_CME,
            ABS_SELF_ASSESSMENT,
            ABTS_ACCREDITED_CME,
            ABTS_SELF_ASSESSMENT);

    private final String code;
    private final Board board;
    private final String displayName;
    private final String wireName;

    private MocCreditType(String code, Board board, String displayName) {
        this(code, board, displayName, board.acronym() + " " + displayName);
    }

    private MocCreditType(String code, Board board, String displayName, String wireName) {
        this.code = code;
        this.board = board;
        this.displayName = displayName;
        this.wireName = wireName;
    }

    /**
     * A credit type.
     *
     * @param code its stable key: the board's code, an underscore, the type in upper case
     *     ({@code ABIM_MEDICAL_KNOWLEDGE})
     * @param board the board it belongs to
     * @param displayName the board's own name for it
     * @param wireName how PARS names it in {@code activityCertification} and {@code MOCCreditType}
     *     (inferred: the board's acronym, a space, its name)
     * @throws IllegalArgumentException when the code does not start with the board's code
     */
    public static MocCreditType of(String code, Board board, String displayName, String wireName) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(wireName, "wireName");
        if (!code.matches("[A-Z][A-Z0-9_]{2,80}") || !code.startsWith(board.code() + "_")) {
            throw new IllegalArgumentException("a credit type code is its board's code, an underscore and upper-case "
                    + "letters, digits or underscores");
        }
        for (MocCreditType t : BUILT_IN) {
            if (t.code.equals(code)
                    && t.board.equals(board)
                    && t.displayName.equals(displayName)
                    && t.wireName.equals(wireName)) {
                return t;
            }
        }
        return new MocCreditType(code, board, displayName, wireName);
    }

    /** {@link #of(String, Board, String, String)} with the usual wire name: acronym, space, name. */
    public static MocCreditType of(String code, Board board, String displayName) {
        return of(code, board, displayName, board.acronym() + " " + displayName);
    }

    /** Its stable key, e.g. {@code ABIM_MEDICAL_KNOWLEDGE}; what an enum constant's name was. */
    public String code() {
        return code;
    }

    /** Same as {@link #code()}. */
    public String name() {
        return code;
    }

    /** The board this credit type belongs to. */
    public Board board() {
        return board;
    }

    /** The board's own name for the credit type. */
    public String displayName() {
        return displayName;
    }

    /** How PARS names it on the wire (inferred; docs/pars-reference.md 4.4). */
    public String wireName() {
        return wireName;
    }

    /** The credit types of the shipped catalogue. */
    public static List<MocCreditType> values() {
        return RulesCatalogue.defaults().creditTypes();
    }

    @Override
    public int compareTo(MocCreditType other) {
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MocCreditType t && t.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code, e.g. {@code ABIM_MEDICAL_KNOWLEDGE}. */
    @Override
    public String toString() {
        return code;
    }
}
