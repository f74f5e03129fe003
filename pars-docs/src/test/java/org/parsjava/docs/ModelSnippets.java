/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import java.time.LocalDate;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityDetails;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.Sponsorship;

/** docs/client.md, "The model". */
final class ModelSnippets {

    private ModelSnippets() {}

    static Activity activity() {
        // tag::activity[]
        Activity course = Activity.builder()
                .providerId("0001234")
                .providerActivityId("LMS-COURSE-9001")
                .title("Opioid Prescribing Essentials")
                .description("Safe opioid prescribing for pain.")
                .sponsorship(Sponsorship.DIRECT)
                .type(ActivityType.INTERNET_ENDURING_MATERIAL)
                .startDate(LocalDate.of(2026, 10, 1))
                .endDate(LocalDate.of(2028, 9, 30))
                .maxCmeCredits("2")
                .details(ActivityDetails.builder()
                        .profession(ActivityDetails.Profession.PHYSICIAN)
                        .rems(new ActivityDetails.Rems(ActivityDetails.RemsType.OPIOID_ANALGESIC, "EG-123456-001"))
                        .fee(ActivityDetails.Fee.FREE)
                        .forPublicList(true)
                        .build())
                .build();
        // end::activity[]
        return course;
    }

    static LearnerCompletion completion(Activity activity) {
        // tag::completion[]
        LearnerCompletion completion = LearnerCompletion.builder()
                .completionKey("enrolment-88231") // your own key; PARS CreditIDs derive from it
                .activity(activity) // with its 9-digit ACCME Activity ID
                .learner(Learner.builder()
                        .firstName("Jane")
                        .lastName("Sample")
                        .birthDate(2, 29)
                        .npi("1234567893")
                        .license(LicensingJurisdiction.CA, "A99999")
                        .boardId(Board.ABIM, "000000")
                        .build())
                .completionDate(LocalDate.of(2026, 2, 27)) // a date, never a time
                .cmeCredits("1.5")
                .mocCredit(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, "1.5")
                .consent(true) // the learner's permission to share with ACCME
                .build();
        // end::completion[]
        return completion;
    }
}
