/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.time.LocalDate;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Sponsorship;

/**
 * Registers an activity in PARS and prints the ACCME Activity ID PARS issued; learners are
 * reported against that ID. Reports to PARS when {@code PARS_URL} is set, else to the
 * embedded simulator.
 */
public final class RegisterActivity {

    private RegisterActivity() {}

    /** Entry point. */
    public static void main(String[] args) {
        try (ExampleConnection pars = ExampleConnection.open()) {
            System.out.println(pars.description());
            Activity course = Activity.builder()
                    .providerId(pars.providerId()) // the provider you report as
                    .providerActivityId("LMS-COURSE-9001") // your LMS's own ID
                    .title("Opioid Prescribing Essentials")
                    .description("Safe opioid prescribing for pain, aligned with the Opioid Analgesic REMS.")
                    .sponsorship(Sponsorship.DIRECT) // or JOINT, with a partner
                    .type(ActivityType.INTERNET_ENDURING_MATERIAL)
                    .startDate(LocalDate.of(2026, 10, 1))
                    .endDate(LocalDate.of(2028, 9, 30))
                    .maxCmeCredits("2")
                    .mocRegistration(MocRegistration.of(Board.ABIM, "2", MocCreditType.ABIM_MEDICAL_KNOWLEDGE))
                    .build();
            Activity saved = pars.client().activities().save(course);
            System.out.println("PARS holds the activity as ACCME Activity ID "
                    + saved.accmeActivityId().orElse("?"));
        }
    }
}
