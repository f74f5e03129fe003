/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parsjava.client.ParsEndpoints;

/**
 * What a conformance run has found so far: per assumption a verdict, a note and the evidence. A
 * refutation stands whatever is seen later; an assumption of the other generation, or one no
 * exchange reached, ends not tested with a note saying why.
 */
final class Findings {

    private final WireAssumptions catalogue;
    private final ParsEndpoints.Generation generation;
    private final Map<String, Verdict> verdicts = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final Map<String, List<Observation>> evidence = new LinkedHashMap<>();

    Findings(WireAssumptions catalogue, ParsEndpoints.Generation generation) {
        this.catalogue = catalogue;
        this.generation = generation;
    }

    /** Records a verdict on {@code id} with what it rests on; ignored for the other generation. */
    void record(String id, Verdict verdict, String note, Observation... seen) {
        WireAssumption a = catalogue.byId(id).orElseThrow(() -> new IllegalStateException("no assumption " + id));
        if (!a.appliesTo(generation)) {
            return;
        }
        evidence.computeIfAbsent(id, k -> new ArrayList<>()).addAll(List.of(seen));
        if (verdicts.get(id) == Verdict.REFUTED) {
            return; // one refutation stands whatever else was seen
        }
        verdicts.put(id, verdict);
        notes.put(id, note);
    }

    /** One finding per catalogued assumption, in catalogue order. */
    List<Finding> all() {
        List<Finding> out = new ArrayList<>();
        for (WireAssumption a : catalogue.all()) {
            Verdict v = verdicts.get(a.id());
            String note = notes.get(a.id());
            if (v == null) {
                v = Verdict.NOT_TESTED;
                note = !a.appliesTo(generation)
                        ? "about the " + a.generations().iterator().next() + " generation; this run checked "
                                + generation
                        : a.operation().isEmpty()
                                ? "not observable through the web services alone"
                                : "not reached: an earlier step failed, or PARS offers it to other accounts";
            }
            out.add(new Finding(a, v, note, evidence.getOrDefault(a.id(), List.of())));
        }
        return out;
    }
}
