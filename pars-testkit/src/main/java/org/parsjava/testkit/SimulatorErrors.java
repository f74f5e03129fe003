/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

/**
 * The error codes {@link ParsSimulator} answers with. PARS's own codes are not published
 * (docs/pars-reference.md 2.7); these name the PARS acceptance rules the simulator enforces, so tests
 * can assert on them.
 */
public final class SimulatorErrors {

    private SimulatorErrors() {}

    /** Credentials or provider ID not accepted. */
    public static final String AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";
    /** The body is not a PARS document. */
    public static final String MALFORMED_DOCUMENT = "MALFORMED_DOCUMENT";
    /** The report's provider is not the authenticated provider. */
    public static final String PROVIDER_MISMATCH = "PROVIDER_MISMATCH";
    /** No activity with that ACCME Activity ID for this provider. */
    public static final String ACTIVITY_NOT_FOUND = "ACTIVITY_NOT_FOUND";
    /** The activity does not accept learners (closed or not yet active). */
    public static final String ACTIVITY_CLOSED = "ACTIVITY_CLOSED";
    /** Given or family name missing. */
    public static final String NAME_MISSING = "NAME_MISSING";
    /** Birth month/day missing or not a calendar day. */
    public static final String BIRTH_DATE_INVALID = "BIRTH_DATE_INVALID";
    /** Neither NPI nor state license. */
    public static final String IDENTITY_MISSING = "IDENTITY_MISSING";
    /** NPI fails the check digit. */
    public static final String NPI_INVALID = "NPI_INVALID";
    /** Completion date missing or unreadable. */
    public static final String COMPLETION_DATE_INVALID = "COMPLETION_DATE_INVALID";
    /** Completion date after today. */
    public static final String COMPLETION_DATE_IN_FUTURE = "COMPLETION_DATE_IN_FUTURE";
    /** Completion year closed for reporting. */
    public static final String COMPLETION_DATE_OUTSIDE_WINDOW = "COMPLETION_DATE_OUTSIDE_WINDOW";
    /** Credits not positive quarter steps. */
    public static final String CREDITS_INVALID = "CREDITS_INVALID";
    /** Credits above the activity's designation or MOC registration. */
    public static final String CREDITS_ABOVE_MAXIMUM = "CREDITS_ABOVE_MAXIMUM";
    /** MOC credit for a board the activity is not registered with. */
    public static final String BOARD_NOT_REGISTERED = "BOARD_NOT_REGISTERED";
    /** MOC credit without the learner's ID at that board. */
    public static final String BOARD_ID_MISSING = "BOARD_ID_MISSING";
    /** The learner already has a record for this activity and day, or the CreditID exists. */
    public static final String DUPLICATE_RECORD = "DUPLICATE_RECORD";
    /** A delete names a CreditID PARS does not hold. */
    public static final String RECORD_NOT_FOUND = "RECORD_NOT_FOUND";
    /** A read's query lacks what it needs or holds a malformed value (HTTP 400). */
    public static final String QUERY_INVALID = "QUERY_INVALID";
    /** An activity update changes the format or dates. */
    public static final String ACTIVITY_CHANGE_REFUSED = "ACTIVITY_CHANGE_REFUSED";
    /** An added activity lacks a field the draft activity schema requires (description, sponsorship). */
    public static final String ACTIVITY_FIELD_MISSING = "ACTIVITY_FIELD_MISSING";
}
