/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.Sponsorship;

/**
 * The synthetic records a conformance run creates: an activity and a learner marked as test data,
 * with keys stamped by the run's time so two runs never collide. No real person: the NPI is the
 * CMS example with a valid check digit.
 */
final class TestRecords {

    /** An ACCME Activity ID no provider is expected to hold, for the checks that need a miss. */
    static final String MISSING_ACTIVITY = "999999999";
    /** The CMS example NPI: a valid check digit, no real physician. */
    static final String NPI = "1234567893";

    private final String providerId;
    private final Clock clock;
    private final String stamp;

    TestRecords(String providerId, Clock clock) {
        this.providerId = providerId;
        this.clock = clock;
        this.stamp = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").format(LocalDateTime.now(clock));
    }

    /** A completion key of this run: {@code pars-java-conformance-<stamp>-<suffix>}. */
    String key(String suffix) {
        return "pars-java-conformance-" + stamp + "-" + suffix;
    }

    /** The test activity, marked as synthetic in its title and description. */
    Activity activity() {
        LocalDate today = LocalDate.now(clock);
        return Activity.builder()
                .providerId(providerId)
                .providerActivityId("PARS-JAVA-CONFORMANCE-" + stamp)
                .title("pars-java conformance test " + stamp + " (synthetic; not a real activity)")
                .description("Synthetic test data created by the pars-java conformance run; it deletes it again.")
                .sponsorship(Sponsorship.DIRECT)
                .type(ActivityType.INTERNET_ENDURING_MATERIAL)
                .startDate(today.minusDays(30))
                .endDate(today.plusDays(365))
                .maxCmeCredits("1")
                .build();
    }

    /** A test learner's completion of {@code activity}, yesterday, 1 CME credit. */
    LearnerCompletion completion(Activity activity, String key) {
        return LearnerCompletion.builder()
                .completionKey(key)
                .activity(activity)
                .learner(Learner.builder()
                        .firstName("Conformance")
                        .lastName("Test-Learner")
                        .birthDate(1, 1)
                        .npi(NPI)
                        .build())
                .completionDate(LocalDate.now(clock).minusDays(1))
                .cmeCredits("1")
                .consent(true)
                .build();
    }
}
