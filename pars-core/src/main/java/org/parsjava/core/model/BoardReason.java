/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

/**
 * Why a certifying board rejected a MOC line, as far as the SDK can tell from the reason PARS
 * shows. PARS sends a MOC line to the board, which accepts or rejects it "within 24 hours"; on a
 * rejection the reason appears in PARS and the provider may correct and resubmit
 * (docs/pars-reference.md 12 [N2]). PARS's reason texts are not published: the SDK reads them
 * through one table of words (the codec's {@code Vocabulary.BOARD_REASONS}), and keeps only this
 * classification, never the text itself. Each reason says, in plain words, what to do.
 */
public enum BoardReason {
    /** The board found no diplomate with this ID, name and birth day. */
    LEARNER_NOT_MATCHED(
            "the board found no diplomate with this ID, name and birth day",
            "check the board ID, the name as the board has it, and the birth month and day; correct them and report "
                    + "the completion again"),
    /** The board does not recognise the ID. */
    BOARD_ID_INVALID(
            "the board does not recognise this board ID",
            "ask the physician for their board ID (the number on their board profile) and report the completion again"),
    /** The birth month and day do not match the board's. */
    BIRTH_DATE_MISMATCH(
            "the birth month and day do not match the board's records",
            "check the birth month and day with the physician and report the completion again"),
    /** The name does not match the board's. */
    NAME_MISMATCH(
            "the name does not match the board's records",
            "use the name as it appears with the board and report the completion again"),
    /** The physician is not enrolled in the board's MOC or continuing certification program. */
    NOT_ENROLLED(
            "the physician is not enrolled in the board's MOC or continuing certification program",
            "tell the physician; the board cannot take MOC credit until they enrol, and the CME credit stands"),
    /** The board does not take this credit type or amount for the activity. */
    CREDIT_NOT_ACCEPTED(
            "the board does not accept this credit type or amount for the activity",
            "check the credit type and points against the activity's MOC registration and report the completion "
                    + "again"),
    /** The board already holds this credit. */
    DUPLICATE(
            "the board already holds this credit",
            "nothing to send again; check whether the completion was reported twice under different keys"),
    /** A reason the SDK does not recognise. */
    OTHER("the board gave a reason pars-java does not recognise", "open the record in PARS to read the board's reason");

    private final String message;
    private final String whatToDo;

    BoardReason(String message, String whatToDo) {
        this.message = message;
        this.whatToDo = whatToDo;
    }

    /** What the board said, in plain words; never personal data. */
    public String message() {
        return message;
    }

    /** What the CME office should do about it, in plain words. */
    public String whatToDo() {
        return whatToDo;
    }
}
