/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Profession;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.core.validation.ViolationCode;

class RulesCatalogueTest {

    /** A board an application adds without a release: the American Board of Family Medicine. */
    static final String ABFM = """
            {"extends": "defaults", "version": "abfm",
             "boards": [{"code": "ABFM", "acronym": "ABFM", "name": "American Board of Family Medicine",
               "idFormat": "[0-9]{8}", "sources": ["our contract with ABFM"],
               "creditTypes": [{"code": "ABFM_KNOWLEDGE", "name": "Knowledge Self-Assessment"}]}]}
            """;

    @Test
    void theShippedCatalogueListsTheBoardsOf2026WithTheirSources() {
        RulesCatalogue c = RulesCatalogue.defaults();
        assertEquals("2026-12", c.version());
        assertEquals(LocalDate.of(2026, 12, 1), c.effectiveDate());
        assertEquals(
                List.of("ABA", "ABIM", "ABO", "ABOHNS", "ABOS", "ABP", "ABPATH", "ABPMR", "ABS", "ABTS"),
                c.boards().stream().map(Board::code).toList());
        assertEquals(25, c.creditTypes().size());
        for (Board b : c.boards()) {
            BoardRules r = c.rules(b).orElseThrow();
            assertFalse(r.sources().isEmpty(), b + " has no source");
            for (String s : r.sources()) {
                assertTrue(c.sources().containsKey(s), b + " cites " + s + ", which the catalogue does not list");
            }
            for (CreditTypeRules t : r.creditTypes().values()) {
                assertFalse(t.sources().isEmpty(), t + " has no source");
                for (String s : t.sources()) {
                    assertTrue(s.equals("inferred") || c.sources().containsKey(s), t + " cites " + s);
                }
            }
        }
        // The constants are the catalogue's entries.
        assertTrue(c.boards().get(0) == Board.ABA);
        assertEquals(MocCreditType.values(), c.creditTypes());
        assertTrue(c.mayEarnMoc(Profession.PHYSICIAN));
        assertFalse(c.mayEarnMoc(Profession.PHYSICIAN_ASSISTANT));
        assertFalse(c.mayEarnMoc(Profession.NURSE_PRACTITIONER));
    }

    @Test
    void theShippedRulesSayWhatTheSourcesSay() {
        RulesCatalogue c = RulesCatalogue.defaults();
        assertEquals("[0-9]{6}", c.rules(Board.ABIM).orElseThrow().idFormat().pattern());
        assertTrue(c.rules(Board.ABA).orElseThrow().oneRecordPerDiplomateActivityDay());
        assertTrue(c.rules(Board.ABP).orElseThrow().uniformCredit());
        assertFalse(c.rules(Board.ABIM).orElseThrow().uniformCredit());
        assertEquals(
                Optional.of(LocalDate.of(2025, 1, 1)),
                c.rules(Board.ABPMR).orElseThrow().activitiesFrom());
        assertFalse(c.rules(Board.ABS).orElseThrow().idRequired());
        assertEquals(
                "12",
                c.rules(Board.ABS).orElseThrow().dailyCreditCap().orElseThrow().toPlainString());
        CreditTypeRules sam = c.rules(MocCreditType.ABPATH_SELF_ASSESSMENT).orElseThrow();
        assertTrue(sam.validOn(LocalDate.of(2020, 12, 31)));
        assertFalse(sam.validOn(LocalDate.of(2021, 1, 1)));
        assertEquals(
                List.of(java.util.Set.of(
                        MocCreditType.ABO_IMPROVEMENT_IN_MEDICAL_PRACTICE, MocCreditType.ABO_PATIENT_SAFETY)),
                c.rules(Board.ABO).orElseThrow().incompatibleCreditTypes());
        assertTrue(c.rules(MocCreditType.ABA_PATIENT_SAFETY).orElseThrow().patientSafety());
    }

    @Test
    void boardsAndCreditTypesAreFoundByEveryNameTheyGoBy() {
        RulesCatalogue c = RulesCatalogue.defaults();
        assertEquals(Optional.of(Board.ABPATH), c.board(" abpath "));
        assertEquals(Optional.of(Board.ABPATH), c.board("ABPath"));
        assertEquals(Optional.of(Board.ABPATH), c.board("American Board of Pathology"));
        assertEquals(Optional.empty(), c.board("ABX"));
        assertEquals(Optional.of(MocCreditType.ABIM_MEDICAL_KNOWLEDGE), c.creditType("abim medical knowledge"));
        assertEquals(Optional.of(MocCreditType.ABIM_MEDICAL_KNOWLEDGE), c.creditType("ABIM_MEDICAL_KNOWLEDGE"));
        assertEquals(Optional.of(MocCreditType.ABIM_MEDICAL_KNOWLEDGE), c.creditType("abim-medical-knowledge"));
        assertEquals(Optional.of(Board.ABO), Board.parse("abo"));
    }

    @Test
    void anApplicationAddsABoardWithAFileAndNoRelease(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("rules.json"), ABFM);
        RulesCatalogue c = RulesCatalogue.load(file);
        assertEquals("2026-12+abfm", c.version());
        Board abfm = c.board("abfm").orElseThrow();
        MocCreditType knowledge = c.creditType("ABFM Knowledge Self-Assessment").orElseThrow();
        assertEquals(11, c.boards().size());
        assertTrue(c.board("ABIM").isPresent(), "the shipped boards stay");
        Activity activity = Fixtures.activity().toBuilder()
                .mocRegistration(new MocRegistration(
                        abfm, new java.math.BigDecimal("2"), java.util.Set.of(knowledge), Optional.empty()))
                .build();
        LearnerCompletion completion = Fixtures.completion().toBuilder()
                .activity(activity)
                .learner(
                        Fixtures.learner().toBuilder().boardId(abfm, "12345678").build())
                .mocCredit(knowledge, "1")
                .build();
        ParsValidator withAbfm =
                ParsValidator.builder().clock(Fixtures.CLOCK).rules(c).build();
        assertTrue(
                withAbfm.validate(completion).isValid(),
                withAbfm.validate(completion).toString());
        assertTrue(withAbfm
                .validate(completion.toBuilder()
                        .learner(Fixtures.learner().toBuilder()
                                .boardId(abfm, "1234")
                                .build())
                        .build())
                .errors()
                .stream()
                .anyMatch(v -> v.code() == ViolationCode.BOARD_ID_INVALID));
        // Without the file, the board is unknown and the record is refused before sending.
        ParsValidator shipped = ParsValidator.builder().clock(Fixtures.CLOCK).build();
        assertTrue(
                shipped.validate(completion).errors().stream().anyMatch(v -> v.code() == ViolationCode.BOARD_UNKNOWN));
    }

    @Test
    void aCatalogueFileCanReplaceTheShippedOneWhole() {
        RulesCatalogue c = read("""
                {"version": "2027-01", "effectiveDate": "2027-01-01", "mocEligibleProfessions": ["PHYSICIAN", "PHYSICIAN_ASSISTANT"],
                 "boards": [{"code": "ABIM", "acronym": "ABIM", "name": "American Board of Internal Medicine",
                   "idFormat": "[0-9]{6}", "creditTypes": [{"code": "ABIM_MEDICAL_KNOWLEDGE", "name": "Medical Knowledge"}]}]}
                """);
        assertEquals(List.of(Board.ABIM), c.boards());
        assertTrue(c.mayEarnMoc(Profession.PHYSICIAN_ASSISTANT));
        assertEquals(LocalDate.of(2027, 1, 1), c.effectiveDate());
    }

    @Test
    void aBadFileIsRefusedNamingTheFileTheEntryAndTheField() {
        assertMessage("{\"version\": \"x\"", "rules.json: not JSON");
        assertMessage(
                "{\"version\": \"x\", \"effectiveDate\": \"2027-13-01\"}",
                "rules.json: the catalogue: effectiveDate must be a date");
        assertMessage(
                "{\"extends\": \"defaults\", \"bords\": []}", "rules.json: the catalogue: bords is not a known field");
        assertMessage(
                "{\"extends\": \"defaults\", \"boards\": [{\"code\": \"ABFM\", \"acronym\": \"ABFM\", \"name\": \"F\", \"idFormat\": \"[0-9\", \"creditTypes\": [{\"code\": \"ABFM_K\", \"name\": \"K\"}]}]}",
                "rules.json: board ABFM: idFormat is not a regular expression");
        assertMessage(
                "{\"extends\": \"defaults\", \"boards\": [{\"code\": \"ABFM\", \"acronym\": \"ABFM\", \"name\": \"F\"}]}",
                "rules.json: board ABFM: creditTypes must list at least one credit type");
        assertMessage(
                "{\"extends\": \"defaults\", \"boards\": [{\"code\": \"ABFM\", \"acronym\": \"ABFM\", \"name\": \"F\", \"creditTypes\": [{\"code\": \"ABIM_K\", \"name\": \"K\"}]}]}",
                "rules.json: credit type ABIM_K of board ABFM: code must be ABFM_");
        assertMessage(
                "{\"extends\": \"defaults\", \"boards\": [{\"code\": \"ABFM\", \"acronym\": \"ABFM\", \"name\": \"F\", \"creditTypes\": [{\"code\": \"ABFM_K\", \"name\": \"K\", \"validUntil\": \"soon\"}]}]}",
                "rules.json: credit type ABFM_K of board ABFM: validUntil must be a date");
        assertMessage(
                "{\"extends\": \"defaults\", \"mocEligibleProfessions\": [\"ASTRONAUT\"]}",
                "rules.json: the catalogue: mocEligibleProfessions has unknown profession");
        assertMessage(
                "{\"extends\": \"defaults\", \"boards\": [{\"code\": \"ABFM\", \"acronym\": \"ABIM\", \"name\": \"F\", \"creditTypes\": [{\"code\": \"ABFM_K\", \"name\": \"K\"}]}]}",
                "rules.json: boards ABFM and ABIM share the name ABIM");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        RulesCatalogueException e =
                assertThrows(RulesCatalogueException.class, () -> RulesCatalogue.load(dir.resolve("none.json")));
        assertTrue(e.getMessage().startsWith(dir.resolve("none.json") + ": cannot be read"), e.getMessage());
    }

    @Test
    void codeChangesTheCatalogueThroughItsBuilders() {
        RulesCatalogue c = RulesCatalogue.defaults().toBuilder()
                .removeBoard("ABTS")
                .board(RulesCatalogue.defaults().rules(Board.ABP).orElseThrow().toBuilder()
                        .uniformCredit(false)
                        .build())
                .build();
        assertFalse(c.board("ABTS").isPresent());
        assertFalse(c.rules(Board.ABP).orElseThrow().uniformCredit());
        assertTrue(
                RulesCatalogue.defaults().rules(Board.ABP).orElseThrow().uniformCredit(),
                "the shipped one is unchanged");
        assertThrows(
                IllegalArgumentException.class,
                () -> BoardRules.builder(Board.ABA)
                        .creditType(CreditTypeRules.builder(MocCreditType.ABIM_PATIENT_SAFETY)
                                .build()));
    }

    private static RulesCatalogue read(String json) {
        return RulesCatalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "rules.json");
    }

    private static void assertMessage(String json, String start) {
        RulesCatalogueException e = assertThrows(RulesCatalogueException.class, () -> read(json));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
