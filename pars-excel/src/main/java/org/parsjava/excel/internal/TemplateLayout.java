/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel.internal;

import java.util.List;

/**
 * Every choice about ACCME's learner Excel template, in one place, with its source. Correct
 * them here when ACCME's file is at hand.
 *
 * <p>Known (docs/pars-reference.md 6.1; ACCME's {@code 917_20240125_Learner_Excel_CME_MOC_Template},
 * headers and a sample row seen in a third-party importer's tests): data on the first sheet,
 * {@code Sheet1}; row 1 guidance text, row 2 the header, data from row 3; the header below, in
 * order, including the trailing space of {@code "Credit Type "}; record action {@code Add};
 * completion date as an Excel date; date of birth as {@code MM/DD} text; licensing state by its
 * full name ({@code Maine}); numbers as numbers.
 *
 * <p>Inferred (not found in any source): the delete token ({@link #ACTION_DELETE}); one row per
 * certifying board for a completion with MOC points for several boards, the CME credits on the
 * first of them only; the NPI in {@code Licensing ID or NPI} when the learner has no license;
 * the names and number of the additional credit-type pairs ({@link #CREDIT_PAIRS}); the
 * guidance text; no row limit.
 */
public final class TemplateLayout {

    private TemplateLayout() {}

    /** The data sheet's name. */
    public static final String SHEET = "Sheet1";
    /** Row of the guidance text (1-based, as Excel shows it). */
    public static final int GUIDANCE_ROW = 1;
    /** Row of the header. */
    public static final int HEADER_ROW = 2;
    /** First data row. */
    public static final int FIRST_DATA_ROW = 3;
    /** Record action for a new record. */
    public static final String ACTION_ADD = "Add";
    /** Record action for a deletion (inferred). */
    public static final String ACTION_DELETE = "Delete";
    /** Excel number format of the completion date. */
    public static final String DATE_FORMAT = "mm/dd/yyyy";
    /** Credit type / credits pairs after the board credits (inferred: four; no board has more than three types). */
    public static final int CREDIT_PAIRS = 4;
    /** Row 1 (ours; ACCME's wording is not known). */
    public static final String GUIDANCE = "ACCME learner upload: one row per learner, activity and certifying board. "
            + "Date of Birth as MM/DD; Completion Date as a date. Written by pars-java.";

    /** Column positions (0-based). */
    public static final int RECORD_ACTION = 0;
    /** ACCME Activity ID. */
    public static final int ACTIVITY_ID = 1;
    /** Completion Date. */
    public static final int COMPLETION_DATE = 2;
    /** First Name. */
    public static final int FIRST_NAME = 3;
    /** Last Name. */
    public static final int LAST_NAME = 4;
    /** Date of Birth. */
    public static final int BIRTH_DATE = 5;
    /** Licensing State. */
    public static final int LICENSING_STATE = 6;
    /** Licensing ID or NPI. */
    public static final int LICENSE_OR_NPI = 7;
    /** Number of CME Credits. */
    public static final int CME_CREDITS = 8;
    /** Certifying Board. */
    public static final int BOARD = 9;
    /** Certifying Board ID. */
    public static final int BOARD_ID = 10;
    /** Total Board Credits. */
    public static final int BOARD_CREDITS = 11;
    /** First credit type; its credits follow, then the next pair. */
    public static final int FIRST_CREDIT_TYPE = 12;

    /** The header row, in order. */
    public static final List<String> HEADER = header();

    private static List<String> header() {
        List<String> h = new java.util.ArrayList<>(List.of(
                "Record Action",
                "ACCME Activity ID",
                "Completion Date",
                "First Name",
                "Last Name",
                "Date of Birth",
                "Licensing State",
                "Licensing ID or NPI",
                "Number of CME Credits",
                "Certifying Board",
                "Certifying Board ID",
                "Total Board Credits",
                "Credit Type ",
                "Credits Awarded for Credit Type"));
        for (int i = 1; i < CREDIT_PAIRS; i++) {
            h.add("Additional Credit Type");
            h.add("Credits Awarded for Additional Credit Type");
        }
        return List.copyOf(h);
    }
}
