/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsJsonCodec;
import org.parsjava.core.codec.ParsXmlCodec;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.codec.ReportHeader;
import org.parsjava.core.codec.internal.LearnerReportsDto;
import org.parsjava.core.codec.internal.ResponsesDto;
import org.parsjava.core.model.LearnerCompletion;

/**
 * Encoding a 1,000-record submission with the codec against plain Jackson writing an
 * equivalent, already-built object tree; and decoding a 1,000-verdict answer against plain
 * Jackson reading it into the same tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

    /** Records per document. */
    public static final int RECORDS = 1_000;

    /** Wire format. */
    @Param({"xml", "json"})
    public String format;

    private ParsCodec codec;
    private ObjectMapper plain;
    private List<LearnerCompletion> completions;
    private ReportHeader header;
    private LearnerReportsDto tree;
    private byte[] answer;
    private com.fasterxml.jackson.databind.ObjectReader saveResultReader;

    /** Builds documents once. */
    @Setup
    public void setUp() throws Exception {
        codec = format.equals("xml") ? ParsXmlCodec.create() : ParsJsonCodec.create();
        plain = format.equals("xml")
                ? new XmlMapper()
                : JsonMapper.builder()
                        .enable(SerializationFeature.WRAP_ROOT_VALUE)
                        .build();
        completions = new ArrayList<>(BenchData.completions(RECORDS * 10 / 9 + 10, 7).stream()
                .filter(c -> c.consent() && c.completionDate().getYear() == 2026)
                .limit(RECORDS)
                .toList());
        header = new ReportHeader("Benchmark Provider", LocalDateTime.of(2026, 11, 20, 9, 0));
        // The equivalent plain objects: the codec's own tree, read back from its output.
        tree = reader(LearnerReportsDto.class)
                .readValue(codec.encodeLearnerReports(completions, LearnerRecordAction.ADD, header));
        List<RecordVerdict> verdicts = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            verdicts.add(
                    i % 20 == 0
                            ? RecordVerdict.rejected(i, "LEARNER_NOT_MATCHED", "UniqueID", "no match")
                            : RecordVerdict.accepted(i));
        }
        answer = org.parsjava.core.codec.internal.PeerCodec.of(codec).encodeSaveResult(verdicts);
        saveResultReader = reader(ResponsesDto.SaveResult.class);
    }

    /** The SDK: model to wire document. */
    @Benchmark
    public byte[] encodeCodec() {
        return codec.encodeLearnerReports(completions, LearnerRecordAction.ADD, header);
    }

    /** The floor: plain Jackson writing the finished tree. */
    @Benchmark
    public byte[] encodePlainJackson() throws Exception {
        return plain.writeValueAsBytes(tree);
    }

    /** The SDK: 1,000 per-record verdicts to results. */
    @Benchmark
    public List<RecordVerdict> decodeCodec() {
        return codec.decodeSaveResult(answer);
    }

    /** The floor: plain Jackson reading the same answer into its tree. */
    @Benchmark
    public Object decodePlainJackson() throws Exception {
        return saveResultReader.readValue(answer);
    }

    private com.fasterxml.jackson.databind.ObjectReader reader(Class<?> type) {
        com.fasterxml.jackson.databind.ObjectReader r = plain.readerFor(type)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return format.equals("json")
                ? r.with(com.fasterxml.jackson.databind.DeserializationFeature.UNWRAP_ROOT_VALUE)
                : r;
    }
}
