/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parsjava.job.JobSummary;
import org.parsjava.job.RowStatus;

/** A {@link JobSummary} as JSON, for scripts ({@code --json}): counts, codes, where, and the exit status. */
final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    static String of(JobSummary s, Path rowsToFix) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reportedTo", s.reportedTo());
        m.put("simulated", s.simulated());
        m.put("destination", s.destination().name());
        m.put("rowsRead", s.rowsRead());
        Map<String, Long> counts = new LinkedHashMap<>();
        s.counts().forEach((status, n) -> counts.put(status.name(), n));
        m.put("counts", counts);
        Map<String, Object> codes = new LinkedHashMap<>();
        for (RowStatus status : RowStatus.values()) {
            if (!s.codes(status).isEmpty()) {
                codes.put(status.name(), s.codes(status));
            }
        }
        m.put("codes", codes);
        m.put("warnings", s.warnings());
        m.put("resumed", s.resumed());
        m.put("earlierSettled", s.earlierSettled());
        m.put(
                "boardVerdicts",
                Map.of(
                        "accepted", s.boardVerdicts().accepted(),
                        "rejected", s.boardVerdicts().rejected(),
                        "rejectionCodes", s.boardVerdicts().rejectionCodes()));
        m.put("allAccountedFor", s.allAccountedFor());
        m.put(
                "stopped",
                s.stop()
                        .map(stop -> Map.of("lastLine", stop.lastLine(), "reason", stop.reason()))
                        .orElse(null));
        m.put("rowsToFix", rowsToFix == null ? null : rowsToFix.toString());
        m.put("exitStatus", s.exitStatus().name());
        m.put("exitCode", s.exitStatus().code());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the summary could not be written as JSON", e);
        }
    }
}
