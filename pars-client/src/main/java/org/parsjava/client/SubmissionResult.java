/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a submission or deletion, one {@link RecordResult} per input record in input
 * order: accepted, rejected by PARS, invalid locally or failed in transport. Nothing is
 * dropped: {@code accepted + rejected + invalid + failed == total}. Immutable.
 */
public final class SubmissionResult {

    private final List<RecordResult> records;
    private final Map<RecordOutcome, Integer> counts;

    /**
     * Creates a result.
     *
     * @throws IllegalArgumentException if a record is missing or out of order
     */
    public SubmissionResult(List<RecordResult> records) {
        this.records = List.copyOf(Objects.requireNonNull(records, "records"));
        Map<RecordOutcome, Integer> c = new EnumMap<>(RecordOutcome.class);
        for (RecordOutcome o : RecordOutcome.values()) {
            c.put(o, 0);
        }
        for (int i = 0; i < this.records.size(); i++) {
            RecordResult r = this.records.get(i);
            if (r.index() != i) {
                throw new IllegalArgumentException("record " + i + " is missing or out of order");
            }
            c.merge(r.outcome(), 1, Integer::sum);
        }
        this.counts = c;
    }

    /** Every record's result, in input order. */
    public List<RecordResult> records() {
        return records;
    }

    /** How many records were given. */
    public int total() {
        return records.size();
    }

    /** How many records ended with {@code outcome}. */
    public int count(RecordOutcome outcome) {
        return counts.get(Objects.requireNonNull(outcome, "outcome"));
    }

    /** The records that ended with {@code outcome}, in input order. */
    public List<RecordResult> withOutcome(RecordOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return records.stream().filter(r -> r.outcome() == outcome).toList();
    }

    /** Records PARS holds. */
    public int acceptedCount() {
        return count(RecordOutcome.ACCEPTED);
    }

    /** Records PARS refused. */
    public int rejectedCount() {
        return count(RecordOutcome.REJECTED);
    }

    /** Records refused locally. */
    public int invalidCount() {
        return count(RecordOutcome.INVALID);
    }

    /** Records whose outcome is not confirmed; resubmit them (see {@link RecordOutcome#FAILED}). */
    public int failedCount() {
        return count(RecordOutcome.FAILED);
    }

    /** True when every record was accepted. */
    public boolean allAccepted() {
        return acceptedCount() == total();
    }

    @Override
    public String toString() {
        return "SubmissionResult[total=" + total() + ", accepted=" + acceptedCount() + ", rejected=" + rejectedCount()
                + ", invalid=" + invalidCount() + ", failed=" + failedCount() + "]";
    }
}
