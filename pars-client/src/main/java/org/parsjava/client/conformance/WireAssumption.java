/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parsjava.client.ParsEndpoints;

/**
 * One thing pars-java assumes about the PARS web services.
 *
 * @param id a stable identifier, e.g. {@code REST-400-WHOLE-DOCUMENT}
 * @param generations the generations of the PARS API it is about
 * @param operation the operation it is about, if one
 * @param statement what is assumed, in one sentence
 * @param source where it comes from
 * @param reference the source itself: a section of docs/pars-reference.md, a draft file
 * @param dependsOn the code that relies on it
 * @param alternatives other path templates PARS might use for the operation, tried by a
 *     conformance run when the assumed one is not found (empty for most)
 */
public record WireAssumption(
        String id,
        Set<ParsEndpoints.Generation> generations,
        Optional<ParsEndpoints.Operation> operation,
        String statement,
        Source source,
        String reference,
        String dependsOn,
        List<String> alternatives) {

    /** Where an assumption comes from. */
    public enum Source {
        /** ACCME's web-services manual (the 2025 edition, as a third party reported it). */
        MANUAL,
        /** ACCME's draft OpenAPI and JSON Schema files. */
        DRAFT,
        /** Our reading: no source states it. */
        INFERRED
    }

    /** Copies the collections and rejects nulls. */
    public WireAssumption {
        Objects.requireNonNull(id, "id");
        generations = Set.copyOf(generations);
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(dependsOn, "dependsOn");
        alternatives = List.copyOf(alternatives);
    }

    /** Whether it is about {@code generation}. */
    public boolean appliesTo(ParsEndpoints.Generation generation) {
        return generations.contains(generation);
    }
}
