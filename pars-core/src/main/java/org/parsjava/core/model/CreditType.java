/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

/**
 * The credit system an activity's designated credits are in: AMA PRA Category 1 for CME, or
 * one of the Joint Accreditation systems the draft activity schema lists.
 */
public enum CreditType {
    /** AMA PRA Category 1 Credit (physicians); the default. */
    AMA_PRA_CATEGORY_1("AMA PRA Category 1"),
    /** Interprofessional Continuing Education credit. */
    IPCE("IPCE"),
    /** Nursing contact hours. */
    NURSING("Nursing"),
    /** Pharmacy (ACPE) credit. */
    PHARMACY("Pharmacy"),
    /** AAPA Category 1 CME (physician assistants). */
    AAPA_CATEGORY_1("AAPA Category 1"),
    /** Psychology (APA) credit. */
    PSYCHOLOGY("Psychologist"),
    /** Optometry (COPE) credit. */
    OPTOMETRY("Optometrist"),
    /** Social work (ASWB ACE) credit. */
    SOCIAL_WORK("Social Worker"),
    /** Dental (ADA CERP) credit. */
    DENTISTRY("Dentist"),
    /** Dietetics CPEU. */
    DIETETICS_CPEU("Dietetic CPEU"),
    /** Athletic training CEU. */
    ATHLETIC_TRAINING_CEU("Athletic Training CEU");

    private final String label;

    CreditType(String label) {
        this.label = label;
    }

    /** The name PARS's activity schema uses ({@code activityCertification}). */
    public String label() {
        return label;
    }
}
