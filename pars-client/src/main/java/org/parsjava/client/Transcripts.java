/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.client.internal.HttpResult;
import org.parsjava.client.internal.Transport;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.model.LearnerTranscript;
import org.parsjava.core.model.TranscriptTotal;

/**
 * Transcript reads (the draft transcript API, for credentialing departments and regulators
 * whose PARS account may read transcripts): a physician's completions and credit, as typed
 * records, as a PDF, or as a total between two dates. Every query carries personal data in the
 * URL (the draft defines these reads as GETs); the SDK never logs it nor puts it in an
 * exception message. Reads are retried. Thread safe; obtained from {@link ParsClient#transcripts()}.
 */
public final class Transcripts {

    private final Transport transport;
    private final Executor executor;

    Transcripts(Transport transport, Executor executor) {
        this.transport = transport;
        this.executor = executor;
    }

    /**
     * The transcripts PARS finds for {@code query} (usually one; several when a name matches
     * several physicians).
     *
     * @return empty when PARS finds none (HTTP 404)
     */
    public List<LearnerTranscript> find(TranscriptQuery query) {
        Objects.requireNonNull(query, "query");
        transport.ensureOpen();
        Operation op = Operation.GET_LEARNER_TRANSCRIPT;
        HttpResult r = transport.call(op, query.parameters(true), null, true, query.personalValues());
        if (r.status() == 404 || r.body().length == 0) {
            return List.of();
        }
        try {
            return transport.codec().decodeTranscripts(r.body());
        } catch (ParsCodecException e) {
            throw org.parsjava.client.internal.Failures.unreadable(op, r, e);
        }
    }

    /**
     * Streams the transcript PDF for {@code query} to {@code out}, which is neither closed nor
     * buffered whole in memory. A failure before the first byte is retried; after it, the call
     * fails (discard what {@code out} received).
     *
     * @return the number of bytes written
     * @throws org.parsjava.client.exception.ParsApiException with {@code httpStatus()} 404 when
     *     PARS finds no transcript (nothing is written)
     * @throws java.io.UncheckedIOException when writing to {@code out} fails
     */
    public long pdf(TranscriptQuery query, OutputStream out) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(out, "out");
        transport.ensureOpen();
        return transport.download(
                Operation.GET_LEARNER_TRANSCRIPT_PDF, query.parameters(true), out, query.personalValues());
    }

    /**
     * The physician's total credit for completions from {@code start} to {@code end}
     * ({@code GetLearnerTranscriptCreditsByDate}). The query's own date range, if any, is not
     * sent: the draft gives this operation only a range start, which these dates replace.
     *
     * @return empty when PARS finds no such physician (HTTP 404), which is not the same as a
     *     physician with no credit (a total of 0)
     */
    public java.util.Optional<TranscriptTotal> creditsBetween(TranscriptQuery query, LocalDate start, LocalDate end) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end is before start");
        }
        transport.ensureOpen();
        Operation op = Operation.GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE;
        Map<Parameter, String> p = query.parameters(false);
        p.remove(Parameter.COMPLETION_DATE_RANGE_START);
        p.put(Parameter.START_DATE, start.toString());
        p.put(Parameter.END_DATE, end.toString());
        HttpResult r = transport.call(op, p, null, true, query.personalValues());
        if (r.status() == 404) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(transport.codec().decodeTranscriptTotal(r.body()));
        } catch (ParsCodecException e) {
            throw org.parsjava.client.internal.Failures.unreadable(op, r, e);
        }
    }

    /** {@link #find(TranscriptQuery)} on the client's executor. */
    public CompletableFuture<List<LearnerTranscript>> findAsync(TranscriptQuery query) {
        return transport.async(() -> find(query), executor);
    }
}
