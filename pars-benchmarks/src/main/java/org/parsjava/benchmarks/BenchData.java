/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.Npi;
import org.parsjava.testkit.demo.DemoActivities;

/** Deterministic synthetic completions for the benchmarks: 90% valid, 10% with one error. */
final class BenchData {

    static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    static final Clock AS_OF =
            Clock.fixed(DemoActivities.AS_OF.atTime(12, 0).atZone(CENTRAL).toInstant(), CENTRAL);

    private BenchData() {}

    static List<LearnerCompletion> completions(int n, long seed) {
        Random r = new Random(seed);
        LicensingJurisdiction[] states = LicensingJurisdiction.values();
        List<LearnerCompletion> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder base = new StringBuilder("1");
            for (int k = 0; k < 8; k++) {
                base.append(r.nextInt(10));
            }
            String npi = base.toString() + Npi.checkDigit(base);
            Learner.Builder l = Learner.builder()
                    .firstName("First" + (i % 977))
                    .lastName("Last" + (i % 1013))
                    .birthDate(1 + r.nextInt(12), 1 + r.nextInt(28))
                    .npi(npi)
                    .license(states[r.nextInt(states.length)], "L" + (100000 + r.nextInt(900000)));
            boolean moc = r.nextBoolean();
            if (moc) {
                l.boardId(Board.ABIM, Integer.toString(100000 + r.nextInt(900000)));
            }
            LearnerCompletion.Builder c = LearnerCompletion.builder()
                    .completionKey("enr-" + i)
                    .activity(DemoActivities.SEPSIS)
                    .learner(l.build())
                    .completionDate(LocalDate.of(2026, 2, 1).plusDays(r.nextInt(280)))
                    .cmeCredits(new String[] {"0.5", "0.75", "1", "1.25", "1.5"}[r.nextInt(5)])
                    .consent(true);
            if (moc) {
                c.mocCredit(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, "1");
            }
            if (i % 10 == 9) { // one error in every tenth record
                switch (r.nextInt(4)) {
                    case 0 -> c.consent(false);
                    case 1 -> c.cmeCredits("1.1");
                    case 2 -> c.cmeCredits("4");
                    default -> c.completionDate(LocalDate.of(2026, 12, 24));
                }
            }
            out.add(c.build());
        }
        return out;
    }
}
