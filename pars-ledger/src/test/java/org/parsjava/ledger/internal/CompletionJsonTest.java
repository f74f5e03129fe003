/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.Profession;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.ledger.LedgerException;

class CompletionJsonTest {

    private final CompletionJson json = new CompletionJson(RulesCatalogue.defaults());

    /** Completions covering every field present and absent, numbers in each form, escaped text. */
    static List<LearnerCompletion> completions() {
        LearnerCompletion full = Fixtures.completion();
        LearnerCompletion sparse = full.toBuilder()
                .completionKey("k\"2\\ü")
                .learner(Learner.builder()
                        .firstName("Zoë")
                        .lastName("O'Brien \"Jr\"")
                        .birthDate(12, 1)
                        .license(LicensingJurisdiction.NY, "N1000")
                        .profession(Profession.NURSE)
                        .build())
                .clearMocCredits()
                .cmeCredits("10.00")
                .consent(false)
                .completionDate(LocalDate.of(2025, 12, 31))
                .build();
        LearnerCompletion boards = full.toBuilder()
                .completionKey("k-3")
                .learner(Fixtures.learner().toBuilder()
                        .boardId(Board.ABA, "123456")
                        .profession(Profession.PHYSICIAN)
                        .build())
                .mocCredit(MocCreditType.ABIM_PATIENT_SAFETY, "0.25")
                .build();
        return List.of(full, sparse, boards);
    }

    @Test
    void theStoredFormIsByteForByteTheOneEarlierVersionsWrote() {
        // Written by the ledger before this form was produced by hand (Jackson data binding of a
        // class with its properties in alphabetical order, nulls left out): the content
        // fingerprint is of these bytes, so a change would make every stored entry look changed.
        List<String> expected = List.of(
                "{\"activityRef\":\"ref-0\",\"activityStatus\":\"ACTIVE\",\"birthDate\":\"02-29\",\"boardIds\":{\"ABIM\":\"000000\"},\"cme\":1.5,\"completionDate\":\"2026-02-27\",\"consent\":true,\"firstName\":\"Jane\",\"key\":\"lms-88231\",\"lastName\":\"Sample\",\"licenseNumber\":\"A99999\",\"licenseState\":\"CA\",\"moc\":{\"ABIM_MEDICAL_KNOWLEDGE\":1.5},\"npi\":\"1234567893\"}",
                "{\"activityRef\":\"ref-1\",\"activityStatus\":\"ACTIVE\",\"birthDate\":\"12-01\",\"cme\":1E+1,\"completionDate\":\"2025-12-31\",\"consent\":false,\"firstName\":\"Zoë\",\"key\":\"k\\\"2\\\\ü\",\"lastName\":\"O'Brien \\\"Jr\\\"\",\"licenseNumber\":\"N1000\",\"licenseState\":\"NY\",\"profession\":\"NURSE\"}",
                "{\"activityRef\":\"ref-2\",\"activityStatus\":\"ACTIVE\",\"birthDate\":\"02-29\",\"boardIds\":{\"ABA\":\"123456\",\"ABIM\":\"000000\"},\"cme\":1.5,\"completionDate\":\"2026-02-27\",\"consent\":true,\"firstName\":\"Jane\",\"key\":\"k-3\",\"lastName\":\"Sample\",\"licenseNumber\":\"A99999\",\"licenseState\":\"CA\",\"moc\":{\"ABIM_MEDICAL_KNOWLEDGE\":1.5,\"ABIM_PATIENT_SAFETY\":0.25},\"npi\":\"1234567893\",\"profession\":\"PHYSICIAN\"}");
        List<LearnerCompletion> cs = completions();
        for (int i = 0; i < cs.size(); i++) {
            assertEquals(expected.get(i), new String(json.write(cs.get(i), "ref-" + i), StandardCharsets.UTF_8));
        }
    }

    @Test
    void whatIsStoredReadsBackAsTheSameCompletionWhateverTheOrderOfItsFields() {
        // Credits are stored without trailing zeros (10.00 as 1E+1), so equal content compares by its stored form.
        for (LearnerCompletion c : completions()) {
            byte[] stored = json.write(c, "ref");
            LearnerCompletion read = json.read(stored, (ref, status) -> c.activity());
            assertEquals(new String(stored, StandardCharsets.UTF_8), text(read));
            assertEquals(c.learner(), read.learner());
            assertEquals(
                    0, c.cmeCredits().orElseThrow().compareTo(read.cmeCredits().orElseThrow()));
        }
        LearnerCompletion c = completions().get(1);
        String reordered = "{\"profession\":\"NURSE\",\"licenseState\":\"NY\",\"licenseNumber\":\"N1000\","
                + "\"lastName\":\"O'Brien \\\"Jr\\\"\",\"key\":\"k\\\"2\\\\ü\",\"firstName\":\"Zoë\",\"consent\":false,"
                + "\"completionDate\":\"2025-12-31\",\"cme\":10,\"birthDate\":\"12-01\",\"activityStatus\":\"ACTIVE\","
                + "\"activityRef\":\"ref\"}";
        assertEquals(
                new String(json.write(c, "ref"), StandardCharsets.UTF_8),
                text(json.read(reordered.getBytes(StandardCharsets.UTF_8), (ref, status) -> c.activity())));
    }

    private String text(LearnerCompletion c) {
        return new String(json.write(c, "ref"), StandardCharsets.UTF_8);
    }

    @Test
    void bytesThatAreNotAStoredCompletionAreRefusedWithoutTheirContent() {
        byte[] stored = json.write(Fixtures.completion(), "ref");
        String text = new String(stored, StandardCharsets.UTF_8);
        for (String bad : List.of(
                text.replace("{\"ABIM\":\"000000\"}", "{\"ABIM\":null}"),
                text.replace("\"licenseState\":\"CA\",", ""),
                text.replace("\"completionDate\":\"2026-02-27\"", "\"completionDate\":\"2026-13-45\""),
                text.replace("\"npi\":", "\"profession\":\"ASTRONAUT\",\"npi\":"),
                text.replace("\"birthDate\":\"02-29\"", "\"birthDate\":\"0229\""),
                text.replace("{\"ABIM\":\"000000\"}", "\"ABIM\""),
                text.replace("\"consent\":true", "\"consent\":\"yes\""),
                text.replace("\"npi\"", "\"unexpected\""),
                text.replace("\"birthDate\":\"02-29\",", ""),
                text.substring(0, text.length() - 10),
                "[1,2]",
                "")) {
            LedgerException e = assertThrows(
                    LedgerException.class,
                    () -> json.read(bad.getBytes(StandardCharsets.UTF_8), (ref, status) -> Fixtures.activity()),
                    bad);
            assertEquals("a ledger payload is not a stored completion", e.getMessage());
        }
    }
}
