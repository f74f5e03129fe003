/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.model.MocCreditType;

/**
 * One credit line the simulator holds, as a test sees it.
 *
 * @param creditId the CreditID
 * @param accmeActivityId the activity
 * @param learnerKey the identity PARS matched on ({@code NPI:...} or {@code CA:...}), unmasked
 *     because it is test data
 * @param completionDate the completion date
 * @param mocType the MOC credit type, or empty for AMA PRA Category 1
 * @param credits the amount
 */
public record StoredCredit(
        String creditId,
        String accmeActivityId,
        String learnerKey,
        LocalDate completionDate,
        Optional<MocCreditType> mocType,
        BigDecimal credits) {

    /** Rejects nulls. */
    public StoredCredit {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(accmeActivityId, "accmeActivityId");
        Objects.requireNonNull(learnerKey, "learnerKey");
        Objects.requireNonNull(completionDate, "completionDate");
        Objects.requireNonNull(mocType, "mocType");
        Objects.requireNonNull(credits, "credits");
    }

    /** The credit without the learner key, which holds an NPI, a license or board IDs. */
    @Override
    public String toString() {
        return "StoredCredit[" + creditId + ", activity=" + accmeActivityId + ", completed=" + completionDate
                + mocType.map(t -> ", " + t).orElse(", CME") + ", credits=" + credits.toPlainString() + "]";
    }
}
