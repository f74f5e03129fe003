/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Document-level fields of a learner report.
 *
 * @param reportingOrganization the accredited provider's name ({@code ReportingOrganization})
 * @param createdAt when the document was made ({@code DateTimeCreated}; PARS reads a value
 *     without offset as US Central time, so pass Central wall-clock time)
 */
public record ReportHeader(String reportingOrganization, LocalDateTime createdAt) {

    /** Rejects nulls and a blank organisation name. */
    public ReportHeader {
        Objects.requireNonNull(reportingOrganization, "reportingOrganization");
        Objects.requireNonNull(createdAt, "createdAt");
        if (reportingOrganization.isBlank()) {
            throw new IllegalArgumentException("reportingOrganization must not be blank");
        }
        createdAt = createdAt.withNano(0);
    }
}
