/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parsjava.client.internal.PersonalText;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.Violation;

/**
 * The outcome of each record of one submission as it is settled: at most one per record, each
 * with the record's warnings, and PARS's text scrubbed of the record's learner values. Records a
 * run leaves unsettled end {@link RecordOutcome#FAILED}. Slots are written by one chunk's thread
 * each; read after the run.
 */
final class RecordOutcomes {

    private final List<LearnerCompletion> records;
    private final RecordResult[] results;
    private final List<List<Violation>> warnings;

    RecordOutcomes(List<LearnerCompletion> records) {
        this.records = records;
        this.results = new RecordResult[records.size()];
        this.warnings = new ArrayList<>(records.size());
    }

    /** Keeps the next record's warnings (records are validated in order). */
    void warn(List<Violation> found) {
        warnings.add(found);
    }

    /** The warnings of record {@code i}. */
    List<Violation> warnings(int i) {
        return warnings.get(i);
    }

    /** Whether record {@code i} has its outcome. */
    boolean has(int i) {
        return results[i] != null;
    }

    /** Record {@code i}'s outcome. */
    RecordResult get(int i) {
        return results[i];
    }

    /** Every record's outcome; an unsettled one is FAILED for {@code reasonForUnsent}. */
    List<RecordResult> all(String reasonForUnsent) {
        List<RecordResult> list = new ArrayList<>(results.length);
        for (int i = 0; i < results.length; i++) {
            list.add(
                    results[i] != null
                            ? results[i]
                            : result(i, RecordOutcome.FAILED, List.of(), null, reasonForUnsent));
        }
        return list;
    }

    void set(int i, RecordResult r) {
        results[i] = r;
    }

    void reject(int i, String code, String message) {
        String clean = PersonalText.scrub(message, records.get(i).learner());
        set(
                i,
                new RecordResult(
                        i,
                        key(i),
                        RecordOutcome.REJECTED,
                        CreditIds.all(records.get(i)),
                        warnings.get(i),
                        Optional.ofNullable(code),
                        Optional.ofNullable(clean),
                        false,
                        false));
    }

    /** FAILED, known not to be in PARS (not sent, or refused before it was applied). */
    void fail(List<Integer> indices, String reason) {
        fail(indices, reason, false);
    }

    /** FAILED, and possibly applied by PARS: the caller checks its status before resending. */
    void failUnknown(List<Integer> indices, String reason) {
        fail(indices, reason, true);
    }

    void fail(List<Integer> indices, String reason, boolean outcomeUnknown) {
        // The reason may quote PARS's own text, which can name any learner of the chunk.
        String chunkClean = reason;
        if (indices.size() > 1) {
            for (int i : indices) {
                chunkClean = PersonalText.scrub(chunkClean, records.get(i).learner());
            }
        }
        for (int i : indices) {
            if (results[i] == null) {
                String clean = PersonalText.scrub(chunkClean, records.get(i).learner());
                set(
                        i,
                        new RecordResult(
                                i,
                                key(i),
                                RecordOutcome.FAILED,
                                CreditIds.all(records.get(i)),
                                warnings.get(i),
                                Optional.empty(),
                                Optional.ofNullable(clean),
                                outcomeUnknown,
                                false));
            }
        }
    }

    RecordResult result(int i, RecordOutcome outcome, List<Violation> violations, String code, String message) {
        return result(i, outcome, violations, code, message, false);
    }

    RecordResult result(
            int i, RecordOutcome outcome, List<Violation> violations, String code, String message, boolean held) {
        List<String> ids =
                outcome == RecordOutcome.INVALID && key(i).isEmpty() ? List.of() : CreditIds.all(records.get(i));
        return new RecordResult(
                i,
                key(i),
                outcome,
                ids,
                violations,
                Optional.ofNullable(code),
                Optional.ofNullable(message),
                false,
                held);
    }

    String key(int i) {
        String k = records.get(i).completionKey();
        return CreditIds.isValidCompletionKey(k) ? k : "";
    }
}
