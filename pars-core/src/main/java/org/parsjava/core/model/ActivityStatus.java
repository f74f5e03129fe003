/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

/**
 * Where an activity is in its PARS life cycle. PARS has four statuses whose names were not
 * published (docs/pars-reference.md 3.4); these are the states the SDK needs to reason about.
 */
public enum ActivityStatus {
    /** Created, required details still missing: learners cannot be reported yet. */
    DRAFT(false),
    /** Active: learner completions may be reported against it. */
    ACTIVE(true),
    /** Closed: no further learner reporting. */
    CLOSED(false);

    private final boolean acceptsLearners;

    ActivityStatus(boolean acceptsLearners) {
        this.acceptsLearners = acceptsLearners;
    }

    /** Whether PARS accepts learner completions for an activity in this status. */
    public boolean acceptsLearners() {
        return acceptsLearners;
    }
}
