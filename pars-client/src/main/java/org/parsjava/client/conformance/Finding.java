/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import java.util.List;
import java.util.Objects;

/**
 * What a conformance run found of one assumption: the verdict, a note saying why, and the
 * exchanges it rests on.
 */
public record Finding(WireAssumption assumption, Verdict verdict, String note, List<Observation> evidence) {

    /** Copies the list and rejects nulls. */
    public Finding {
        Objects.requireNonNull(assumption, "assumption");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(note, "note");
        evidence = List.copyOf(evidence);
    }
}
