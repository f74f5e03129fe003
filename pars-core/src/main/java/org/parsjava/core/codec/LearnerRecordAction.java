/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

/** What a learner report asks PARS to do with a record ({@code LearnerRecordAction}). */
public enum LearnerRecordAction {
    /** Add the completion. */
    ADD,
    /** Delete a completion sent earlier (same identity, activity and CreditIDs). */
    DELETE
}
