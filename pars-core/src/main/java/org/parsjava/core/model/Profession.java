/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A learner's profession, as far as PARS reporting cares: MOC credit is for physicians (the
 * {@link org.parsjava.core.rules.RulesCatalogue} says which professions may earn it), and
 * nurse practitioners or physician assistants who claim MOC produce board failures
 * (docs/pars-reference.md 12).
 */
public enum Profession {
    /** An MD or DO. */
    PHYSICIAN,
    /** A nurse practitioner (advanced practice nurse). */
    NURSE_PRACTITIONER,
    /** A physician assistant. */
    PHYSICIAN_ASSISTANT,
    /** A nurse. */
    NURSE,
    /** A pharmacist (credit goes to CPE Monitor, not PARS). */
    PHARMACIST,
    /** Any other profession. */
    OTHER;

    /** A run of white space, read as one space. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /**
     * Reads a profession as people type it: {@code physician}, {@code MD}, {@code DO},
     * {@code NP}, {@code nurse practitioner}, {@code PA}, {@code RN}, {@code PharmD}...; empty
     * when unknown.
     */
    public static Optional<Profession> parse(String raw) {
        String k = SPACES.matcher(Objects.requireNonNull(raw, "raw")
                        .strip()
                        .toUpperCase(Locale.ROOT)
                        .replace('.', ' ')
                        .replace('-', ' ')
                        .replace('_', ' '))
                .replaceAll(" ");
        return Optional.ofNullable(
                switch (k) {
                    case "PHYSICIAN", "MD", "DO", "M D", "D O" -> PHYSICIAN;
                    case "NP", "NURSE PRACTITIONER", "APRN", "ADVANCED PRACTICE NURSE" -> NURSE_PRACTITIONER;
                    case "PA", "PA C", "PHYSICIAN ASSISTANT", "PHYSICIAN ASSOCIATE" -> PHYSICIAN_ASSISTANT;
                    case "NURSE", "RN", "LPN" -> NURSE;
                    case "PHARMACIST", "PHARMD", "RPH" -> PHARMACIST;
                    case "OTHER" -> OTHER;
                    default -> null;
                });
    }
}
