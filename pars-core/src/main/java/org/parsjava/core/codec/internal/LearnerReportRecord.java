/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.model.MocCreditType;

/**
 * One learner report as read from a PARS learner document, before any rule is applied: what a
 * PARS double (see {@code pars-testkit}) sees on the wire; reached through {@link PeerCodec}.
 * Values that could not be read are empty rather than failing the whole document.
 * {@link #toString()} masks personal data. Not API.
 *
 * @param action add or delete
 * @param providerId {@code XtensibleInfo/ProviderID} or {@code ProviderOrganization}
 * @param accmeActivityId {@code ModuleName/@moduleID}
 * @param firstName given name
 * @param lastName family name
 * @param birthDate birth month and day, if readable
 * @param completionDate completion date, if readable
 * @param identifiers every {@code UniqueID} (NPI, board IDs, state licenses), de-duplicated
 * @param creditLines every {@code CreditCertificate}
 */
public record LearnerReportRecord(
        LearnerRecordAction action,
        String providerId,
        String accmeActivityId,
        String firstName,
        String lastName,
        Optional<MonthDay> birthDate,
        Optional<LocalDate> completionDate,
        List<Identifier> identifiers,
        List<CreditLine> creditLines) {

    /**
     * An identifier with its domain.
     *
     * @param domain {@code NPI}, a board acronym or a state code
     * @param value the identifier
     */
    public record Identifier(String domain, String value) {
        /** Rejects nulls. */
        public Identifier {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return domain + ":"
                    + (value.length() <= 2
                            ? "**"
                            : "*".repeat(value.length() - 2) + value.substring(value.length() - 2));
        }
    }

    /**
     * One credit line.
     *
     * @param mocType the MOC credit type, or empty for AMA PRA Category 1 credit
     * @param certification the {@code activityCertification} text as sent
     * @param credits {@code numberOfCredits}
     * @param creditId {@code CreditID}
     */
    public record CreditLine(
            Optional<MocCreditType> mocType, String certification, BigDecimal credits, String creditId) {
        /** Rejects nulls. */
        public CreditLine {
            Objects.requireNonNull(mocType, "mocType");
            Objects.requireNonNull(certification, "certification");
            Objects.requireNonNull(credits, "credits");
            Objects.requireNonNull(creditId, "creditId");
        }

        /** True for the AMA PRA Category 1 line. */
        public boolean isCme() {
            return mocType.isEmpty();
        }
    }

    /** Copies lists and rejects nulls. */
    public LearnerReportRecord {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(accmeActivityId, "accmeActivityId");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(completionDate, "completionDate");
        identifiers = List.copyOf(identifiers);
        creditLines = List.copyOf(creditLines);
    }

    /** The value of the first identifier in {@code domain}, if any. */
    public Optional<String> identifier(String domain) {
        for (Identifier id : identifiers) {
            if (id.domain().equalsIgnoreCase(domain)) {
                return Optional.of(id.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "LearnerReportRecord[" + action + ", activity=" + accmeActivityId + ", learner="
                + (firstName.isEmpty() ? "" : firstName.charAt(0) + ".") + " "
                + (lastName.isEmpty() ? "" : lastName.charAt(0) + ".") + ", ids=" + identifiers
                + ", completed=" + completionDate.map(LocalDate::toString).orElse("?")
                + ", lines=" + creditLines.size() + "]";
    }
}
