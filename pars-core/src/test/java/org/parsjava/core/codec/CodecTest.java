/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.codec.internal.PeerCodec;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityStatus;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.testing.Fixtures;

class CodecTest {

    private static final WireOptions PRETTY =
            WireOptions.builder().prettyPrint(true).build();

    static Stream<ParsCodec> codecs() {
        return Stream.of(ParsXmlCodec.create(PRETTY), ParsJsonCodec.create(PRETTY));
    }

    private static String ext(ParsCodec codec) {
        return codec instanceof ParsXmlCodec ? ".xml" : ".json";
    }

    static byte[] golden(String name) {
        try (InputStream in = CodecTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
    }

    // ---- golden files: byte for byte ----------------------------------------------------------

    @ParameterizedTest
    @MethodSource("codecs")
    void learnerReportMatchesGoldenFile(ParsCodec codec) {
        byte[] out =
                codec.encodeLearnerReports(List.of(Fixtures.completion()), LearnerRecordAction.ADD, Fixtures.HEADER);
        assertEquals(text(golden("learner-report-add" + ext(codec))), text(out));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void activityMatchesGoldenFile(ParsCodec codec) {
        assertEquals(
                text(golden("activity-add" + ext(codec))),
                text(codec.encodeActivity(Fixtures.activity(), ActivityAction.ADD)));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void matchRequestMatchesGoldenFile(ParsCodec codec) {
        assertEquals(
                text(golden("match-request" + ext(codec))),
                text(codec.encodeMatchRequest(Fixtures.learner(), "0001234")));
    }

    @Test
    void wireOptionsMoveIdentifiersAndChangeDateEncodings() {
        ParsCodec alt = ParsXmlCodec.create(WireOptions.builder()
                .prettyPrint(true)
                .identifierPlacement(WireOptions.IdentifierPlacement.MEMBER)
                .birthDateEncoding(WireOptions.BirthDateEncoding.MONTH_DAY)
                .dateEncoding(WireOptions.DateEncoding.DATE)
                .build());
        byte[] out =
                alt.encodeLearnerReports(List.of(Fixtures.completion()), LearnerRecordAction.DELETE, Fixtures.HEADER);
        assertEquals(text(golden("learner-report-delete-member-ids.xml")), text(out));
    }

    @Test
    void compactOutputIsTheSameDocument() {
        ParsXmlCodec compact = ParsXmlCodec.create();
        String s = text(
                compact.encodeLearnerReports(List.of(Fixtures.completion()), LearnerRecordAction.ADD, Fixtures.HEADER));
        assertFalse(s.contains("\n"));
        assertEquals(text(golden("learner-report-add.xml")).replaceAll(">\\s+<", "><"), s);
        assertEquals("application/xml; charset=utf-8", compact.mediaType());
    }

    @Test
    void aNamespaceOptionPutsEveryElementInItAndStillReadsBack() throws Exception {
        ParsXmlCodec namespaced = ParsXmlCodec.create(WireOptions.builder()
                .xmlNamespace(WireOptions.MEDBIQ_ACTIVITY_REPORT_NAMESPACE)
                .build());
        byte[] out = namespaced.encodeLearnerReports(
                List.of(Fixtures.completion()), LearnerRecordAction.ADD, Fixtures.HEADER);
        String plain = text(ParsXmlCodec.create()
                .encodeLearnerReports(List.of(Fixtures.completion()), LearnerRecordAction.ADD, Fixtures.HEADER));
        assertEquals(
                plain.replace(
                        "<ACCMELearnerReports>",
                        "<ACCMELearnerReports xmlns=\"http://ns.medbiq.org/activityreport/v1/\">"),
                text(out));
        // A namespace-aware parser sees every element, not just the root, in the namespace.
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(out));
        org.w3c.dom.NodeList names =
                doc.getElementsByTagNameNS(WireOptions.MEDBIQ_ACTIVITY_REPORT_NAMESPACE, "GivenName");
        assertEquals(1, names.getLength());
        // Reading ignores namespaces: the namespaced document decodes like the plain one.
        assertEquals(
                "Jane",
                PeerCodec.of(ParsXmlCodec.create())
                        .decodeLearnerReports(out)
                        .get(0)
                        .firstName());
        assertEquals(
                "Jane",
                PeerCodec.of(namespaced).decodeLearnerReports(out).get(0).firstName());
        // JSON ignores the option.
        ParsJsonCodec json = ParsJsonCodec.create(
                WireOptions.builder().xmlNamespace("urn:x:y").build());
        assertEquals(
                text(PeerCodec.of(ParsJsonCodec.create()).encodeFault(new ParsFault(Optional.of("E"), "m"))),
                text(PeerCodec.of(json).encodeFault(new ParsFault(Optional.of("E"), "m"))));
        for (String bad : new String[] {"", "relative/path", "http://a\"b", "http://a b"}) {
            assertThrows(
                    IllegalArgumentException.class, () -> WireOptions.builder().xmlNamespace(bad), bad);
        }
    }

    // ---- round trips ----------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("codecs")
    void learnerReportRoundTrips(ParsCodec codec) {
        LearnerCompletion c = Fixtures.completion();
        List<LearnerReportRecord> back = PeerCodec.of(codec)
                .decodeLearnerReports(codec.encodeLearnerReports(
                        List.of(c, c.toBuilder().completionKey("lms-2").build()),
                        LearnerRecordAction.ADD,
                        Fixtures.HEADER));
        assertEquals(2, back.size());
        LearnerReportRecord r = back.get(0);
        assertEquals(LearnerRecordAction.ADD, r.action());
        assertEquals("0001234", r.providerId());
        assertEquals("201234567", r.accmeActivityId());
        assertEquals("Jane", r.firstName());
        assertEquals("Sample", r.lastName());
        assertEquals(Optional.of(MonthDay.of(2, 29)), r.birthDate());
        assertEquals(Optional.of(LocalDate.of(2026, 2, 27)), r.completionDate());
        assertEquals(Optional.of(Fixtures.NPI), r.identifier("NPI"));
        assertEquals(Optional.of("A99999"), r.identifier("CA"));
        assertEquals(Optional.of("000000"), r.identifier("ABIM"));
        assertEquals(2, r.creditLines().size());
        assertTrue(r.creditLines().get(0).isCme());
        assertEquals(0, new BigDecimal("1.5").compareTo(r.creditLines().get(0).credits()));
        assertEquals(CreditIds.cme(c), r.creditLines().get(0).creditId());
        assertEquals(
                Optional.of(MocCreditType.ABIM_MEDICAL_KNOWLEDGE),
                r.creditLines().get(1).mocType());
        assertEquals("ccid:0001234:lms-2-cme", back.get(1).creditLines().get(0).creditId());
        assertFalse(r.toString().contains("Jane") || r.toString().contains(Fixtures.NPI), r.toString());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void activityRoundTrips(ParsCodec codec) {
        Activity a =
                Fixtures.activity().toBuilder().status(ActivityStatus.CLOSED).build();
        byte[] body = codec.encodeActivity(a, ActivityAction.UPDATE);
        assertEquals(a, codec.decodeActivity(body));
        assertEquals(ActivityAction.UPDATE, PeerCodec.of(codec).decodeActivityAction(body));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void anActivityWithABoardTheCatalogueDoesNotListStaysReadableAndOnlyThatBoardsLinesAreRefused(ParsCodec codec) {
        String abs = Board.ABS.activityName();
        byte[] body = codec.encodeActivity(Fixtures.activity(), ActivityAction.UPDATE);
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains(abs), text);
        Activity read =
                codec.decodeActivity(text.replace(abs, "XYZ Board").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.parsjava.core.model.MocRegistration nowhere = read.mocRegistrations().values().stream()
                .filter(r -> r.board().code().equals("XYZBOARD"))
                .findFirst()
                .orElseThrow();
        assertTrue(org.parsjava.core.rules.RulesCatalogue.defaults()
                .board("XYZ Board")
                .isEmpty());
        org.parsjava.core.model.LearnerCompletion both = Fixtures.completion().toBuilder()
                .activity(read)
                .clearMocCredits()
                .mocCredit(MocCreditType.ABIM_MEDICAL_KNOWLEDGE, "1")
                .mocCredit(nowhere.creditTypes().iterator().next(), "1")
                .learner(Fixtures.learner().toBuilder()
                        .boardId(nowhere.board(), "12345")
                        .build())
                .build();
        java.util.List<org.parsjava.core.validation.ViolationCode> errors = org
                .parsjava
                .core
                .validation
                .ParsValidator
                .builder()
                .clock(Fixtures.CLOCK)
                .build()
                .validate(both)
                .errors()
                .stream()
                .map(org.parsjava.core.validation.Violation::code)
                .distinct()
                .toList();
        assertEquals(java.util.List.of(org.parsjava.core.validation.ViolationCode.BOARD_UNKNOWN), errors);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void matchRequestRoundTrips(ParsCodec codec) {
        Learner l = Fixtures.learner();
        assertEquals(l, PeerCodec.of(codec).decodeMatchRequest(codec.encodeMatchRequest(l, "0001234")));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void answersRoundTrip(ParsCodec codec) {
        List<RecordVerdict> verdicts =
                List.of(RecordVerdict.accepted(0), RecordVerdict.rejected(1, "NPI_INVALID", "UniqueID", "bad NPI"));
        assertEquals(verdicts, codec.decodeSaveResult(PeerCodec.of(codec).encodeSaveResult(verdicts)));
        List<CreditStatus> statuses = List.of(
                new CreditStatus(
                        "ccid:1:a-cme",
                        Optional.of("201234567"),
                        Optional.of(LocalDate.of(2026, 2, 27)),
                        CreditStatus.State.ACCEPTED,
                        "Accepted"),
                new CreditStatus(
                        "ccid:1:a-abim-medical-knowledge",
                        Optional.of("201234567"),
                        Optional.of(LocalDate.of(2026, 2, 27)),
                        CreditStatus.State.REJECTED,
                        "Rejected",
                        Optional.of(org.parsjava.core.model.BoardReason.BIRTH_DATE_MISMATCH)));
        assertEquals(statuses, codec.decodeStatuses(PeerCodec.of(codec).encodeStatuses(statuses)));
        MatchResult m = new MatchResult(MatchResult.Outcome.NOT_MATCHED, Optional.of("no physician found"));
        assertEquals(m, codec.decodeMatchResult(PeerCodec.of(codec).encodeMatchResult(m)));
        ParsFault f = new ParsFault(Optional.of("AUTH"), "invalid credentials");
        assertEquals(f, codec.decodeFault(PeerCodec.of(codec).encodeFault(f)));
    }

    @Test
    void boardReasonTextsAreReadThroughOneTableAndUnknownOnesAreOther() {
        for (org.parsjava.core.model.BoardReason r : org.parsjava.core.model.BoardReason.values()) {
            assertEquals(
                    r,
                    org.parsjava.core.codec.internal.Vocabulary.boardReason(
                            org.parsjava.core.codec.internal.Vocabulary.boardReasonText(r)),
                    r.name());
        }
        assertEquals(
                org.parsjava.core.model.BoardReason.LEARNER_NOT_MATCHED,
                org.parsjava.core.codec.internal.Vocabulary.boardReason("UNABLE TO MATCH PARTICIPANT"));
        assertEquals(
                org.parsjava.core.model.BoardReason.OTHER,
                org.parsjava.core.codec.internal.Vocabulary.boardReason("see board"));
    }

    // ---- decoding PARS answers ------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"save-result.xml", "save-result.json"})
    void decodesPerRecordVerdictsAndMasksDigitsInMessages(String file) {
        ParsCodec codec = file.endsWith(".xml") ? ParsXmlCodec.create() : ParsJsonCodec.create();
        List<RecordVerdict> v = codec.decodeSaveResult(golden(file));
        assertEquals(2, v.size());
        assertTrue(v.get(0).accepted());
        assertFalse(v.get(1).accepted());
        assertEquals(1, v.get(1).index());
        assertEquals(Optional.of("LEARNER_NOT_MATCHED"), v.get(1).code());
        assertEquals(Optional.of("UniqueID"), v.get(1).field());
        assertEquals(
                Optional.of("Board ID ###### does not match the learner"),
                v.get(1).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"statuses.xml", "statuses.json"})
    void decodesStatusesWithoutKeepingIdentity(String file) {
        ParsCodec codec = file.endsWith(".xml") ? ParsXmlCodec.create() : ParsJsonCodec.create();
        List<CreditStatus> s = codec.decodeStatuses(golden(file));
        assertEquals(2, s.size());
        assertEquals("ccid:0001234:lms-88231-cme", s.get(0).creditId());
        assertEquals(CreditStatus.State.ACCEPTED, s.get(0).state());
        assertEquals(CreditStatus.State.PENDING, s.get(1).state());
        assertEquals(Optional.of(LocalDate.of(2026, 2, 27)), s.get(0).completionDate());
        assertFalse(s.toString().contains(Fixtures.NPI));
    }

    @Test
    void decodesMatchResult() {
        MatchResult m = ParsXmlCodec.create().decodeMatchResult(golden("match-result.xml"));
        assertEquals(MatchResult.Outcome.AMBIGUOUS, m.outcome());
        assertEquals(Optional.of("# physicians match; add NPI ########## or a license"), m.message());
    }

    @Test
    void decodesFaultsOfEveryShapeWithoutThrowing() {
        ParsFault wcf = ParsXmlCodec.create().decodeFault(golden("fault-wcf.xml"));
        assertEquals(Optional.of("a:InvalidCredentials"), wcf.code());
        assertEquals("User #### is not authorised for provider #######", wcf.message());
        ParsFault json = ParsJsonCodec.create().decodeFault(golden("fault.json"));
        assertEquals(Optional.of("400"), json.code());
        assertEquals("CompletionDate ####-##-## is not a date", json.message());
        ParsFault html = ParsXmlCodec.create().decodeFault(golden("error-page.html"));
        assertTrue(html.code().isEmpty());
        assertFalse(html.message().contains("1234567893"), html.message());
        assertTrue(html.message().startsWith("<!--") || html.message().contains("<html>"), html.message());
        assertEquals(
                "(empty body)", ParsXmlCodec.create().decodeFault(new byte[0]).message());
        // Plain text may echo a learner (even in its first word), so only its length is shown.
        assertEquals(
                "(19 chars of text)",
                ParsXmlCodec.create()
                        .decodeFault("Service Unavailable".getBytes(StandardCharsets.UTF_8))
                        .message());
        assertEquals(
                "(4 chars of text)",
                ParsXmlCodec.create()
                        .decodeFault("Jane".getBytes(StandardCharsets.UTF_8))
                        .message());
        String echoed = ParsXmlCodec.create()
                .decodeFault("Rejected learner Jane Sample, license A12345".getBytes(StandardCharsets.UTF_8))
                .message();
        assertFalse(echoed.contains("Jane") || echoed.contains("Sample") || echoed.contains("A12345"), echoed);
    }

    // ---- hostile and broken input ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"xxe.xml", "billion-laughs.xml"})
    void refusesDtdsSoEntitiesAreNeverResolvedOrExpanded(String file) {
        ParsCodecException e = assertThrows(
                ParsCodecException.class, () -> ParsXmlCodec.create().decodeStatuses(golden(file)));
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), "must not contain /etc/passwd content");
    }

    @Test
    void refusesUtf16EncodedXxeToo() {
        // A byte-level scan for "<!DOCTYPE" misses UTF-16; the check must decode it first.
        String xxe = new String(golden("xxe.xml"), StandardCharsets.UTF_8).replace("<?xml version=\"1.0\"?>", "");
        byte[] utf16 = xxe.getBytes(StandardCharsets.UTF_16);
        ParsCodecException e = assertThrows(
                ParsCodecException.class, () -> ParsXmlCodec.create().decodeStatuses(utf16));
        assertFalse(e.getMessage().contains("root:"), e.getMessage());
    }

    @Test
    void undeclaredEntityReferenceFailsCleanly() {
        byte[] body = "<LearnerStatuses><LearnerStatus><CreditID>&xxe;</CreditID></LearnerStatus></LearnerStatuses>"
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(ParsCodecException.class, () -> ParsXmlCodec.create().decodeStatuses(body));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "<LearnerStatuses><LearnerStatus><CreditID>ccid",
                "<html><body>Jane Sample 1234567893</body></html>",
                "{\"oops\": ",
                "not xml at all"
            })
    void malformedBodiesEndInACodecExceptionWithAScrubbedExcerpt(String body) {
        ParsCodecException e = assertThrows(
                ParsCodecException.class,
                () -> ParsXmlCodec.create().decodeStatuses(body.getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("1234567893"), e.getMessage());
        assertFalse(e.getMessage().contains("Jane"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Could not read") || e.getMessage().startsWith("Empty"), e.getMessage());
        assertEquals(null, e.getCause());
    }

    @Test
    void jsonStatusMustBeAnArray() {
        ParsCodecException e = assertThrows(
                ParsCodecException.class,
                () -> ParsJsonCodec.create().decodeStatuses("{\"name\":\"Jane\"}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("Jane"), e.getMessage());
    }

    @Test
    void encodingAnActivityWithoutAccmeIdForLearnersFails() {
        LearnerCompletion c = Fixtures.completion().toBuilder()
                .activity(Activity.builder()
                        .providerId("0001234")
                        .providerActivityId("X")
                        .title("T")
                        .type(Fixtures.activity().type())
                        .startDate(LocalDate.of(2026, 1, 1))
                        .endDate(LocalDate.of(2026, 2, 1))
                        .maxCmeCredits("1")
                        .build())
                .build();
        ParsCodecException e = assertThrows(
                ParsCodecException.class,
                () -> ParsXmlCodec.create().encodeLearnerReports(List.of(c), LearnerRecordAction.ADD, Fixtures.HEADER));
        assertTrue(e.getMessage().contains(c.completionKey()), e.getMessage());
    }

    // ---- the uncertain choices --------------------------------------------------------------------

    @Test
    void placeholderBirthYearIsALeapYearSoFeb29Survives() {
        assertTrue(java.time.Year.isLeap(JacksonCodec.PLACEHOLDER_YEAR));
        for (WireOptions.BirthDateEncoding enc : WireOptions.BirthDateEncoding.values()) {
            ParsCodec codec = ParsXmlCodec.create(
                    WireOptions.builder().birthDateEncoding(enc).build());
            List<LearnerReportRecord> back = PeerCodec.of(codec)
                    .decodeLearnerReports(codec.encodeLearnerReports(
                            List.of(Fixtures.completion()), LearnerRecordAction.ADD, Fixtures.HEADER));
            assertEquals(Optional.of(MonthDay.of(2, 29)), back.get(0).birthDate(), enc.name());
        }
    }

    @Test
    void creditsAreWrittenPlainWithoutTrailingZeros() {
        assertEquals("2", JacksonCodec.credits(new BigDecimal("2.00")).toPlainString());
        assertEquals("10", JacksonCodec.credits(new BigDecimal("1E+1")).toPlainString());
        assertEquals("0.25", JacksonCodec.credits(new BigDecimal("0.250")).toPlainString());
    }

    @Test
    void creditIdsAreDeterministicAndWithinPARSLimits() {
        LearnerCompletion c = Fixtures.completion();
        assertEquals(
                List.of("ccid:0001234:lms-88231-cme", "ccid:0001234:lms-88231-abim-medical-knowledge"),
                CreditIds.all(c));
        assertEquals(CreditIds.all(c), CreditIds.all(c.toBuilder().build()));
        LearnerCompletion longest = c.toBuilder().completionKey("k".repeat(200)).build();
        for (MocCreditType t : MocCreditType.values()) {
            assertTrue(CreditIds.moc(longest, t).length() <= CreditIds.MAX_LENGTH, t.name());
        }
    }

    @Test
    void twoCompletionsNeverShareACreditId() {
        LearnerCompletion k =
                Fixtures.completion().toBuilder().completionKey("k").build();
        LearnerCompletion longer =
                k.toBuilder().completionKey("k-abs-accredited").build();
        assertEquals("ccid:0001234:k-abs-accredited", CreditIds.moc(k, MocCreditType.ABS_ACCREDITED_CME));
        assertFalse(CreditIds.moc(k, MocCreditType.ABS_ACCREDITED_CME).equals(CreditIds.cme(longer)));
        // Keys may hold dashes: no kind may end with "-" + another kind, or two keys could collide.
        List<String> kinds = new java.util.ArrayList<>(
                MocCreditType.values().stream().map(CreditIds::kind).toList());
        kinds.add(CreditIds.CME_KIND);
        assertEquals(kinds.size(), new java.util.HashSet<>(kinds).size(), kinds.toString());
        for (String a : kinds) {
            for (String b : kinds) {
                assertFalse(a.endsWith("-" + b), a + " ends with -" + b);
            }
        }
    }

    @Test
    void everyBoardHasWireNames() {
        for (Board b : Board.values()) {
            Activity a = Fixtures.activity().toBuilder()
                    .mocRegistration(org.parsjava.core.model.MocRegistration.of(b, "1", firstTypeOf(b)))
                    .build();
            assertEquals(
                    a,
                    ParsXmlCodec.create().decodeActivity(ParsXmlCodec.create().encodeActivity(a, ActivityAction.ADD)));
        }
    }

    private static MocCreditType firstTypeOf(Board b) {
        return MocCreditType.values().stream()
                .filter(t -> t.board().equals(b))
                .findFirst()
                .orElseThrow();
    }
}
