/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.ledger.EntryState;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.LedgerWorker;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.demo.DemoActivities;

/**
 * The LMS path: each completion event is recorded in the ledger as it happens, and a
 * background worker sends what is due. Runs against the embedded simulator with an in-memory
 * H2 ledger: {@code mvn -B -q -DskipTests -pl pars-examples -am package exec:java
 * -Dexec.mainClass=org.parsjava.examples.LmsLedgerExample}.
 */
public final class LmsLedgerExample {

    private LmsLedgerExample() {}

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        try (ExampleConnection pars = ExampleConnection.open();
                ReportingLedger ledger = ReportingLedger.builder()
                        .jdbcUrl("jdbc:h2:mem:lms-example;DB_CLOSE_DELAY=-1", null, null) // your DataSource in an LMS
                        .client(pars.client())
                        .clock(pars.clock())
                        .key(LedgerKey.generate()) // from your secrets store
                        .build();
                LedgerWorker worker = ledger.startWorker(Duration.ofMillis(500))) {
            System.out.println(pars.description());
            // The LMS's "course completed" events:
            List<LearnerCompletion> events = List.of(
                    completion("enrol-1001", "Priya", "Iyer", 3, 14, "1245319599", false),
                    completion("enrol-1002", "Omar", "Haddad", 7, 4, "1003000126", true));
            for (LearnerCompletion c : events) {
                System.out.println(c.completionKey() + ": " + ledger.record(c));
            }
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ledger.counts().getOrDefault(EntryState.PENDING, 0L) > 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            for (LearnerCompletion c : events) {
                System.out.println(c.completionKey() + " is now "
                        + ledger.entry(c.activity().providerId(), c.completionKey())
                                .orElseThrow()
                                .state());
            }
        }
    }

    private static LearnerCompletion completion(
            String key, String first, String last, int month, int day, String npi, boolean moc) {
        LearnerCompletion.Builder b = LearnerCompletion.builder()
                .completionKey(key)
                .activity(DemoActivities.SEPSIS)
                .learner(Learner.builder()
                        .firstName(first)
                        .lastName(last)
                        .birthDate(month, day)
                        .npi(npi)
                        .license(LicensingJurisdiction.NY, "N" + npi.substring(6))
                        .boardId(org.parsjava.core.model.Board.ABIM, "1" + npi.substring(5))
                        .build())
                .completionDate(LocalDate.of(2026, 11, 2))
                .cmeCredits("1.5")
                .consent(true);
        if (moc) {
            b.mocCredit(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, "1.5");
        }
        return b.build();
    }
}
