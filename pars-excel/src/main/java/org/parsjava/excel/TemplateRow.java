/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.excel;

import java.util.Objects;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.codec.LearnerRecordAction;

/**
 * One learner record of an upload file: its action, and the completion it describes or the
 * problems that kept it from being read (with the sheet row and the column header). A record
 * with MOC points for several boards spans several sheet rows; {@code row.line()} is the first.
 *
 * @param action add or delete
 * @param row the completion or its problems, as a roster row
 */
public record TemplateRow(LearnerRecordAction action, RosterRow row) {
    /** Rejects nulls. */
    public TemplateRow {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(row, "row");
    }
}
