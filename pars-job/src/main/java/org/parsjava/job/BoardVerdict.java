/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.List;
import java.util.Objects;

/**
 * A certifying board's decision on a completion reported in an earlier run, learned by this
 * run's status check through the ledger (a MOC line has two verdicts: PARS's at once, the
 * board's later, docs/pars-reference.md 12). A rejection is a row to fix: its problems say
 * why, in plain words, and what to do.
 *
 * @param completionKey the completion's key
 * @param accepted true when the board accepted every MOC line
 * @param problems why the board rejected it; empty when accepted
 */
public record BoardVerdict(String completionKey, boolean accepted, List<RowProblem> problems) {

    /** Copies the list and rejects nulls. */
    public BoardVerdict {
        Objects.requireNonNull(completionKey, "completionKey");
        problems = List.copyOf(problems);
    }

    /** The key and the codes only: no personal data. */
    @Override
    public String toString() {
        return "BoardVerdict[" + completionKey + ", " + (accepted ? "accepted" : "rejected")
                + (problems.isEmpty()
                        ? ""
                        : ", " + problems.stream().map(RowProblem::code).toList()) + "]";
    }
}
