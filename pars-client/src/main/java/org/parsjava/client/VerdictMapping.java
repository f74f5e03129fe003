/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.model.LearnerCompletion;

/**
 * Places PARS's per-record verdicts on the records of the document they answer: by CreditID
 * when PARS names one of ours, else by position; one verdict stands for each record.
 */
final class VerdictMapping {

    private VerdictMapping() {}

    /**
     * The verdict standing for each record of the document, by position in {@code document};
     * null where PARS gave none.
     *
     * @param stray counts verdicts that name no record of the document (they are ignored)
     */
    static RecordVerdict[] place(List<RecordVerdict> verdicts, List<LearnerCompletion> document, Runnable stray) {
        RecordVerdict[] byPosition = new RecordVerdict[document.size()];
        Map<String, Integer> byCreditId = null;
        for (RecordVerdict v : verdicts) {
            int k = v.index();
            if (v.creditId().isPresent()) { // PARS named a credit line of ours: trust that over a position
                if (byCreditId == null) {
                    byCreditId = creditIdPositions(document);
                }
                k = byCreditId.getOrDefault(v.creditId().get(), k);
            }
            if (k < 0 || k >= byPosition.length) {
                stray.run();
            } else if (outranks(v, byPosition[k])) {
                byPosition[k] = v;
            }
        }
        return byPosition;
    }

    /**
     * Which of two verdicts on one record's credit lines stands for the record: any refusal
     * over an acceptance, and a refusal for another reason over one that reads as a duplicate
     * (so a record is taken as "already held" only when every refusal says so).
     */
    static boolean outranks(RecordVerdict v, RecordVerdict current) {
        if (current == null || current.accepted()) {
            return true;
        }
        return !v.accepted() && current.refusedAsDuplicate() && !v.refusedAsDuplicate();
    }

    private static Map<String, Integer> creditIdPositions(List<LearnerCompletion> document) {
        Map<String, Integer> positions = new HashMap<>();
        for (int k = 0; k < document.size(); k++) {
            for (String id : CreditIds.all(document.get(k))) {
                positions.put(id, k);
            }
        }
        return positions;
    }
}
