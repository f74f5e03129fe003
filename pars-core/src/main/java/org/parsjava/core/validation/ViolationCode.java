/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

/**
 * Stable codes for every rule the validator applies. Codes never change meaning; callers may
 * switch on them, store them and show their own wording. Each carries a default severity and a
 * message that never contains the offending value (it may be personal data).
 */
public enum ViolationCode {
    // Learner identity
    /** First or last name is blank. */
    NAME_MISSING("name is required"),
    /** Name has no letter (only punctuation, digits or symbols). */
    NAME_INVALID("name must contain at least one letter"),
    /** Name longer than 100 characters (docs/pars-reference.md 5.6). */
    NAME_TOO_LONG("name must be at most 100 characters"),
    /** Birth month/day missing from the input. */
    BIRTH_DATE_MISSING("birth month and day are required"),
    /** Birth month/day unreadable, not a calendar day (02/30, 13/01) or carrying a year. */
    BIRTH_DATE_INVALID("birth date must be a real month and day written MM/DD, without a year"),
    /** NPI is not ten digits. */
    NPI_FORMAT("NPI must be exactly 10 digits"),
    /** NPI fails the CMS Luhn check digit. */
    NPI_CHECK_DIGIT("NPI check digit does not match; the number is mistyped"),
    /** NPI does not start with 1 or 2, as every issued NPI does. */
    NPI_UNUSUAL_PREFIX(Severity.WARNING, "NPI does not start with 1 or 2, as issued NPIs do"),
    /** License state is not a US state, DC or a territory PARS accepts. */
    JURISDICTION_UNKNOWN("license state must be a US state, DC or territory code or name"),
    /** License number given without a state. */
    LICENSE_STATE_MISSING("a license number needs the state that issued it"),
    /** License number has an impossible shape. */
    LICENSE_NUMBER_INVALID(
            "license number must be 1-30 letters, digits, spaces, '.', '-' or '/', " + "with at least one digit"),
    /** A roster's profession cell names no profession the SDK knows. */
    PROFESSION_UNKNOWN("profession must be physician (MD, DO), NP, PA, nurse, pharmacist or other"),
    /** Neither an NPI nor a state license was given. */
    IDENTITY_MISSING("an NPI or a state license (state and number) is required"),
    /**
     * Board is not in the rules catalogue ({@link org.parsjava.core.rules.RulesCatalogue}); add it
     * there if it takes MOC through PARS.
     */
    BOARD_UNKNOWN("board is not one the rules catalogue lists (see `pars columns` or RulesCatalogue)"),
    /** Board ID does not match the board's ID format. */
    BOARD_ID_INVALID("board ID does not match the board's ID format"),
    /** MOC points reported for a board without the learner's ID at that board. */
    BOARD_ID_MISSING("MOC credit for a board needs the learner's ID at that board"),
    /** MOC points for a board that accepts them without an ID (ABS), but may not match the learner. */
    BOARD_ID_ADVISED(Severity.WARNING, "no board ID given; the board may not match the learner without it"),

    // Activity
    /** The activity has no ACCME Activity ID yet: save it in PARS first. */
    ACTIVITY_ID_MISSING("the activity has no ACCME Activity ID; save the activity in PARS first"),
    /** A roster names an ACCME Activity ID the provider has no activity for. */
    ACTIVITY_UNKNOWN("no activity with this ACCME Activity ID is known for this provider"),
    /**
     * The activity could not be looked up (PARS unreachable, say): the row is not wrong, but it
     * cannot be checked or sent; try it again later.
     */
    ACTIVITY_LOOKUP_FAILED("the activity could not be looked up; the row was not checked or sent, try again later"),
    /** A roster row is missing a cell its header promises, or has extra cells. */
    ROW_MALFORMED("the row does not have one cell per header column"),
    /**
     * A roster row holds bytes that are not text in the roster's encoding (a Windows-1252
     * accent in a UTF-8 file, say); the row is not read rather than read with a wrong letter.
     */
    ROW_ENCODING("the row has bytes that are not valid text in the roster's encoding; save the file as UTF-8 "
            + "or name its encoding (e.g. windows-1252)"),
    /** ACCME Activity ID is not nine digits. */
    ACTIVITY_ID_INVALID("ACCME Activity ID must be 9 digits"),
    /** Provider ID is not seven digits. */
    PROVIDER_ID_INVALID("ACCME provider ID must be 7 digits (keep leading zeros)"),
    /** Provider activity ID blank or longer than 100 characters. */
    PROVIDER_ACTIVITY_ID_INVALID("provider activity ID must be 1-100 characters"),
    /** Title blank or longer than 500 characters. */
    TITLE_INVALID("activity title must be 1-500 characters"),
    /** End date before start date. */
    ACTIVITY_DATES_INVERTED("activity end date is before its start date"),
    /** The activity has no description; the draft activity schema requires one to save it. */
    ACTIVITY_DESCRIPTION_MISSING("an activity needs a description to be saved in PARS"),
    /** The description is longer than the 2,500 characters the draft activity schema allows. */
    ACTIVITY_DESCRIPTION_TOO_LONG("the activity description must be at most 2,500 characters"),
    /** Direct or joint providership is not said; the draft activity schema requires it. */
    ACTIVITY_SPONSORSHIP_MISSING("an activity needs its sponsorship (direct or joint) to be saved in PARS"),
    /** An update changes a field that makes PARS create a new activity instead (docs/pars-reference.md 2.4). */
    ACTIVITY_PROTECTED_FIELD_CHANGED("changing the activity type, dates, ACCME Activity ID or provider "
            + "activity ID on an update makes PARS create a new activity; create a new activity instead"),
    /** The activity is not in a status that accepts learner reporting. */
    ACTIVITY_NOT_ACTIVE("the activity is not active in PARS, so learners cannot be reported"),

    // Completion
    /** Completion key blank, too long or with characters a PARS CreditID cannot carry. */
    COMPLETION_KEY_INVALID("completion key must be 1-200 characters of A-Z, a-z, 0-9, '.', '_', '-', '~'"),
    /** Two records in one batch share a completion key. */
    COMPLETION_KEY_DUPLICATE("completion key is used by another record in this batch"),
    /** Same learner, activity and completion date as another record in the batch. */
    COMPLETION_POSSIBLE_DUPLICATE(
            Severity.WARNING, "same learner, activity and completion date as another record in this batch"),
    /** A roster's MOC cell names no known MOC credit type. */
    MOC_CREDIT_TYPE_UNKNOWN("MOC credit type must be a known board credit type, e.g. ABIM_MEDICAL_KNOWLEDGE=1.5"),
    /** Learner's permission to share with ACCME not recorded. */
    CONSENT_MISSING("the learner has not given permission to share this record with ACCME"),
    /** Completion date missing or unreadable. */
    COMPLETION_DATE_INVALID("completion date must be a calendar date (YYYY-MM-DD or MM/DD/YYYY), " + "without a time"),
    /** Completion date after today. */
    COMPLETION_DATE_IN_FUTURE("completion date is in the future"),
    /** Completion date before the activity started. */
    COMPLETION_DATE_BEFORE_ACTIVITY("completion date is before the activity's start date"),
    /** Completion date after a live activity ended. */
    COMPLETION_DATE_AFTER_ACTIVITY("completion date is after the activity's end date"),
    /** PARS no longer accepts completions from that year. */
    COMPLETION_DATE_OUTSIDE_REPORTING_WINDOW("completion date is outside the PARS reporting window"),
    /** Previous-year completion reported after the legacy 31 March cut-off. */
    REPORTING_WINDOW_AT_RISK(Severity.WARNING, "previous-year completion reported after 31 March; PARS may refuse it"),
    /** A board's program does not accept completions this early (ABS: before 2021-03-01). */
    COMPLETION_DATE_BEFORE_BOARD_PROGRAM("completion date is before the board accepts PARS reporting"),
    /** The activity's claim deadline for this board has passed. */
    MOC_CLAIM_DEADLINE_PASSED("the activity's MOC credit claim date for this board has passed"),

    // Credits
    /** No CME credits and no MOC points. */
    CREDITS_MISSING("at least one credit line (CME credits or MOC points) is required"),
    /** Credit amount unreadable. */
    CREDITS_INVALID("credits must be a decimal number such as 1.25"),
    /** Credits zero or negative. */
    CREDITS_NOT_POSITIVE("credits must be greater than zero"),
    /** Credits not a multiple of 0.25 (docs/pars-reference.md 4.3). */
    CREDITS_NOT_QUARTER_STEP("credits must be in steps of 0.25"),
    /** Credits above the activity's designated maximum. */
    CREDITS_ABOVE_MAXIMUM("credits exceed the maximum the activity is designated for"),
    /** More than a board accepts for one day (ABS: 12 per day). */
    CREDITS_ABOVE_DAILY_CAP("credits exceed what the board accepts for one day"),
    /** MOC points for a board the activity is not registered with. */
    MOC_BOARD_NOT_REGISTERED("the activity is not registered for MOC with this board"),
    /** MOC credit type not offered by the activity's registration. */
    MOC_CREDIT_TYPE_NOT_REGISTERED("the activity's MOC registration does not offer this credit type"),
    /** The same MOC credit type twice in one completion. */
    MOC_CREDIT_DUPLICATE("the same MOC credit type appears more than once"),

    // Per-board rules from the rules catalogue (docs/pars-reference.md 12)
    /**
     * MOC credit for a learner whose profession may not earn it: MOC is for physicians, and
     * nurse practitioners or physician assistants who claim it produce board failures
     * (docs/pars-reference.md 12 [N13, N14]; the eligible professions are the catalogue's).
     */
    MOC_PROFESSION_NOT_ELIGIBLE(
            "MOC credit is for physicians; this learner's profession cannot earn it, report CME " + "credit only"),
    /**
     * MOC for a board whose collaboration with PARS starts after the activity did (ABPMR: activities
     * starting on or after 2025-01-01, docs/pars-reference.md 12 [N5]).
     */
    MOC_BOARD_NOT_YET_COLLABORATING(
            "the board takes MOC through PARS only for activities starting on or after its start " + "date"),
    /**
     * A credit type earned on a date the board does not offer it (ABPath SAM, discontinued from
     * 2021-01-01, docs/pars-reference.md 12 [N10]).
     */
    MOC_CREDIT_TYPE_NOT_VALID_ON_DATE("the board does not offer this MOC credit type on this date"),
    /**
     * Two credit types the board does not combine in one record (ABO: Improvement in Medical
     * Practice and Patient Safety, docs/pars-reference.md 12 [N9]).
     */
    MOC_CREDIT_TYPES_INCOMPATIBLE("the board does not combine these MOC credit types in one record"),
    /**
     * Patient-safety credit in the same record as the board's other credit where the board takes
     * them as two records (ABA, docs/pars-reference.md 12 [N6]).
     */
    MOC_PATIENT_SAFETY_SEPARATE(
            "the board takes patient-safety credit as its own record; report it under its own " + "completion key"),
    /**
     * A second record for the same diplomate, activity and completion date where the board takes
     * one (ABA, docs/pars-reference.md 12 [N6]); found across a batch and, through the ledger,
     * across runs.
     */
    MOC_ONE_RECORD_PER_DAY("the board takes one record per diplomate, activity and completion date; this learner "
            + "already has one"),
    /**
     * MOC credit that differs from what another learner of the same activity earned, where the
     * board requires every learner to earn the same (ABP, docs/pars-reference.md 12 [N7]); found
     * across a batch and, through the ledger, across runs.
     */
    MOC_CREDIT_NOT_UNIFORM("the board requires every learner of an activity to earn the same MOC credit; this record "
            + "differs from the activity's other learners");

    private final Severity severity;
    private final String message;

    ViolationCode(String message) {
        this(Severity.ERROR, message);
    }

    ViolationCode(Severity severity, String message) {
        this.severity = severity;
        this.message = message;
    }

    /** The default severity. */
    public Severity severity() {
        return severity;
    }

    /** A readable default message; never contains input values. */
    public String message() {
        return message;
    }
}
