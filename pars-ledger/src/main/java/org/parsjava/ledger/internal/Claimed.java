/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.util.List;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.EntryState;

/**
 * An entry taken up by a drain or a status check: its completion (decrypted) and what the work
 * needs to know.
 *
 * @param completion the completion, or null when its learner data was purged
 * @param previous the content PARS may hold and must delete first (a correction), or null
 * @param creditIds the entry's CreditIDs, kept in clear (a purged entry still has them)
 * @param resumed whether an earlier claim ended without an outcome (its node died)
 * @param confirmFirst whether PARS must be asked first whether it holds the record (the ledger
 *     adopted another PARS)
 * @param version the entry's version when claimed: an outcome applies only to that version
 * @param sealedPayload the payload as stored, kept as what PARS may hold if the entry changes
 */
public record Claimed(
        long id,
        String providerId,
        String completionKey,
        EntryState state,
        LearnerCompletion completion,
        LearnerCompletion previous,
        List<String> creditIds,
        int attempts,
        boolean resumed,
        boolean confirmFirst,
        boolean outcomeUnknown,
        int version,
        byte[] sealedPayload) {}
