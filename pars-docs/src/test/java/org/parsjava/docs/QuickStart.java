/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import java.util.List;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.SubmissionResult;
import org.parsjava.core.model.LearnerCompletion;

/** README.md, "Quick start". */
final class QuickStart {

    private QuickStart() {}

    static void report(String baseUrl, String user, String password, LearnerCompletion completion) {
        // tag::submit[]
        try (ParsClient pars = ParsClient.builder()
                .baseUrl(baseUrl) // the URL ACCME gave you: https only (http on loopback)
                .providerId("0001234")
                .providerName("Example Health Continuing Education")
                .credentials(ParsCredentials.of(user, password)) // never printed or logged
                .build()) { // thread safe: share one per credential
            SubmissionResult result = pars.learners().submit(List.of(completion));
            result.records().forEach(System.out::println); // "#0 [enrolment-88231] ACCEPTED"
        }
        // end::submit[]
    }
}
