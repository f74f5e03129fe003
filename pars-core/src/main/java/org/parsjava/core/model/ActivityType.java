/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The format of a CME activity (docs/pars-reference.md 3.2): the legacy PARS type codes and the
 * activity-format names used since the 2021 rebuild. Wire strings live in the codec.
 */
public enum ActivityType {
    /** Course (live, in person). */
    COURSE("C", "Course", false),
    /** Regularly Scheduled Series. */
    REGULARLY_SCHEDULED_SERIES("RSS", "Regularly Scheduled Series", false),
    /** Internet Live Course. */
    INTERNET_LIVE_COURSE("IL", "Internet Live Course", false),
    /** Enduring Material. */
    ENDURING_MATERIAL("EM", "Enduring Material", true),
    /** Internet Activity Enduring Material. */
    INTERNET_ENDURING_MATERIAL("IEM", "Internet Activity Enduring Material", true),
    /** Journal-based CME. */
    JOURNAL_CME("JN", "Journal-based CME", true),
    /** Manuscript Review. */
    MANUSCRIPT_REVIEW("MR", "Manuscript Review", true),
    /** Test-Item Writing. */
    TEST_ITEM_WRITING("TIW", "Test-Item Writing", true),
    /** Committee Learning (legacy code CML, not CL). */
    COMMITTEE_LEARNING("CML", "Committee Learning", false),
    /** Performance / Quality Improvement. */
    PERFORMANCE_IMPROVEMENT("PI", "Performance Improvement", true),
    /** Internet Searching and Learning. */
    INTERNET_SEARCHING_AND_LEARNING("ISL", "Internet Searching and Learning", true),
    /** Learning from Teaching. */
    LEARNING_FROM_TEACHING("LFT", "Learning from Teaching", true),
    /** Other / blended learning (no legacy code). */
    OTHER(null, "Other/Blended Learning", true);

    private final String legacyCode;
    private final String displayName;
    private final boolean openEnded;

    ActivityType(String legacyCode, String displayName, boolean openEnded) {
        this.legacyCode = legacyCode;
        this.displayName = displayName;
        this.openEnded = openEnded;
    }

    /** The legacy PARS template code (e.g. {@code CML}); empty for {@link #OTHER}. */
    public Optional<String> legacyCode() {
        return Optional.ofNullable(legacyCode);
    }

    /** A readable name of the format. */
    public String displayName() {
        return displayName;
    }

    /**
     * True when learners may complete the activity after its end date is not a contradiction
     * (enduring and self-paced formats); false for live formats, whose completions must fall
     * between the start and end dates.
     */
    public boolean openEnded() {
        return openEnded;
    }

    /** Parses a legacy code or constant name in any case; empty if unknown. */
    public static Optional<ActivityType> parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String key = raw.strip().toUpperCase(Locale.ROOT);
        for (ActivityType t : values()) {
            if (t.name().equals(key) || key.equals(t.legacyCode)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
