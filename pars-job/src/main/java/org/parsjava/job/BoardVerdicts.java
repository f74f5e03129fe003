/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The board decisions a run learned about completions of earlier runs (through the ledger's
 * status check); not rows of this run's roster.
 *
 * @param accepted completions the board accepted
 * @param rejected completions the board rejected: rows to fix
 * @param rejectionCodes how often each rejection code was given, in code order
 */
public record BoardVerdicts(long accepted, long rejected, Map<String, Long> rejectionCodes) {

    /** None. */
    public static final BoardVerdicts NONE = new BoardVerdicts(0, 0, Map.of());

    /** Copies the map in code order. */
    public BoardVerdicts {
        rejectionCodes = Collections.unmodifiableMap(new TreeMap<>(rejectionCodes));
    }
}
