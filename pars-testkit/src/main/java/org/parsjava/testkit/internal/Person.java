/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.util.List;
import java.util.Optional;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.model.LicensingJurisdiction;

/** A learner as the simulator keeps them: names, birth day and identifiers. */
public record Person(
        String givenName,
        String familyName,
        java.time.MonthDay birthDate,
        List<LearnerReportRecord.Identifier> identifiers) {
    /** How many identifiers: names, birth day and identifiers are learner data. */
    @Override
    public String toString() {
        return "Person[" + identifiers.size() + " identifiers]";
    }

    public static Person of(LearnerReportRecord r) {
        return new Person(r.firstName(), r.lastName(), r.birthDate().orElseThrow(), List.copyOf(r.identifiers()));
    }

    Optional<String> id(String domain) {
        return identifiers.stream()
                .filter(i -> i.domain().equalsIgnoreCase(domain))
                .map(LearnerReportRecord.Identifier::value)
                .findFirst();
    }

    boolean holds(String value) {
        return identifiers.stream().anyMatch(i -> i.value().equals(value));
    }

    Optional<LearnerReportRecord.Identifier> license() {
        return identifiers.stream()
                .filter(i -> i.domain().length() == 2
                        && LicensingJurisdiction.parse(i.domain()).isPresent())
                .findFirst();
    }
}
