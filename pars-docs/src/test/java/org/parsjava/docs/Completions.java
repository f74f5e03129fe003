/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import java.time.LocalDate;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.LearnerCompletion;

/** Synthetic completions for the docs' tests. */
final class Completions {

    private Completions() {}

    static LearnerCompletion cmeOnly(Activity activity, String key, String npi, LocalDate date) {
        return ModelSnippets.completion(activity).toBuilder()
                .completionKey(key)
                .learner(ModelSnippets.completion(activity).learner().toBuilder()
                        .npi(npi)
                        .clearBoardIds()
                        .build())
                .clearMocCredits()
                .completionDate(date)
                .build();
    }
}
