/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parsjava.ledger.EntryProblem;

/**
 * An entry's problems as the {@code violations} column holds them: a JSON array of objects with
 * {@code field}, {@code code} and {@code message}. (Ledgers of an earlier version kept text lines
 * there; migration V2 rewrites them in this form.)
 */
public final class ProblemsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> LIST = new TypeReference<>() {};

    private ProblemsJson() {}

    /** The stored form, or null for none. */
    public static String write(List<EntryProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            return null;
        }
        List<Map<String, String>> out = new ArrayList<>(problems.size());
        for (EntryProblem p : problems) {
            out.add(Map.of("field", p.field(), "code", p.code(), "message", p.message()));
        }
        try {
            return MAPPER.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problems could not be written", e);
        }
    }

    /** The problems of a stored value (empty for null). */
    public static List<EntryProblem> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            List<EntryProblem> out = new ArrayList<>();
            for (Map<String, String> m : MAPPER.readValue(stored, LIST)) {
                out.add(new EntryProblem(
                        m.getOrDefault("field", ""), m.getOrDefault("code", ""), m.getOrDefault("message", "")));
            }
            return List.copyOf(out);
        } catch (JsonProcessingException e) {
            return List.of(new EntryProblem("", "", "the stored problems could not be read"));
        }
    }
}
