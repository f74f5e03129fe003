/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.time.LocalDate;
import java.util.List;
import org.parsjava.client.ParsClient;
import org.parsjava.client.RecordResult;
import org.parsjava.client.SubmissionResult;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.testkit.demo.DemoActivities;

/** Reports one physician's completion (CME and ABIM MOC) and prints PARS's verdict. */
public final class ReportOneCompletion {

    private ReportOneCompletion() {}

    /** Entry point. */
    public static void main(String[] args) {
        try (ExampleConnection pars = ExampleConnection.open()) {
            System.out.println(pars.description());
            RecordResult r = report(pars.client()).records().get(0);
            System.out.println(r); // no personal data in it
            System.out.println("CreditIDs: " + r.creditIds());
        }
    }

    /** Builds the completion and submits it. */
    static SubmissionResult report(ParsClient client) {
        LearnerCompletion completion = LearnerCompletion.builder()
                .completionKey("enrolment-88231") // your own key: CreditIDs derive from it
                .activity(DemoActivities.SEPSIS)
                .learner(Learner.builder()
                        .firstName("Avery")
                        .lastName("Whitfield")
                        .birthDate(2, 29)
                        .npi("1245319599")
                        .license(LicensingJurisdiction.CA, "A12345")
                        .boardId(Board.ABIM, "123456")
                        .build())
                .completionDate(LocalDate.of(2026, 11, 2))
                .cmeCredits("1.5")
                .mocCredit(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, "1.5")
                .consent(true)
                .build();
        return client.learners().submit(List.of(completion));
    }
}
