/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.testkit.Fault;
import org.parsjava.testkit.ParsSimulatorExtension;
import org.parsjava.testkit.demo.DemoActivities;

/** docs/testkit.md: the example is this test. */
class SimulatorExtensionExampleTest {

    private final Clock fixedClock = DemoActivities.clock();
    private final Activity activity = DemoActivities.SEPSIS;
    private final List<LearnerCompletion> completions = List.of(
            Completions.cmeOnly(activity, "enrolment-1", "1234567893", LocalDate.of(2026, 3, 2)),
            Completions.cmeOnly(activity, "enrolment-2", "1245319599", LocalDate.of(2026, 3, 3)),
            Completions.cmeOnly(activity, "enrolment-3", "1003000126", LocalDate.of(2026, 3, 4)));

    // tag::extension[]
    @RegisterExtension
    final ParsSimulatorExtension pars = new ParsSimulatorExtension(b -> b.clock(fixedClock));

    @Test
    void reportsCreditWithoutDuplicatesWhenTheConnectionDrops() {
        pars.simulator().addActivity(activity).inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.dropAfterApply());
        try (ParsClient client = pars.newClient()) {
            assertEquals(3, client.learners().submit(completions).acceptedCount());
        }
        assertEquals(3, pars.simulator().credits().size()); // one per credit line (CME only here): nothing twice
    }
    // end::extension[]
}
