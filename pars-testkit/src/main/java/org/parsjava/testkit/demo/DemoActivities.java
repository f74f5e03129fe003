/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.demo;

import java.time.LocalDate;
import java.util.List;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Sponsorship;

/**
 * Three demo activities of a demo provider, for rehearsals and pipelines without PARS: the demo
 * rosters ({@link DemoRoster}) report against them, and a simulator that holds them
 * ({@link org.parsjava.testkit.ParsSimulator#addActivity}) judges dates as of {@link #AS_OF}
 * with {@link #clock()}.
 */
public final class DemoActivities {

    /** Provider ID of the demo provider. */
    public static final String PROVIDER_ID = "0001234";
    /** The day the sample roster was exported: the demo run judges dates as of this day. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    private DemoActivities() {}

    /** A clock stopped at noon on {@link #AS_OF}, US Central: the embedded simulator's clock. */
    public static java.time.Clock clock() {
        java.time.ZoneId central = java.time.ZoneId.of("America/Chicago");
        return java.time.Clock.fixed(AS_OF.atTime(12, 0).atZone(central).toInstant(), central);
    }

    /** Online enduring sepsis module: 1.5 credits, ABIM MK/PA and ABS. */
    public static final Activity SEPSIS = Activity.builder()
            .providerId(PROVIDER_ID)
            .providerActivityId("LMS-COURSE-7781")
            .accmeActivityId("201234567")
            .title("Sepsis Recognition Update")
            .description("Recognising sepsis early and managing its first hour, for hospital physicians.")
            .sponsorship(Sponsorship.DIRECT)
            .type(ActivityType.INTERNET_ENDURING_MATERIAL)
            .startDate(LocalDate.of(2026, 1, 15))
            .endDate(LocalDate.of(2028, 12, 31))
            .maxCmeCredits("1.5")
            .mocRegistration(MocRegistration.of(
                    Board.ABIM, "1.5", MocCreditType.ABIM_MEDICAL_KNOWLEDGE, MocCreditType.ABIM_PRACTICE_ASSESSMENT))
            .mocRegistration(MocRegistration.of(Board.ABS, "1.5", MocCreditType.ABS_ACCREDITED_CME))
            .build();

    /** Live pediatric course: 6 credits, ABP. */
    public static final Activity PEDIATRICS = Activity.builder()
            .providerId(PROVIDER_ID)
            .providerActivityId("LMS-COURSE-8120")
            .accmeActivityId("201234568")
            .title("Pediatric Emergencies Course")
            .description("Three days of simulation-based training in pediatric emergencies.")
            .sponsorship(Sponsorship.JOINT)
            .type(ActivityType.COURSE)
            .startDate(LocalDate.of(2026, 9, 14))
            .endDate(LocalDate.of(2026, 9, 16))
            .maxCmeCredits("6")
            .mocRegistration(MocRegistration.of(Board.ABP, "6", MocCreditType.ABP_LIFELONG_LEARNING))
            .build();

    /** Weekly grand rounds: 1 credit per session, no MOC. */
    public static final Activity GRAND_ROUNDS = Activity.builder()
            .providerId(PROVIDER_ID)
            .providerActivityId("RSS-GR-2026")
            .accmeActivityId("201234569")
            .title("Medicine Grand Rounds 2026")
            .description("Weekly department of medicine grand rounds.")
            .sponsorship(Sponsorship.DIRECT)
            .type(ActivityType.REGULARLY_SCHEDULED_SERIES)
            .startDate(LocalDate.of(2026, 1, 6))
            .endDate(LocalDate.of(2026, 12, 15))
            .maxCmeCredits("1")
            .build();

    /** All three. */
    public static final List<Activity> ALL = List.of(SEPSIS, PEDIATRICS, GRAND_ROUNDS);
}
