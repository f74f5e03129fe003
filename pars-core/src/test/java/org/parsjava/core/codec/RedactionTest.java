/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parsjava.core.codec.internal.PeerCodec;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.testing.Fixtures;

class RedactionTest {

    @ParameterizedTest
    @MethodSource("org.parsjava.core.codec.CodecTest#codecs")
    void redactsEveryPersonalValueButKeepsTheStructure(ParsCodec codec) {
        String s = codec.redact(
                codec.encodeLearnerReports(List.of(Fixtures.completion()), LearnerRecordAction.ADD, Fixtures.HEADER));
        for (String pii : new String[] {"Jane", "Sample", Fixtures.NPI, "A99999", "000000", "2000-02-29"}) {
            assertFalse(s.contains(pii), () -> pii + " in " + s);
        }
        assertTrue(s.contains("GivenName"), s);
        assertTrue(s.contains("ccid:0001234:lms-88231-cme"), s);
        String m = codec.redact(codec.encodeMatchRequest(Fixtures.learner(), "0001234"));
        assertFalse(m.contains("Jane") || m.contains(Fixtures.NPI), m);
    }

    @ParameterizedTest
    @MethodSource("org.parsjava.core.codec.CodecTest#codecs")
    void aBodyLongerThanTheLogLimitOrCutShortKeepsNoValue(ParsCodec codec) {
        List<LearnerCompletion> many = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(Fixtures.completion().toBuilder().completionKey("k" + i).build());
        }
        byte[] big = codec.encodeLearnerReports(many, LearnerRecordAction.ADD, Fixtures.HEADER);
        assertTrue(big.length > 64 * 1024, "the document must exceed the log limit: " + big.length);
        String s = codec.redact(big);
        assertTrue(s.endsWith(" bytes)"), s.substring(s.length() - 40));
        String raw = new String(big, java.nio.charset.StandardCharsets.UTF_8);
        for (String pii : new String[] {"Jane", "Sample", Fixtures.NPI, "A99999", "2000-02-29"}) {
            int cut = raw.indexOf(pii) + 3; // a body that ends inside the value
            String part = codec.redact(java.util.Arrays.copyOf(big, cut));
            assertTrue(part.endsWith("***") || part.endsWith("\"***\""), () -> pii + ": " + part);
        }
        assertFalse(s.contains("Jane") || s.contains("Sample") || s.contains(Fixtures.NPI), "cut at the limit");
    }

    @ParameterizedTest
    @MethodSource("org.parsjava.core.codec.CodecTest#codecs")
    void aBodyOfAnotherShapeShowsItsStructureButNoneOfItsText(ParsCodec codec) {
        String html = codec.redact(("<html><body>Error for Jane Sample NPI 1234567893 license G700000</body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String pii : new String[] {"Jane", "Sample", "1234567893", "G700000"}) {
            assertFalse(html.contains(pii), () -> pii + " in " + html);
        }
        assertTrue(html.contains("<body>"), html);
        String plain = codec.redact(
                "Jane Sample, license G700000, was not found".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(plain.contains("Sample") || plain.contains("G700000"), plain);
        assertTrue(plain.startsWith("(not a PARS document"), plain);
        String json = codec.redact("{\"error\": {\"who\": \"Jane Sample\", \"ids\": [\"G700000\"], \"code\": \"E1\"}}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(json.contains("Jane") || json.contains("G700000"), json);
        assertTrue(json.contains("\"code\": \"E1\"") && json.contains("\"who\""), json);
        String attrs = codec.redact("<Fault><Person name=\"Jane Sample\" domain=\"NPI\"/></Fault>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(attrs.contains("Jane"), attrs);
        assertTrue(attrs.contains("domain=\"NPI\""), attrs);
    }

    @ParameterizedTest
    @MethodSource("org.parsjava.core.codec.CodecTest#codecs")
    void learnerTextHiddenAnywhereInMarkupOrJsonIsRedacted(ParsCodec codec) {
        String[] bodies = {
            "<p><b>Error</b> for Jane Sample</p>",
            "<p>Line one<br/>Jane Sample</p>",
            "<Fault><![CDATA[Jane Sample]]></Fault>",
            "<Fault><!-- Jane Sample --></Fault>",
            "<Fault who=Jane_Sample/>",
            "\uFEFF<Fault>Jane Sample</Fault>",
            "{\"license\": 7000001, \"Jane Sample\": true}",
            "Jane Sample was not found",
        };
        for (String body : bodies) {
            String s = codec.redact(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(s.contains("Jane") || s.contains("Sample") || s.contains("7000001"), () -> body + " -> " + s);
        }
    }

    @ParameterizedTest
    @MethodSource("org.parsjava.core.codec.CodecTest#codecs")
    void redactsFreeTextInAnswersWherePARSMayEchoALearner(ParsCodec codec) {
        String verdicts = codec.redact(PeerCodec.of(codec)
                .encodeSaveResult(List.of(new RecordVerdict(
                        0,
                        java.util.Optional.of("ccid:0001234:k-cme"),
                        false,
                        java.util.Optional.of("NOT_FOUND"),
                        java.util.Optional.empty(),
                        java.util.Optional.of("Jane Sample, license A99999")))));
        assertFalse(verdicts.contains("Jane") || verdicts.contains("A99999"), verdicts);
        assertTrue(verdicts.contains("NOT_FOUND"), verdicts);
        String fault = codec.redact(PeerCodec.of(codec)
                .encodeFault(new ParsFault(java.util.Optional.of("E1"), "Learner Jane Sample not matched")));
        assertFalse(fault.contains("Jane"), fault);
        assertTrue(fault.contains("E1"), fault);
    }
}
