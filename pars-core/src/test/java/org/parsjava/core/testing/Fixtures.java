/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.parsjava.core.codec.ReportHeader;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;

/** Shared test data: fictional people, a fixed clock. */
public final class Fixtures {

    /** "Today" in every test: 2026-06-15. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    /** A clock fixed at {@link #TODAY} noon, US Central. */
    public static final Clock CLOCK = Clock.fixed(
            TODAY.atTime(12, 0).atZone(ZoneId.of("America/Chicago")).toInstant(), ZoneId.of("America/Chicago"));
    /** A valid NPI (CMS example). */
    public static final String NPI = "1234567893";
    /** Header used by golden files. */
    public static final ReportHeader HEADER =
            new ReportHeader("Example Health Continuing Education", LocalDateTime.of(2026, 3, 2, 9, 15, 0));

    private Fixtures() {}

    /** An active enduring activity registered for ABIM (MK, PA) and ABS. */
    public static Activity activity() {
        return Activity.builder()
                .providerId("0001234")
                .providerActivityId("LMS-COURSE-7781")
                .accmeActivityId("201234567")
                .title("Sepsis Recognition Update")
                .description("Early recognition and first-hour management of sepsis in adults.")
                .sponsorship(org.parsjava.core.model.Sponsorship.DIRECT)
                .type(ActivityType.INTERNET_ENDURING_MATERIAL)
                .startDate(LocalDate.of(2026, 1, 15))
                .endDate(LocalDate.of(2028, 12, 31))
                .maxCmeCredits("1.5")
                .mocRegistration(MocRegistration.of(
                        Board.ABIM,
                        "1.5",
                        MocCreditType.ABIM_MEDICAL_KNOWLEDGE,
                        MocCreditType.ABIM_PRACTICE_ASSESSMENT))
                .mocRegistration(MocRegistration.of(Board.ABS, "1.5", MocCreditType.ABS_ACCREDITED_CME))
                .build();
    }

    /** Jane Sample, born 02/29, NPI and California license, ABIM ID. */
    public static Learner learner() {
        return Learner.builder()
                .firstName("Jane")
                .lastName("Sample")
                .birthDate(2, 29)
                .npi(NPI)
                .license(LicensingJurisdiction.CA, "A99999")
                .boardId(Board.ABIM, "000000")
                .build();
    }

    /** A valid completion with CME and ABIM MK credit. */
    public static LearnerCompletion completion() {
        return LearnerCompletion.builder()
                .completionKey("lms-88231")
                .activity(activity())
                .learner(learner())
                .completionDate(LocalDate.of(2026, 2, 27))
                .cmeCredits("1.5")
                .mocCredit(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, "1.5")
                .consent(true)
                .build();
    }
}
