/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.batch;

import java.util.List;

/**
 * The column headers of a learner-completion roster CSV, as an LMS exports it. Headers are
 * matched ignoring case, spaces and underscores; order does not matter; unknown columns are
 * not read, and {@link RosterReader#ignoredColumns()} names them so a misspelt one is noticed.
 * ACCME's own Excel template headers were not retrievable (docs/pars-reference.md 6.1), so this layout
 * follows its inferred column set.
 *
 * <table>
 * <caption>Columns</caption>
 * <tr><th>header</th><th>content</th><th>forms accepted</th></tr>
 * <tr><td>completion_key</td><td>your own ID of the completion (required)</td><td>A-Z a-z 0-9 . _ - ~</td></tr>
 * <tr><td>activity_id</td><td>ACCME Activity ID (required)</td><td>9 digits</td></tr>
 * <tr><td>first_name, last_name</td><td>learner's name</td><td>any; trimmed</td></tr>
 * <tr><td>birth_date</td><td>birth month and day</td><td>{@code 2/9}, {@code 02/09}, {@code 02-09}</td></tr>
 * <tr><td>npi</td><td>NPI</td><td>digits, spaces or hyphens allowed</td></tr>
 * <tr><td>license_state, license_number</td><td>state license</td><td>{@code CA} or {@code California}</td></tr>
 * <tr><td>board_ids</td><td>board IDs</td><td>{@code ABIM=123456;ABS=55555}</td></tr>
 * <tr><td>completion_date</td><td>day of completion</td><td>{@code 2026-02-27} or {@code 2/27/2026}</td></tr>
 * <tr><td>cme_credits</td><td>AMA PRA Category 1 credits</td><td>{@code 1.5}; empty for none</td></tr>
 * <tr><td>moc_credits</td><td>MOC points</td><td>{@code ABIM_MEDICAL_KNOWLEDGE=1.5;ABS_ACCREDITED_CME=1}</td></tr>
 * <tr><td>consent</td><td>permission to share with ACCME</td><td>yes/no, y/n, true/false, 1/0, x</td></tr>
 * <tr><td>profession</td><td>learner's profession</td><td>{@code physician}, {@code MD}, {@code NP}, {@code PA}, {@code nurse}, {@code pharmacist}, {@code other}</td></tr>
 * </table>
 */
public final class RosterColumns {

    private RosterColumns() {}

    /** Caller's completion key. */
    public static final String COMPLETION_KEY = "completion_key";
    /** ACCME Activity ID. */
    public static final String ACTIVITY_ID = "activity_id";
    /** First name. */
    public static final String FIRST_NAME = "first_name";
    /** Last name. */
    public static final String LAST_NAME = "last_name";
    /** Birth month and day. */
    public static final String BIRTH_DATE = "birth_date";
    /** NPI. */
    public static final String NPI = "npi";
    /** License state. */
    public static final String LICENSE_STATE = "license_state";
    /** License number. */
    public static final String LICENSE_NUMBER = "license_number";
    /** Board IDs. */
    public static final String BOARD_IDS = "board_ids";
    /** Completion date. */
    public static final String COMPLETION_DATE = "completion_date";
    /** CME credits. */
    public static final String CME_CREDITS = "cme_credits";
    /** MOC credits. */
    public static final String MOC_CREDITS = "moc_credits";
    /** Consent. */
    public static final String CONSENT = "consent";
    /** The learner's profession (optional; MOC lines of a profession that cannot earn MOC are refused). */
    public static final String PROFESSION = "profession";

    /** Every column, in the documented order. */
    public static final List<String> ALL = List.of(
            COMPLETION_KEY,
            ACTIVITY_ID,
            FIRST_NAME,
            LAST_NAME,
            BIRTH_DATE,
            NPI,
            LICENSE_STATE,
            LICENSE_NUMBER,
            BOARD_IDS,
            COMPLETION_DATE,
            CME_CREDITS,
            MOC_CREDITS,
            CONSENT,
            PROFESSION);

    /** Columns a roster must have. */
    public static final List<String> REQUIRED =
            List.of(COMPLETION_KEY, ACTIVITY_ID, FIRST_NAME, LAST_NAME, BIRTH_DATE, COMPLETION_DATE, CONSENT);

    /** Columns a roster may have: every column but the required ones, in the documented order. */
    public static final List<String> OPTIONAL =
            ALL.stream().filter(c -> !REQUIRED.contains(c)).toList();

    /**
     * What one column holds, in words for the people who fill a roster in.
     *
     * @param name the header
     * @param required whether every roster must have it
     * @param holds what it holds
     * @param example values as accepted
     */
    public record Column(String name, boolean required, String holds, String example) {}

    /** Every column with what it holds and example values, in the documented order. */
    public static List<Column> describe() {
        return List.of(
                column(
                        COMPLETION_KEY,
                        "your LMS's own ID of this completion (letters, digits, . _ - ~)",
                        "enrolment-88231"),
                column(ACTIVITY_ID, "the activity's 9-digit ACCME Activity ID", "201234567"),
                column(FIRST_NAME, "the learner's first name, as on the license", "Jane"),
                column(LAST_NAME, "the learner's last name, as on the license", "Sample"),
                column(BIRTH_DATE, "birth month and day, never the year", "2/9, 02/09 or 02-09"),
                column(NPI, "the learner's NPI (an NPI or a state license is needed)", "1234 567 893"),
                column(LICENSE_STATE, "the state of the medical license", "CA or California"),
                column(LICENSE_NUMBER, "the license number as issued", "A99999"),
                column(BOARD_IDS, "certifying-board IDs, for MOC credit", "ABIM=123456; ABS=55555"),
                column(COMPLETION_DATE, "the day the learner completed the activity", "2026-02-27 or 2/27/2026"),
                column(CME_CREDITS, "AMA PRA Category 1 credits, in quarter steps; empty for none", "1.5"),
                column(MOC_CREDITS, "MOC points by board credit type", "ABIM_MEDICAL_KNOWLEDGE=1.5"),
                column(CONSENT, "the learner's permission to share with ACCME", "yes, y, true, 1 or x; no refuses"),
                column(
                        PROFESSION,
                        "the learner's profession; MOC credit is refused for professions that cannot earn it",
                        "physician, MD, DO, NP, PA, nurse, pharmacist or other"));
    }

    private static Column column(String name, String holds, String example) {
        return new Column(name, REQUIRED.contains(name), holds, example);
    }

    /** A header as it is matched: trimmed, lower case, without spaces or underscores. */
    public static String normalize(String header) {
        return header.strip()
                .toLowerCase(java.util.Locale.ROOT)
                .replace(" ", "")
                .replace("_", "");
    }
}
