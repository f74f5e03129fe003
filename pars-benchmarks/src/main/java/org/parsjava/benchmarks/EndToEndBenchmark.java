/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.parsjava.client.ParsClient;
import org.parsjava.client.SubmissionResult;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsXmlCodec;
import org.parsjava.core.codec.ReportHeader;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.demo.DemoActivities;

/**
 * 100,000 completions through ParsClient to ParsSimulator on loopback, against raw OkHttp
 * posting the same documents (pre-encoded, 100 per request) to the same simulator. The
 * simulator does the same work for both, so the ratio shows what the SDK adds: validation,
 * encoding, verdict decoding and accounting.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EndToEndBenchmark {

    /** Records per operation. */
    public static final int RECORDS = 100_000;

    private static final int CHUNK = 100;

    private ParsSimulator simulator;
    private ParsClient client;
    private OkHttpClient raw;
    private List<LearnerCompletion> completions;
    private List<byte[]> documents;
    private String saveUrl;

    /** Starts the simulator and builds the data once. */
    @Setup(Level.Trial)
    public void start() {
        simulator = ParsSimulator.builder().clock(BenchData.AS_OF).build().start();
        client = simulator.clientBuilder().build();
        // Same socket option as the SDK (TCP_NODELAY), so the ratio is what the SDK adds, not Nagle.
        raw = new OkHttpClient.Builder()
                .socketFactory(new org.parsjava.client.internal.NoDelaySocketFactory())
                .build();
        completions = BenchData.completions(RECORDS * 10 / 9 + 100, 11).stream()
                .filter(c -> c.consent()
                        && !c.cmeCredits().orElseThrow().toPlainString().equals("1.1")
                        && !c.cmeCredits().orElseThrow().toPlainString().equals("4")
                        && c.completionDate().getMonthValue() != 12)
                .limit(RECORDS)
                .toList();
        ParsXmlCodec codec = ParsXmlCodec.create();
        ReportHeader header = new ReportHeader("Simulated Provider", LocalDateTime.of(2026, 11, 20, 9, 0));
        documents = new ArrayList<>();
        for (int i = 0; i < completions.size(); i += CHUNK) {
            documents.add(codec.encodeLearnerReports(
                    completions.subList(i, Math.min(completions.size(), i + CHUNK)), LearnerRecordAction.ADD, header));
        }
        saveUrl = simulator.baseUrl() + "ACCMELearnerService.svc/SaveLearnerActivity";
    }

    /** Each run starts from an empty PARS holding the demo activity. */
    @Setup(Level.Invocation)
    public void reset() {
        simulator.reset();
        simulator.addActivity(DemoActivities.SEPSIS);
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        simulator.close();
    }

    /** The SDK. */
    @Benchmark
    public int parsClient() {
        SubmissionResult r = client.learners().submit(completions);
        if (r.acceptedCount() != completions.size()) {
            throw new IllegalStateException("not all accepted: " + r);
        }
        return r.acceptedCount();
    }

    /** The floor: the same bytes posted with plain OkHttp. */
    @Benchmark
    public int rawOkHttp() throws IOException {
        MediaType xml = MediaType.get(ParsXmlCodec.MEDIA_TYPE);
        int ok = 0;
        for (byte[] doc : documents) {
            Request req = new Request.Builder()
                    .url(saveUrl)
                    .header("ProviderId", ParsSimulator.DEFAULT_PROVIDER_ID)
                    .header("User", ParsSimulator.DEFAULT_USER)
                    .header("Password", ParsSimulator.DEFAULT_PASSWORD)
                    .post(RequestBody.create(doc, xml))
                    .build();
            try (Response resp = raw.newCall(req).execute()) {
                resp.body().bytes();
                if (resp.code() == 200) {
                    ok++;
                }
            }
        }
        return ok;
    }
}
