/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A certifying board that receives MOC / Continuing Certification credit through PARS
 * (docs/pars-reference.md 1: the eight collaborating ABMS member boards).
 */
public enum Board {
    /** American Board of Anesthesiology. */
    ABA("ABA", "American Board of Anesthesiology"),
    /** American Board of Internal Medicine. */
    ABIM("ABIM", "American Board of Internal Medicine"),
    /** American Board of Otolaryngology - Head and Neck Surgery. */
    ABOHNS("ABOHNS", "American Board of Otolaryngology - Head and Neck Surgery"),
    /** American Board of Orthopaedic Surgery. */
    ABOS("ABOS", "American Board of Orthopaedic Surgery"),
    /** American Board of Pediatrics. */
    ABP("ABP", "American Board of Pediatrics"),
    /** American Board of Pathology. */
    ABPATH("ABPath", "American Board of Pathology"),
    /** American Board of Surgery. */
    ABS("ABS", "American Board of Surgery"),
    /** American Board of Thoracic Surgery. */
    ABTS("ABTS", "American Board of Thoracic Surgery");

    private final String acronym;
    private final String displayName;

    Board(String acronym, String displayName) {
        this.acronym = acronym;
        this.displayName = displayName;
    }

    /** The board's usual acronym, e.g. {@code ABPath}; wire spellings live in the codec. */
    public String acronym() {
        return acronym;
    }

    /** The board's full name. */
    public String displayName() {
        return displayName;
    }

    /** Parses an acronym in any case ({@code "abpath"}, {@code " ABIM "}); empty if unknown. */
    public static Optional<Board> parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String key = raw.strip().toUpperCase(Locale.ROOT);
        for (Board b : values()) {
            if (b.name().equals(key)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
