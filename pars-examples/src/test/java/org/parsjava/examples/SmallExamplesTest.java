/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The examples an integrator copies run as documented against the embedded simulator. */
class SmallExamplesTest {

    private static String output(Consumer<String[]> main, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.accept(args);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void registerActivityPrintsTheIdPARSIssued() {
        String out = output(RegisterActivity::main);
        assertTrue(out.contains("No PARS_URL set"), out);
        assertTrue(out.contains("embedded PARS simulator"), out);
        assertTrue(out.matches("(?s).*PARS holds the activity as ACCME Activity ID \\d{9}\\s*"), out);
    }

    @Test
    void reportOneCompletionIsAcceptedAndPrintsNoPersonalData() {
        String out = output(ReportOneCompletion::main);
        assertTrue(out.contains("#0 [enrolment-88231] ACCEPTED"), out);
        assertTrue(out.contains("ccid:0001234:enrolment-88231-cme"), out);
        for (String pii : new String[] {"Avery", "Whitfield", "1245319599", "A12345", "123456"}) {
            assertFalse(out.contains(pii), pii + " in " + out);
        }
    }

    @Test
    void checkStatusFindsTheReportedCredit() {
        assertTrue(output(CheckStatus::main).contains("ccid:0001234:enrolment-88231-cme: ACCEPTED"));
    }

    @org.junit.jupiter.api.Test
    void theExamplesActivitiesMeetTheDraftActivitySchema() {
        org.parsjava.core.codec.ParsJsonCodec json = org.parsjava.core.codec.ParsJsonCodec.create();
        for (org.parsjava.core.model.Activity a : org.parsjava.testkit.demo.DemoActivities.ALL) {
            assertTrue(
                    org.parsjava.core.validation.ParsValidator.defaults()
                            .validateActivity(a)
                            .isValid(),
                    a.toString());
            org.parsjava.core.testing.DraftSchemaRules.assertActivity(
                    json.encodeActivity(a, org.parsjava.core.codec.ActivityAction.ADD));
        }
    }
}
