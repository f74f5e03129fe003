/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of validating one record or a batch: every violation of every record, with the
 * record's position and key. Records without violations are only counted, so a report over a
 * million clean records stays small. Immutable and thread safe.
 */
public final class ValidationReport {

    private final long recordCount;
    private final List<Violation> violations;
    private final Map<Long, List<Violation>> byRecord;
    private final long recordsWithErrors;

    /**
     * Creates a report.
     *
     * @param recordCount how many records were validated
     * @param violations every violation found, in any order
     */
    public ValidationReport(long recordCount, List<Violation> violations) {
        if (recordCount < 0) {
            throw new IllegalArgumentException("recordCount must not be negative");
        }
        List<Violation> sorted = new ArrayList<>(Objects.requireNonNull(violations, "violations"));
        sorted.sort((a, b) -> Long.compare(a.recordIndex(), b.recordIndex()));
        Map<Long, List<Violation>> grouped = new LinkedHashMap<>();
        long withErrors = 0;
        for (Violation v : sorted) {
            List<Violation> list = grouped.computeIfAbsent(v.recordIndex(), k -> new ArrayList<>(2));
            list.add(v);
        }
        for (List<Violation> list : grouped.values()) {
            if (list.stream().anyMatch(Violation::isError)) {
                withErrors++;
            }
        }
        grouped.replaceAll((k, v) -> List.copyOf(v));
        this.recordCount = recordCount;
        this.violations = List.copyOf(sorted);
        this.byRecord = Collections.unmodifiableMap(grouped);
        this.recordsWithErrors = withErrors;
    }

    /** An empty report for {@code recordCount} clean records. */
    public static ValidationReport clean(long recordCount) {
        return new ValidationReport(recordCount, List.of());
    }

    /** How many records were validated. */
    public long recordCount() {
        return recordCount;
    }

    /** Every violation, ordered by record index. */
    public List<Violation> violations() {
        return violations;
    }

    /** Violations of severity {@link Severity#ERROR}. */
    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    /** Violations of severity {@link Severity#WARNING}. */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }

    /** True when no record has an error (warnings allowed). */
    public boolean isValid() {
        return recordsWithErrors == 0;
    }

    /** How many records have at least one error. */
    public long invalidRecordCount() {
        return recordsWithErrors;
    }

    /** How many records have no error and may be sent. */
    public long validRecordCount() {
        return recordCount - recordsWithErrors;
    }

    /** The violations of the record at {@code index}; empty when it had none. */
    public List<Violation> violationsFor(long index) {
        return byRecord.getOrDefault(index, List.of());
    }

    /** True when the record at {@code index} has at least one error. */
    public boolean hasErrors(long index) {
        for (Violation v : violationsFor(index)) {
            if (v.isError()) {
                return true;
            }
        }
        return false;
    }

    /** Records and their violations, in index order. */
    public Map<Long, List<Violation>> byRecord() {
        return byRecord;
    }

    /** A short summary, e.g. {@code 1000 records: 990 valid, 10 invalid, 3 warnings}. */
    @Override
    public String toString() {
        return recordCount + " records: " + validRecordCount() + " valid, " + recordsWithErrors + " invalid, "
                + (violations.size() - errors().size()) + " warnings";
    }
}
