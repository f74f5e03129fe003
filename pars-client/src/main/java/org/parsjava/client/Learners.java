/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.client.internal.HttpResult;
import org.parsjava.client.internal.PersonalText;
import org.parsjava.client.internal.Transport;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.StateLicense;
import org.parsjava.core.validation.ParsValidator;

/**
 * Learner operations: submit and delete completions ({@code SaveLearnerActivity}), status by
 * CreditID, and learner pre-match. Obtain from {@link ParsClient#learners()}. Thread safe.
 *
 * <p>{@link #submit} validates every record first and never sends an invalid one (a record
 * without the learner's consent included), splits the rest into chunks, and returns a
 * {@link SubmissionResult} accounting for every input record. When a chunk's outcome is unknown
 * (timeout, dropped connection, 500/502/504) the client asks PARS, by CreditID, which records
 * it already holds and resends only the others, so a retry never creates a duplicate. When
 * PARS refuses a whole chunk (400) without per-record verdicts, the chunk is split in halves
 * until the refused records are isolated, so one bad record never sinks its neighbours. A
 * record PARS answers for without a verdict is confirmed by status lookup before it is called
 * ACCEPTED, and resent (within the retry budget) when PARS turns out not to hold it.
 *
 * <p>One submission keeps up to {@link ParsClient.Builder#maxConcurrentRequests} chunk
 * requests in flight (the limit is shared by every call of the client); results still come
 * back in input order, and progress callbacks arrive one at a time, in the order chunks finish,
 * with counts that only grow. Status lookups that confirm records run concurrently within the
 * same limit; a run asks about each CreditID at most once (again only after resending it), and
 * stops asking after three failed lookups, ending the rest FAILED with an unknown outcome.
 */
public final class Learners {

    private final Transport transport;
    private final ParsValidator validator;
    private final Executor executor;
    private final ExecutorService workers;
    private final String reportingOrganization;
    private final int chunkSize;
    private final org.slf4j.Logger log;
    private final String providerId;

    Learners(
            Transport transport,
            ParsValidator validator,
            Executor executor,
            ExecutorService workers,
            String providerId,
            String reportingOrganization,
            int chunkSize,
            org.slf4j.Logger log) {
        this.transport = transport;
        this.workers = workers;
        this.providerId = providerId;
        this.validator = validator;
        this.executor = executor;
        this.reportingOrganization = reportingOrganization;
        this.chunkSize = chunkSize;
        this.log = log;
    }

    /** {@link #submit(Iterable, SubmissionListener)} without progress callbacks. */
    public SubmissionResult submit(Iterable<LearnerCompletion> completions) {
        return submit(completions, SubmissionListener.NONE);
    }

    /**
     * Validates, then sends every valid completion to PARS.
     *
     * @return one result per input record, in input order
     * @throws org.parsjava.client.exception.ParsAuthenticationException when PARS refuses the
     *     credentials; its {@code partialResult()} accounts for every record
     */
    public SubmissionResult submit(Iterable<LearnerCompletion> completions, SubmissionListener listener) {
        return run(completions, listener, LearnerRecordAction.ADD);
    }

    /** {@link #submit(Iterable, SubmissionListener)} on the client's executor. */
    public CompletableFuture<SubmissionResult> submitAsync(
            Iterable<LearnerCompletion> completions, SubmissionListener listener) {
        return transport.async(() -> submit(completions, listener), executor);
    }

    /** {@link #submit(Iterable)} on the client's executor. */
    public CompletableFuture<SubmissionResult> submitAsync(Iterable<LearnerCompletion> completions) {
        return submitAsync(completions, SubmissionListener.NONE);
    }

    /**
     * Deletes completions sent earlier: the same records (identity, activity, completion key)
     * with action {@code delete}. PARS does not edit records in place: delete, then submit the
     * corrected record. Only the rules a delete needs are checked (a valid key and activity ID).
     */
    public SubmissionResult delete(Iterable<LearnerCompletion> completions) {
        return run(completions, SubmissionListener.NONE, LearnerRecordAction.DELETE);
    }

    /** {@link #delete(Iterable)} on the client's executor. */
    public CompletableFuture<SubmissionResult> deleteAsync(Iterable<LearnerCompletion> completions) {
        return transport.async(() -> delete(completions), executor);
    }

    /**
     * What PARS holds for one credit line.
     *
     * @return empty when PARS has nothing under that CreditID
     */
    public List<CreditStatus> status(String creditId) {
        Objects.requireNonNull(creditId, "creditId");
        transport.ensureOpen();
        return lookup(creditId);
    }

    /** A status lookup; also used inside a submission, which finishes even if the client closes meanwhile. */
    private List<CreditStatus> lookup(String creditId) {
        HttpResult r = transport.call(Operation.GET_LEARNER_STATUS, Map.of(Parameter.CREDIT_ID, creditId), null, true);
        if (r.status() == 404 || r.body().length == 0) {
            return List.of();
        }
        try {
            return transport.codec().decodeStatuses(r.body());
        } catch (ParsCodecException e) {
            throw org.parsjava.client.internal.Failures.unreadable(Operation.GET_LEARNER_STATUS, r, e);
        }
    }

    /** What PARS holds for every credit line of {@code completion}, CME first. */
    public List<CreditStatus> status(LearnerCompletion completion) {
        Objects.requireNonNull(completion, "completion");
        List<CreditStatus> all = new ArrayList<>();
        for (String id : CreditIds.all(completion)) {
            all.addAll(status(id));
        }
        return all;
    }

    /**
     * What PARS holds for {@code completion}, found without a CreditID (the drafts' "approach
     * A": ACCME Activity ID, birth date, completion date and one identifier). For records that
     * were reported another way (keyed by hand, uploaded in Excel) and so have no CreditID on
     * file. The identifier is the NPI, else the state license number, else the first board ID.
     * The query carries personal data; it is never logged.
     *
     * @return empty when PARS finds nothing (HTTP 404)
     * @throws IllegalArgumentException when the completion's activity has no ACCME Activity ID
     */
    public List<CreditStatus> statusByLearner(LearnerCompletion completion) {
        Objects.requireNonNull(completion, "completion");
        transport.ensureOpen();
        String moduleId = completion
                .activity()
                .accmeActivityId()
                .orElseThrow(() -> new IllegalArgumentException("record [" + completion.completionKey()
                        + "] activity.accmeActivityId is required for a status " + "lookup by learner"));
        Learner l = completion.learner();
        String uniqueId = l.npi()
                .map(org.parsjava.core.model.Npi::value)
                .or(() -> l.license().map(StateLicense::number))
                .or(() -> l.boardIds().values().stream().findFirst())
                .orElseThrow(() -> new IllegalArgumentException("record [" + completion.completionKey()
                        + "] learner has no NPI, license or board ID for a status lookup by learner"));
        Map<Parameter, String> query = new java.util.EnumMap<>(Parameter.class);
        query.put(Parameter.MODULE_ID, moduleId);
        query.put(
                Parameter.BIRTH_DATE,
                String.format(
                        java.util.Locale.ROOT,
                        "%02d-%02d",
                        l.birthDate().getMonthValue(),
                        l.birthDate().getDayOfMonth()));
        query.put(Parameter.COMPLETION_DATE, completion.completionDate().toString());
        query.put(Parameter.UNIQUE_ID, uniqueId);
        HttpResult r = transport.call(Operation.GET_LEARNER_STATUS_BY_LEARNER, query, null, true, l);
        if (r.status() == 404 || r.body().length == 0) {
            return List.of();
        }
        try {
            return transport.codec().decodeStatuses(r.body());
        } catch (ParsCodecException e) {
            throw org.parsjava.client.internal.Failures.unreadable(Operation.GET_LEARNER_STATUS_BY_LEARNER, r, e);
        }
    }

    /**
     * The credit lines PARS holds under one learner identifier (draft REST
     * {@code GET /learner-activities/{learnerId}}; the drafts describe {@code learnerId} as one
     * of the learner's identifiers). The identifier is personal data: never logged.
     *
     * @return empty when PARS holds nothing under it (HTTP 404)
     * @throws UnsupportedOperationException in the WCF generation, which has no such route
     */
    public List<CreditStatus> records(String learnerId) {
        String id = learnerId(learnerId);
        transport.ensureOpen();
        HttpResult r = transport.call(
                Operation.GET_LEARNER_ACTIVITY, Map.of(Parameter.LEARNER_ID, id), null, true, List.of(id));
        if (r.status() == 404 || r.body().length == 0) {
            return List.of();
        }
        try {
            return transport.codec().decodeLearnerRecords(r.body());
        } catch (ParsCodecException e) {
            throw org.parsjava.client.internal.Failures.unreadable(Operation.GET_LEARNER_ACTIVITY, r, e);
        }
    }

    /**
     * Deletes every record PARS holds under one learner identifier (draft REST
     * {@code DELETE /learner-activities/{learnerId}}). To delete single completions, use
     * {@link #delete(Iterable)}, which works in both generations. A delete is safe to repeat,
     * so it is retried like a read.
     *
     * @return true when PARS deleted something, false when it held nothing (HTTP 404)
     * @throws UnsupportedOperationException in the WCF generation, which has no such route
     */
    public boolean deleteRecords(String learnerId) {
        String id = learnerId(learnerId);
        transport.ensureOpen();
        HttpResult r = transport.call(
                Operation.DELETE_LEARNER_ACTIVITY, Map.of(Parameter.LEARNER_ID, id), null, true, List.of(id));
        return r.status() != 404;
    }

    private static String learnerId(String learnerId) {
        Objects.requireNonNull(learnerId, "learnerId");
        String id = learnerId.strip();
        if (id.isEmpty() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("learnerId is blank or a dot segment");
        }
        return id;
    }

    /** {@link #status(String)} on the client's executor. */
    public CompletableFuture<List<CreditStatus>> statusAsync(String creditId) {
        return transport.async(() -> status(creditId), executor);
    }

    /** {@link #status(LearnerCompletion)} on the client's executor. */
    public CompletableFuture<List<CreditStatus>> statusAsync(LearnerCompletion completion) {
        return transport.async(() -> status(completion), executor);
    }

    /**
     * Asks PARS whether the identity data finds exactly one physician, before submitting.
     * Read-only, so retried like a read.
     */
    public MatchResult match(Learner learner) {
        Objects.requireNonNull(learner, "learner");
        transport.ensureOpen();
        HttpResult r = transport.call(
                Operation.GET_LEARNER_MATCH,
                Map.of(),
                transport.codec().encodeMatchRequest(learner, providerId),
                true,
                learner);
        if (r.status() == 404) {
            return new MatchResult(MatchResult.Outcome.NOT_MATCHED, Optional.empty());
        }
        try {
            MatchResult m = transport.codec().decodeMatchResult(r.body());
            // PARS's text about a match may name the physician it was asked about.
            return new MatchResult(m.outcome(), m.message().map(text -> PersonalText.scrub(text, learner)));
        } catch (ParsCodecException e) {
            throw org.parsjava.client.internal.Failures.unreadable(Operation.GET_LEARNER_MATCH, r, e);
        }
    }

    /** {@link #match(Learner)} on the client's executor. */
    public CompletableFuture<MatchResult> matchAsync(Learner learner) {
        return transport.async(() -> match(learner), executor);
    }

    // ---- submission ---------------------------------------------------------------------------

    private SubmissionResult run(
            Iterable<LearnerCompletion> completions, SubmissionListener listener, LearnerRecordAction action) {
        Objects.requireNonNull(completions, "completions");
        Objects.requireNonNull(listener, "listener");
        transport.ensureOpen();
        List<LearnerCompletion> records = new ArrayList<>();
        for (LearnerCompletion c : completions) {
            records.add(Objects.requireNonNull(c, () -> "completion at index " + records.size() + " is null"));
        }
        Reconciliation lookups = new Reconciliation(this::lookup, workers, transport.maxConcurrentRequests());
        return new SubmissionRun(
                        transport, workers, lookups, reportingOrganization, chunkSize, log, records, action, listener)
                .execute(validator);
    }
}
