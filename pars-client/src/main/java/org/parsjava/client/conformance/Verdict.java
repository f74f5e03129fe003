/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

/** What a conformance run found of one assumption. */
public enum Verdict {
    /** PARS behaved as assumed. */
    CONFIRMED,
    /** PARS behaved otherwise: the finding says how, with the evidence. */
    REFUTED,
    /** The run could not observe it (another generation, a step that failed first, not observable). */
    NOT_TESTED
}
