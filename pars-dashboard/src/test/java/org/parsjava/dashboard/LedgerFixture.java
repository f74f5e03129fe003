/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard;

import java.nio.file.Path;
import java.time.LocalDate;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.Fault;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.demo.DemoActivities;

/**
 * A simulator and an H2 ledger holding one entry in each interesting state: {@code accepted-1}
 * (accepted), {@code bad-1} (invalid: no consent), {@code retry-1} (retrying after 503s).
 */
final class LedgerFixture implements AutoCloseable {

    final ParsSimulator simulator;
    final ParsClient client;
    final ReportingLedger ledger;

    LedgerFixture(Path dir) {
        simulator =
                ParsSimulator.builder().clock(DemoActivities.clock()).build().start();
        DemoActivities.ALL.forEach(simulator::addActivity);
        client = simulator.clientBuilder().sleeper(d -> {}).build();
        ledger = ReportingLedger.builder()
                .jdbcUrl("jdbc:h2:file:" + dir.resolve("ledger"), null, null)
                .client(client)
                .clock(DemoActivities.clock())
                .key(LedgerKey.generate())
                .build();
        ledger.record(completion("accepted-1", "1234567893", true));
        ledger.drain();
        ledger.record(completion("bad-1", "1245319599", false));
        for (int i = 0; i < 4; i++) {
            simulator.inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503));
        }
        ledger.record(completion("retry-1", "1003000126", true));
        ledger.drain();
    }

    static LearnerCompletion completion(String key, String npi, boolean consent) {
        return LearnerCompletion.builder()
                .completionKey(key)
                .activity(DemoActivities.SEPSIS)
                .learner(Learner.builder()
                        .firstName("Jane")
                        .lastName("Sample")
                        .birthDate(2, 9)
                        .npi(npi)
                        .license(LicensingJurisdiction.CA, "A" + npi.substring(4))
                        .build())
                .completionDate(LocalDate.of(2026, 3, 2))
                .cmeCredits("1.5")
                .consent(consent)
                .build();
    }

    @Override
    public void close() {
        ledger.close();
        client.close();
        simulator.close();
    }
}
