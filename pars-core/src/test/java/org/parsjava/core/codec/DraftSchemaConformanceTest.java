/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityDetails;
import org.parsjava.core.model.ActivityStatus;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.CreditType;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Sponsorship;
import org.parsjava.core.testing.DraftSchemaRules;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.core.validation.ParsValidator;

/** Every document the codec writes satisfies the rules ACCME's draft JSON schemas state. */
class DraftSchemaConformanceTest {

    private static final ParsJsonCodec JSON = ParsJsonCodec.create();

    /** An activity with every optional field of the draft set. */
    static Activity everyField() {
        return Fixtures.activity().toBuilder()
                .sponsorship(Sponsorship.JOINT)
                .creditType(CreditType.IPCE)
                .mocRegistration(MocRegistration.of(Board.ABIM, "1.5", MocCreditType.ABIM_MEDICAL_KNOWLEDGE)
                        .withCreditClaimDate(java.time.LocalDate.of(2028, 12, 31)))
                .details(ActivityDetails.builder()
                        .location(new ActivityDetails.Location("Chicago", "IL", "usa"))
                        .commercialSupport(
                                new ActivityDetails.CommercialSupport("Acme Pharma", "USD", new BigDecimal("5000")))
                        .inKindSupporter("Acme Devices")
                        .profession(ActivityDetails.Profession.PHYSICIAN)
                        .profession(ActivityDetails.Profession.NURSE)
                        .specialty("Emergency Medicine")
                        .participants(ActivityDetails.ParticipantCategory.PHYSICIAN, 120)
                        .participants(ActivityDetails.ParticipantCategory.OTHER, 0)
                        .measuredOutcome(ActivityDetails.MeasuredOutcome.LEARNER_PERFORMANCE)
                        .commendationTag("Engages Teams")
                        .deliveryMethod("Online")
                        .contentOutline(new ActivityDetails.ContentOutline("ABA", "Level 3 ID", "1234"))
                        .contentOutline(new ActivityDetails.ContentOutline("ABA", "Free Text", "airway"))
                        .forPublicList(true)
                        .fee(ActivityDetails.Fee.FREE)
                        .registration(ActivityDetails.Registration.OPEN_TO_ALL)
                        .mips(false)
                        .rems(new ActivityDetails.Rems(ActivityDetails.RemsType.OPIOID_ANALGESIC, "EG-123456-001"))
                        .interprofessional(true)
                        .build())
                .build();
    }

    static Stream<Activity> activities() {
        return Stream.of(
                Fixtures.activity(),
                everyField(),
                Fixtures.activity().toBuilder().status(ActivityStatus.CLOSED).build());
    }

    static Stream<LearnerCompletion> completions() {
        LearnerCompletion base = Fixtures.completion();
        return Stream.of(
                base,
                base.toBuilder()
                        .learner(org.parsjava.core.model.Learner.builder()
                                .firstName("Ana")
                                .lastName("Ruiz")
                                .birthDate(3, 14)
                                .license(LicensingJurisdiction.NY, "N12345")
                                .boardId(Board.ABIM, "123456")
                                .build())
                        .build(),
                base.toBuilder().clearCmeCredits().build(),
                base.toBuilder().completionKey("k".repeat(200)).build());
    }

    @ParameterizedTest
    @MethodSource("activities")
    void everyActivityDocumentMeetsTheDraftActivitySchema(Activity activity) {
        assertTrue(
                ParsValidator.defaults().validateActivity(activity).isValid(),
                () -> ParsValidator.defaults()
                        .validateActivity(activity)
                        .violations()
                        .toString());
        for (ActivityAction action : ActivityAction.values()) {
            DraftSchemaRules.assertActivity(JSON.encodeActivity(activity, action));
        }
    }

    @ParameterizedTest
    @MethodSource("completions")
    void everyLearnerDocumentMeetsTheDraftLearnerSchema(LearnerCompletion completion) {
        for (LearnerRecordAction action : LearnerRecordAction.values()) {
            DraftSchemaRules.assertLearnerReports(JSON.encodeLearnerReports(
                    List.of(
                            completion,
                            completion.toBuilder().completionKey("second").build()),
                    action,
                    Fixtures.HEADER));
        }
    }

    @Test
    void theRulesCatchADocumentThatBreaksThem() {
        Activity noDescription = Activity.builder()
                .providerId("0001234")
                .providerActivityId("X")
                .title("T")
                .type(Fixtures.activity().type())
                .startDate(Fixtures.activity().startDate())
                .endDate(Fixtures.activity().endDate())
                .maxCmeCredits("1")
                .build();
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class,
                () -> DraftSchemaRules.assertActivity(JSON.encodeActivity(noDescription, ActivityAction.ADD)));
        assertTrue(e.getMessage().contains("required description missing"), e.getMessage());
        assertTrue(e.getMessage().contains("required activitySponsorship missing"), e.getMessage());
        String bad = new String(
                        JSON.encodeLearnerReports(
                                List.of(Fixtures.completion()), LearnerRecordAction.ADD, Fixtures.HEADER),
                        StandardCharsets.UTF_8)
                .replace("ccid:0001234:", "ccid:0001234:x:");
        assertThrows(
                AssertionFailedError.class,
                () -> DraftSchemaRules.assertLearnerReports(bad.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("org.parsjava.core.codec.CodecTest#codecs")
    void everyDraftFieldSurvivesARoundTrip(ParsCodec codec) {
        Activity a = everyField();
        assertEquals(a, codec.decodeActivity(codec.encodeActivity(a, ActivityAction.ADD)));
    }

    @Test
    void theInterprofessionalKeyIsWrittenAsDraftedAt8aa4d8bAndTheOlderSpellingIsStillRead() {
        String json = new String(JSON.encodeActivity(everyField(), ActivityAction.ADD), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"isInterprofessional\":"), json);
        assertFalse(json.contains("\"isInterprofessional \""), json);
        String xml = new String(
                ParsXmlCodec.create().encodeActivity(everyField(), ActivityAction.ADD), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<isInterprofessional>true</isInterprofessional>"), xml);
        // An answer with the older key (trailing space, drafts before 8aa4d8b) reads the same.
        byte[] older = json.replace("\"isInterprofessional\"", "\"isInterprofessional \"")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(
                java.util.Optional.of(true),
                JSON.decodeActivity(older).details().interprofessional());
        assertTrue(json.contains("No, it\u2019s free"), "the fee value keeps the draft's typographic apostrophe");
    }

    @Test
    void anActivityWithNoDetailsStillCarriesTheRecordMembersTheDraftRequires() {
        Activity bare = Fixtures.activity().toBuilder()
                .details(ActivityDetails.builder().build())
                .build();
        String json = new String(JSON.encodeActivity(bare, ActivityAction.ADD), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"ActivityDescription\":{}"), json);
        assertTrue(json.contains("\"ParticipationMetrics\":{}"), json);
        DraftSchemaRules.assertActivity(json.getBytes(StandardCharsets.UTF_8));
    }
}
