/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import java.util.List;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LearnerTranscript;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.TranscriptTotal;

/**
 * Encodes requests to and decodes answers from the PARS web services. The only place that
 * knows PARS element names and code strings. Implementations are immutable and thread safe.
 *
 * <p>Every {@code decode*} method throws {@link ParsCodecException} for malformed, truncated,
 * empty or hostile input (DTDs and external entities are refused), except
 * {@link #decodeFault(byte[])}, which never throws. This is the client's half of the format:
 * it writes requests and reads answers.
 */
public sealed interface ParsCodec permits JacksonCodec {

    /** The media type of the documents, e.g. {@code application/xml; charset=utf-8}. */
    String mediaType();

    /** The wire options in force. */
    WireOptions options();

    /** A {@code SaveLearnerActivity} document: one {@code ActivityReport} per completion. */
    byte[] encodeLearnerReports(List<LearnerCompletion> completions, LearnerRecordAction action, ReportHeader header);

    /** A {@code SaveActivity} document for one activity. */
    byte[] encodeActivity(Activity activity, ActivityAction action);

    /**
     * PARS's name of an activity type, as activity documents and activity searches carry it
     * (inferred spellings, docs/pars-reference.md 3).
     */
    String activityTypeName(ActivityType type);

    /** Reads the first activity of an activity document. */
    Activity decodeActivity(byte[] body);

    /**
     * Reads every activity of an activity document, or of an array of them (the draft REST
     * search answer); an empty body or array gives an empty list.
     */
    List<Activity> decodeActivities(byte[] body);

    /**
     * Reads a learner document PARS returns for a learner ({@code GET /learner-activities/{id}}):
     * one status per credit line, each a record PARS holds.
     */
    List<CreditStatus> decodeLearnerRecords(byte[] body);

    /**
     * Reads a transcript answer. JSON whatever this codec's format: only the draft transcript
     * API describes it, and only in JSON.
     */
    List<LearnerTranscript> decodeTranscripts(byte[] body);

    /** Reads a credits-by-date answer (JSON, like {@link #decodeTranscripts(byte[])}). */
    TranscriptTotal decodeTranscriptTotal(byte[] body);

    /** Reads a save answer; an empty body means "no per-record verdicts". */
    List<RecordVerdict> decodeSaveResult(byte[] body);

    /**
     * Reads a status answer. A status without a CreditID (a lookup by learner may answer so)
     * has an empty {@link CreditStatus#creditId()}.
     */
    List<CreditStatus> decodeStatuses(byte[] body);

    /** A {@code GetLearnerMatch} request. */
    byte[] encodeMatchRequest(Learner learner, String providerId);

    /** Reads a match answer. */
    MatchResult decodeMatchResult(byte[] body);

    /** Reads an error body as far as possible; never throws. */
    ParsFault decodeFault(byte[] body);

    /**
     * The body as text with every personal value (names, birth date, identifiers, credentials)
     * replaced by {@code ***}, for TRACE logs. Never throws.
     */
    String redact(byte[] body);
}
