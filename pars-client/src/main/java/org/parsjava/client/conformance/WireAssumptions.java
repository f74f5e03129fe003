/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parsjava.client.ParsEndpoints;

/**
 * The catalogue of every assumption pars-java makes about the PARS web services, each with its
 * source (ACCME's manual, ACCME's drafts, or inferred) and the code that depends on it. Kept as
 * data ({@code wire-assumptions.json} beside this class); {@code pars assumptions} prints it, and
 * a {@link ConformanceRun} checks it against a PARS. Immutable.
 */
public final class WireAssumptions {

    private static final WireAssumptions CATALOGUE = load();

    private final String version;
    private final Map<String, WireAssumption> byId;

    private WireAssumptions(String version, Map<String, WireAssumption> byId) {
        this.version = version;
        this.byId = byId;
    }

    /** The catalogue shipped with this version of pars-java. */
    public static WireAssumptions catalogue() {
        return CATALOGUE;
    }

    /** The catalogue's version (its date, e.g. {@code 2026-12}). */
    public String version() {
        return version;
    }

    /** Every assumption, in catalogue order. */
    public List<WireAssumption> all() {
        return List.copyOf(byId.values());
    }

    /** The assumption with {@code id}. */
    public Optional<WireAssumption> byId(String id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    /** How many assumptions come from each source. */
    public Map<WireAssumption.Source, Long> countBySource() {
        Map<WireAssumption.Source, Long> out = new LinkedHashMap<>();
        for (WireAssumption.Source s : WireAssumption.Source.values()) {
            out.put(s, byId.values().stream().filter(a -> a.source() == s).count());
        }
        return out;
    }

    private static WireAssumptions load() {
        try (InputStream in = WireAssumptions.class.getResourceAsStream("wire-assumptions.json")) {
            if (in == null) {
                throw new IllegalStateException("wire-assumptions.json is missing from pars-client");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, WireAssumption> all = new LinkedHashMap<>();
            for (JsonNode a : root.get("assumptions")) {
                Set<ParsEndpoints.Generation> generations = EnumSet.noneOf(ParsEndpoints.Generation.class);
                a.get("generations").forEach(g -> generations.add(ParsEndpoints.Generation.valueOf(g.asText())));
                List<String> alternatives = new ArrayList<>();
                a.path("alternatives").forEach(x -> alternatives.add(x.asText()));
                JsonNode op = a.get("operation");
                WireAssumption w = new WireAssumption(
                        a.get("id").asText(),
                        generations,
                        op == null || op.isNull()
                                ? Optional.empty()
                                : Optional.of(ParsEndpoints.Operation.valueOf(op.asText())),
                        a.get("statement").asText(),
                        WireAssumption.Source.valueOf(a.get("source").asText()),
                        a.get("reference").asText(),
                        a.get("dependsOn").asText(),
                        alternatives);
                if (all.put(w.id(), w) != null) {
                    throw new IllegalStateException("wire-assumptions.json names " + w.id() + " twice");
                }
            }
            return new WireAssumptions(root.get("version").asText(), java.util.Collections.unmodifiableMap(all));
        } catch (IOException e) {
            throw new UncheckedIOException("wire-assumptions.json cannot be read", e);
        }
    }

    @Override
    public String toString() {
        return "WireAssumptions[" + version + ", " + byId.size() + " assumptions]";
    }
}
