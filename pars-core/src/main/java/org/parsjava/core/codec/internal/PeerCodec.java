/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import java.util.List;
import java.util.Objects;
import org.parsjava.core.codec.ActivityAction;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsFault;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerTranscript;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.TranscriptTotal;

/**
 * The half of the PARS format that PARS itself speaks: reading requests and writing answers.
 * Only a PARS double needs it; on the module path this package is exported to
 * {@code org.parsjava.testkit} alone. Not API: it may change in any release.
 *
 * <p>Every {@code decode*} method throws {@link org.parsjava.core.codec.ParsCodecException} for
 * malformed, truncated, empty or hostile input, like the client half.
 */
public interface PeerCodec {

    /** The answering half of {@code codec} (every {@link ParsCodec} has one). */
    static PeerCodec of(ParsCodec codec) {
        return (PeerCodec) Objects.requireNonNull(codec, "codec");
    }

    /** Reads a learner report document. */
    List<LearnerReportRecord> decodeLearnerReports(byte[] body);

    /** Reads the action of the first activity of an activity document. */
    ActivityAction decodeActivityAction(byte[] body);

    /** A save answer with per-record verdicts. */
    byte[] encodeSaveResult(List<RecordVerdict> verdicts);

    /** A status answer. */
    byte[] encodeStatuses(List<CreditStatus> statuses);

    /**
     * Reads a {@code GetLearnerMatch} request.
     *
     * @throws org.parsjava.core.codec.ParsCodecException also when a value is not valid (bad
     *     NPI, unknown state)
     */
    Learner decodeMatchRequest(byte[] body);

    /** A match answer. */
    byte[] encodeMatchResult(MatchResult result);

    /** An error body. */
    byte[] encodeFault(ParsFault fault);

    /**
     * An activity search answer: in JSON the draft's array of activity documents, in XML one
     * document holding every activity.
     */
    byte[] encodeActivities(List<Activity> activities);

    /** A transcript answer (JSON). */
    default byte[] encodeTranscripts(List<LearnerTranscript> transcripts) {
        return TranscriptJson.encodeTranscripts(transcripts);
    }

    /** A credits-by-date answer (JSON). */
    default byte[] encodeTranscriptTotal(TranscriptTotal total) {
        return TranscriptJson.encodeTotal(total);
    }
}
