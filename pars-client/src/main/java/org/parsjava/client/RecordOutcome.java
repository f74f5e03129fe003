/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

/** What became of one record of a submission. */
public enum RecordOutcome {
    /** PARS holds the record (it said so, or a status lookup confirmed it). */
    ACCEPTED,
    /** PARS refused the record; fix what its code and message say and resubmit. */
    REJECTED,
    /** Refused locally by validation; never sent. */
    INVALID,
    /**
     * Not confirmed: transport failures or server errors outlasted the retries, or the record
     * was not sent. Resubmit it; when {@link RecordResult#outcomeUnknown()} is true it may have
     * reached PARS, so check its status by CreditID first. (A resubmitted record that PARS
     * refuses as a duplicate while holding all its credit lines comes back ACCEPTED, never
     * stored twice.)
     */
    FAILED
}
