/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a completion is due at PARS, and which rule says so.
 *
 * @param date the last day to report it
 * @param rule the rule that set the date (the earliest of those that apply)
 */
public record Deadline(LocalDate date, DeadlineRules.Rule rule) {
    /** Rejects nulls. */
    public Deadline {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(rule, "rule");
    }
}
