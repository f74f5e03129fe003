/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.rules.RulesCatalogue;

/**
 * A certifying board that takes MOC / Continuing Certification credit through PARS. Boards are
 * data: the {@link RulesCatalogue} lists them with their rules, and an application adds one
 * there without a new release of the SDK. The constants are the boards of the catalogue shipped
 * with this version, for convenience. Two boards are equal when their codes are. Immutable.
 */
public final class Board implements Comparable<Board> {

    /** American Board of Anesthesiology. */
    public static final Board ABA = new Board("ABA", "ABA", "American Board of Anesthesiology", "ABA");
    /** American Board of Internal Medicine. */
    public static final Board ABIM = new Board("ABIM", "ABIM", "American Board of Internal Medicine", "ABIM");
    /** American Board of Ophthalmology (collaborates with ACCME; docs/pars-reference.md 12). */
    public static final Board ABO = new Board("ABO", "ABO", "American Board of Ophthalmology", "ABO");
    /** American Board of Otolaryngology - Head and Neck Surgery. */
    public static final Board ABOHNS =
            new Board("ABOHNS", "ABOHNS", "American Board of Otolaryngology - Head and Neck Surgery", "ABOHNS");
    /** American Board of Orthopaedic Surgery. */
    public static final Board ABOS = new Board("ABOS", "ABOS", "American Board of Orthopaedic Surgery", "ABOS");
    /** American Board of Pediatrics. */
    public static final Board ABP = new Board("ABP", "ABP", "American Board of Pediatrics", "ABP");
    /** American Board of Pathology. */
    public static final Board ABPATH = new Board("ABPATH", "ABPath", "American Board of Pathology", "ABPATH");
    /** American Board of Physical Medicine and Rehabilitation (activities from 2025-01-01). */
    public static final Board ABPMR =
            new Board("ABPMR", "ABPMR", "American Board of Physical Medicine and Rehabilitation", "ABPMR");
    /** American Board of Surgery. */
    public static final Board ABS = new Board("ABS", "ABS", "American Board of Surgery", "ABS");
    /** American Board of Thoracic Surgery. */
    public static final Board ABTS = new Board("ABTS", "ABTS", "American Board of Thoracic Surgery", "ABTS");

    private final String code;
    private final String acronym;
    private final String displayName;
    private final String activityName;

    private Board(String code, String acronym, String displayName, String activityName) {
        this.code = code;
        this.acronym = acronym;
        this.displayName = displayName;
        this.activityName = activityName;
    }

    /**
     * A board.
     *
     * @param code its stable key: upper-case letters, e.g. {@code ABPATH}
     * @param acronym its usual acronym, as learner reports name it ({@code ABPath})
     * @param displayName its full name, as transcripts name it
     * @param activityName its name on an activity's MOC registration ({@code ABPATH})
     * @throws IllegalArgumentException when the code is not 2 to 12 upper-case letters
     */
    public static Board of(String code, String acronym, String displayName, String activityName) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(acronym, "acronym");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(activityName, "activityName");
        if (!code.matches("[A-Z]{2,12}")) {
            throw new IllegalArgumentException("a board code is 2 to 12 upper-case letters");
        }
        for (Board b : List.of(ABA, ABIM, ABO, ABOHNS, ABOS, ABP, ABPATH, ABPMR, ABS, ABTS)) {
            if (b.code.equals(code)
                    && b.acronym.equals(acronym)
                    && b.displayName.equals(displayName)
                    && b.activityName.equals(activityName)) {
                return b;
            }
        }
        return new Board(code, acronym, displayName, activityName);
    }

    /** Its stable key, e.g. {@code ABPATH}; what an enum constant's name was. */
    public String code() {
        return code;
    }

    /** Same as {@link #code()}. */
    public String name() {
        return code;
    }

    /** The board's usual acronym, e.g. {@code ABPath}. */
    public String acronym() {
        return acronym;
    }

    /** The board's full name. */
    public String displayName() {
        return displayName;
    }

    /** The board's name on an activity's MOC registration ({@code boardName}). */
    public String activityName() {
        return activityName;
    }

    /**
     * A board of the shipped {@link RulesCatalogue} by code or acronym, in any case
     * ({@code "abpath"}, {@code " ABIM "}); empty if unknown. Boards an application added are
     * found through its own catalogue ({@link RulesCatalogue#board(String)}).
     */
    public static Optional<Board> parse(String raw) {
        return RulesCatalogue.defaults().board(Objects.requireNonNull(raw, "raw"));
    }

    /** The boards of the shipped catalogue, by code. */
    public static List<Board> values() {
        return RulesCatalogue.defaults().boards();
    }

    @Override
    public int compareTo(Board other) {
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Board b && b.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code, e.g. {@code ABIM}. */
    @Override
    public String toString() {
        return code;
    }
}
