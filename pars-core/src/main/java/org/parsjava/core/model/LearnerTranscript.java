/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A physician's transcript as PARS returns it (the draft transcript schema): who, and every
 * completion PARS holds for them with its credit. Read model: values are as PARS sent them, so
 * codes are plain text. {@link #toString()} shows no personal data.
 *
 * @param givenName given name
 * @param familyName family name
 * @param stateOfLicensure two-letter licensing state, if PARS gave one
 * @param stateMedicalLicenseId state license number, if given
 * @param npi NPI, if given
 * @param completions the completions on the transcript
 * @param providerId the {@code XtensibleInfo} provider ID, if given
 * @param notes PARS's notes, if any
 */
public record LearnerTranscript(
        String givenName,
        String familyName,
        Optional<String> stateOfLicensure,
        Optional<String> stateMedicalLicenseId,
        Optional<String> npi,
        List<Completion> completions,
        Optional<String> providerId,
        Optional<String> notes) {

    /** Rejects nulls; copies the list. */
    public LearnerTranscript {
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(stateOfLicensure, "stateOfLicensure");
        Objects.requireNonNull(stateMedicalLicenseId, "stateMedicalLicenseId");
        Objects.requireNonNull(npi, "npi");
        completions = List.copyOf(completions);
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(notes, "notes");
    }

    /** Credit lines of every completion, in order. */
    public List<Credit> credits() {
        return completions.stream().flatMap(c -> c.credits().stream()).toList();
    }

    @Override
    public String toString() {
        return "LearnerTranscript[" + completions.size() + " completion(s), "
                + credits().size() + " credit line(s)]";
    }

    /**
     * One completion on a transcript.
     *
     * @param providerId the accredited provider's 7-digit ID ({@code ProviderOrganization})
     * @param reportingOrganization the reporting organization, if given
     * @param accmeActivityId the 9-digit ACCME Activity ID ({@code moduleID})
     * @param title the activity's title
     * @param status PARS's status text (the draft knows only {@code Completed})
     * @param completionDate the completion date, if readable
     * @param credits the credit lines
     * @param deliveryMethods delivery methods, if given
     * @param mocRegistrations the activity's MOC registrations, if given
     */
    public record Completion(
            String providerId,
            Optional<String> reportingOrganization,
            String accmeActivityId,
            String title,
            String status,
            Optional<LocalDate> completionDate,
            List<Credit> credits,
            List<String> deliveryMethods,
            List<Moc> mocRegistrations) {
        /** Rejects nulls; copies the lists. */
        public Completion {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(reportingOrganization, "reportingOrganization");
            Objects.requireNonNull(accmeActivityId, "accmeActivityId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(completionDate, "completionDate");
            credits = List.copyOf(credits);
            deliveryMethods = List.copyOf(deliveryMethods);
            mocRegistrations = List.copyOf(mocRegistrations);
        }
    }

    /**
     * One credit line.
     *
     * @param creditId the CreditID
     * @param certification {@code activityCertification} (e.g. {@code AMA PRA Category 1 Credit})
     * @param credits the amount
     * @param unit the unit ({@code Point})
     */
    public record Credit(String creditId, String certification, BigDecimal credits, String unit) {
        /** Rejects nulls. */
        public Credit {
            Objects.requireNonNull(creditId, "creditId");
            Objects.requireNonNull(certification, "certification");
            Objects.requireNonNull(credits, "credits");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * An activity's MOC registration as shown on a transcript.
     *
     * @param board the board's acronym
     * @param points MOC points
     * @param creditTypes MOC credit types, as PARS spells them
     * @param claimDate the credit claim date, if given
     */
    public record Moc(String board, BigDecimal points, List<String> creditTypes, Optional<LocalDate> claimDate) {
        /** Rejects nulls; copies the list. */
        public Moc {
            Objects.requireNonNull(board, "board");
            Objects.requireNonNull(points, "points");
            creditTypes = List.copyOf(creditTypes);
            Objects.requireNonNull(claimDate, "claimDate");
        }
    }
}
