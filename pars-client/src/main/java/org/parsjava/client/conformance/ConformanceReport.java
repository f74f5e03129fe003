/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsTarget;

/**
 * What a {@link ConformanceRun} found: one {@link Finding} per catalogued assumption, the PARS it
 * ran against, what it created and deleted, and, when an endpoint assumption was refuted in a way
 * the observation allows correcting, the corrected endpoints. Written as Markdown for people and
 * JSON for pipelines; neither holds learner values or credentials. Immutable.
 */
public final class ConformanceReport {

    private final ParsTarget target;
    private final Instant at;
    private final String catalogueVersion;
    private final List<Finding> findings;
    private final ParsEndpoints corrected;
    private final List<String> housekeeping;

    ConformanceReport(
            ParsTarget target,
            Instant at,
            String catalogueVersion,
            List<Finding> findings,
            ParsEndpoints corrected,
            List<String> housekeeping) {
        this.target = target;
        this.at = at;
        this.catalogueVersion = catalogueVersion;
        this.findings = List.copyOf(findings);
        this.corrected = corrected;
        this.housekeeping = List.copyOf(housekeeping);
    }

    /** The PARS the run was against. */
    public ParsTarget target() {
        return target;
    }

    /** One finding per catalogued assumption, in catalogue order. */
    public List<Finding> findings() {
        return findings;
    }

    /** The finding of assumption {@code id}. */
    public Optional<Finding> finding(String id) {
        Objects.requireNonNull(id, "id");
        return findings.stream().filter(f -> f.assumption().id().equals(id)).findFirst();
    }

    /** How many findings have {@code verdict}. */
    public long count(Verdict verdict) {
        return findings.stream().filter(f -> f.verdict() == verdict).count();
    }

    /** Whether nothing was refuted (the command line's exit 0). */
    public boolean nothingRefuted() {
        return count(Verdict.REFUTED) == 0;
    }

    /**
     * The endpoints with every correction the run could derive (a path that answered where the
     * assumed one did not, a success status PARS used), when there is one: write them with
     * {@link org.parsjava.client.EndpointsFile#write}.
     */
    public Optional<ParsEndpoints> correctedEndpoints() {
        return Optional.ofNullable(corrected);
    }

    /** What the run created and deleted in PARS, and anything it could not clean up. */
    public List<String> housekeeping() {
        return housekeeping;
    }

    /** The report for people. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("# PARS conformance report\n\n");
        b.append("- PARS: ")
                .append(target.describe())
                .append(", ")
                .append(target.baseUrl())
                .append('\n');
        b.append("- run at: ").append(at).append('\n');
        b.append("- assumptions catalogue: ").append(catalogueVersion).append('\n');
        b.append("- confirmed ")
                .append(count(Verdict.CONFIRMED))
                .append(", refuted ")
                .append(count(Verdict.REFUTED))
                .append(", not tested ")
                .append(count(Verdict.NOT_TESTED))
                .append("\n\n");
        if (!housekeeping.isEmpty()) {
            b.append("## What the run created and removed\n\n");
            housekeeping.forEach(h -> b.append("- ").append(h).append('\n'));
            b.append('\n');
        }
        b.append("## Findings\n\n| assumption | verdict | source | note |\n|---|---|---|---|\n");
        for (Finding f : findings) {
            b.append("| ")
                    .append(f.assumption().id())
                    .append(" | ")
                    .append(f.verdict())
                    .append(" | ")
                    .append(f.assumption().source())
                    .append(" | ")
                    .append(cell(f.note()))
                    .append(" |\n");
        }
        b.append("\n## Evidence\n");
        for (Finding f : findings) {
            if (f.evidence().isEmpty()) {
                continue;
            }
            b.append("\n### ")
                    .append(f.assumption().id())
                    .append(": ")
                    .append(f.verdict())
                    .append("\n\n");
            b.append(f.assumption().statement())
                    .append(" (")
                    .append(f.assumption().reference())
                    .append("; used by ")
                    .append(f.assumption().dependsOn())
                    .append(")\n\n");
            f.evidence()
                    .forEach(o -> b.append("- `")
                            .append(o.toString().replace('`', '\''))
                            .append("`\n"));
        }
        if (corrected != null) {
            b.append("\n## Corrected endpoints\n\nWritten beside this report; load them with --endpoints FILE.\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** The report for pipelines. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("pars", target.baseUrl());
        root.put("generation", target.generation().name());
        root.put("providerId", target.providerId());
        root.put("at", at.toString());
        root.put("catalogue", catalogueVersion);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v.name(), count(v));
        }
        root.put("counts", counts);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.assumption().id());
            m.put("verdict", f.verdict().name());
            m.put("source", f.assumption().source().name());
            m.put("statement", f.assumption().statement());
            m.put("note", f.note());
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (Observation o : f.evidence()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("operation", o.operation().name());
                e.put("method", o.method());
                e.put("path", o.pathTemplate());
                e.put("status", o.status());
                e.put("contentType", o.contentType());
                e.put("bodyShape", o.bodyShape());
                evidence.add(e);
            }
            m.put("evidence", evidence);
            all.add(m);
        }
        root.put("findings", all);
        root.put("housekeeping", housekeeping);
        root.put("correctedEndpoints", corrected != null);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report could not be written as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "ConformanceReport[" + target.describe() + ", confirmed " + count(Verdict.CONFIRMED) + ", refuted "
                + count(Verdict.REFUTED) + ", not tested " + count(Verdict.NOT_TESTED) + "]";
    }
}
