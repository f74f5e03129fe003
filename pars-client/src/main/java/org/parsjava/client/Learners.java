package org.parsjava.client;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.exception.ParsApiException;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsException;
import org.parsjava.client.exception.ParsTransportException;
import org.parsjava.client.internal.HttpResult;
import org.parsjava.client.internal.PersonalText;
import org.parsjava.client.internal.Transport;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.codec.ParsFault;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.codec.ReportHeader;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.validation.Batch;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.core.validation.Violation;
import org.parsjava.core.validation.ViolationCode;

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
 * until the refused records are isolated, so one bad record never sinks its neighbours.
 */
public final class Learners {

    /** Violations that still block a delete: the record must name what it deletes. */
    private static final Set<ViolationCode> DELETE_BLOCKERS = EnumSet.of(ViolationCode.COMPLETION_KEY_INVALID,
            ViolationCode.COMPLETION_KEY_DUPLICATE, ViolationCode.ACTIVITY_ID_MISSING, ViolationCode.ACTIVITY_ID_INVALID,
            ViolationCode.PROVIDER_ID_INVALID, ViolationCode.CREDITS_MISSING);
    /** Statuses with which PARS refuses a document because of what is in it: worth splitting. */
    private static final Set<Integer> CONTENT_REFUSED = Set.of(400, 413, 422);
    /** PARS reads a date-time without offset as US Central (REFERENCE.md 2.5). */
    private static final ZoneId PARS_ZONE = ZoneId.of("America/Chicago");

    private final Transport transport;
    private final ParsValidator validator;
    private final Executor executor;
    private final String reportingOrganization;
    private final int chunkSize;
    private final org.slf4j.Logger log;
    private final String providerId;

    Learners(Transport transport, ParsValidator validator, Executor executor, String providerId,
             String reportingOrganization, int chunkSize, org.slf4j.Logger log) {
        this.transport = transport;
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
    public CompletableFuture<SubmissionResult> submitAsync(Iterable<LearnerCompletion> completions,
                                                           SubmissionListener listener) {
        return CompletableFuture.supplyAsync(() -> submit(completions, listener), executor);
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
        return CompletableFuture.supplyAsync(() -> delete(completions), executor);
    }

    /**
     * What PARS holds for one credit line.
     *
     * @return empty when PARS has nothing under that CreditID
     */
    public List<CreditStatus> status(String creditId) {
        Objects.requireNonNull(creditId, "creditId");
        HttpResult r = transport.call(Operation.GET_LEARNER_STATUS,
                Map.of(ParsEndpoints.CREDIT_ID_PARAMETER, creditId), null, true);
        if (r.status() == 404 || r.body().length == 0) {
            return List.of();
        }
        try {
            return transport.codec().decodeStatuses(r.body());
        } catch (ParsCodecException e) {
            throw unreadable(Operation.GET_LEARNER_STATUS, r, e);
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

    /** {@link #status(String)} on the client's executor. */
    public CompletableFuture<List<CreditStatus>> statusAsync(String creditId) {
        return CompletableFuture.supplyAsync(() -> status(creditId), executor);
    }

    /** {@link #status(LearnerCompletion)} on the client's executor. */
    public CompletableFuture<List<CreditStatus>> statusAsync(LearnerCompletion completion) {
        return CompletableFuture.supplyAsync(() -> status(completion), executor);
    }

    /**
     * Asks PARS whether the identity data finds exactly one physician, before submitting.
     * Read-only, so retried like a read.
     */
    public MatchResult match(Learner learner) {
        Objects.requireNonNull(learner, "learner");
        HttpResult r = transport.call(Operation.GET_LEARNER_MATCH, Map.of(),
                transport.codec().encodeMatchRequest(learner, providerId), true, learner);
        if (r.status() == 404) {
            return new MatchResult(MatchResult.Outcome.NOT_MATCHED, Optional.empty());
        }
        try {
            MatchResult m = transport.codec().decodeMatchResult(r.body());
            // PARS's text about a match may name the physician it was asked about.
            return new MatchResult(m.outcome(), m.message().map(text -> PersonalText.scrub(text, learner)));
        } catch (ParsCodecException e) {
            throw unreadable(Operation.GET_LEARNER_MATCH, r, e);
        }
    }

    /** {@link #match(Learner)} on the client's executor. */
    public CompletableFuture<MatchResult> matchAsync(Learner learner) {
        return CompletableFuture.supplyAsync(() -> match(learner), executor);
    }

    // ---- submission ---------------------------------------------------------------------------

    private SubmissionResult run(Iterable<LearnerCompletion> completions, SubmissionListener listener,
                                 LearnerRecordAction action) {
        Objects.requireNonNull(completions, "completions");
        Objects.requireNonNull(listener, "listener");
        List<LearnerCompletion> records = new ArrayList<>();
        for (LearnerCompletion c : completions) {
            records.add(Objects.requireNonNull(c, () -> "completion at index " + records.size() + " is null"));
        }
        Run run = new Run(records, action, listener);
        return run.execute();
    }

    /** State of one submission; confined to the submitting thread. */
    private final class Run {
        private final List<LearnerCompletion> records;
        private final LearnerRecordAction action;
        private final SubmissionListener listener;
        private final RecordResult[] results;
        /** Outcomes so far, by {@link RecordOutcome} ordinal, for progress callbacks. */
        private final int[] counts = new int[RecordOutcome.values().length];
        private final List<List<Violation>> warnings;
        /** Records being sent again after an attempt whose outcome was unknown. */
        private final boolean[] resent;
        private final Operation op = Operation.SAVE_LEARNER_ACTIVITY;

        Run(List<LearnerCompletion> records, LearnerRecordAction action, SubmissionListener listener) {
            this.records = records;
            this.action = action;
            this.listener = listener;
            this.results = new RecordResult[records.size()];
            this.warnings = new ArrayList<>(records.size());
            this.resent = new boolean[records.size()];
        }

        SubmissionResult execute() {
            Batch batch = validator.newBatch(records.size());
            List<Integer> sendable = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                List<Violation> found = batch.add(records.get(i));
                List<Violation> blocking = found.stream().filter(v -> v.isError()
                        && (action == LearnerRecordAction.ADD || DELETE_BLOCKERS.contains(v.code()))).toList();
                warnings.add(found.stream().filter(v -> !v.isError()).toList());
                if (blocking.isEmpty()) {
                    sendable.add(i);
                } else {
                    set(i, result(i, RecordOutcome.INVALID, blocking, null, null));
                }
            }
            int chunks = (sendable.size() + chunkSize - 1) / chunkSize;
            for (int c = 0; c < chunks; c++) {
                List<Integer> chunk = sendable.subList(c * chunkSize, Math.min(sendable.size(), (c + 1) * chunkSize));
                try {
                    send(new ArrayList<>(chunk));
                } catch (ParsAuthenticationException e) {
                    throw new ParsAuthenticationException(e.operation(), e.httpStatus(), e.parsCode().orElse(null),
                            e.parsMessage().orElse(null), finish("not sent: PARS refused the credentials"));
                } catch (ParsTransportException e) {
                    if (e.outcomeUnknown()) {
                        failUnknown(chunk, e.getMessage() + "; the record may have reached PARS");
                    } else {
                        fail(chunk, e.getMessage());
                    }
                } catch (RuntimeException e) {
                    // Whatever went wrong, the records keep an outcome: the chunk's unresolved ones
                    // are FAILED (possibly sent), and the remaining chunks are still tried.
                    log.warn("PARS {} chunk {}/{} ended with {}; its unresolved records are reported FAILED",
                            op.parsName(), c + 1, chunks, e.getClass().getName());
                    failUnknown(chunk, "unexpected " + e.getClass().getSimpleName() + " while sending; the record may "
                            + "have reached PARS: check its status by CreditID before resubmitting");
                }
                progress(c + 1, chunks);
            }
            return finish("not sent");
        }

        private SubmissionResult finish(String reasonForUnsent) {
            List<RecordResult> list = new ArrayList<>(results.length);
            for (int i = 0; i < results.length; i++) {
                list.add(results[i] != null ? results[i] : result(i, RecordOutcome.FAILED, List.of(), null, reasonForUnsent));
            }
            return new SubmissionResult(list);
        }

        private void progress(int chunk, int chunks) {
            if (listener == SubmissionListener.NONE) {
                return;
            }
            int done = counts[0] + counts[1] + counts[2] + counts[3];
            try {
                listener.onChunk(new ChunkProgress(chunk, chunks, done, results.length,
                        counts[RecordOutcome.ACCEPTED.ordinal()], counts[RecordOutcome.REJECTED.ordinal()],
                        counts[RecordOutcome.INVALID.ordinal()], counts[RecordOutcome.FAILED.ordinal()]));
            } catch (RuntimeException e) {
                log.warn("PARS submission progress listener failed: {}", e.getClass().getName());
            }
        }

        /** Sends one chunk until every record in it has an outcome. */
        private void send(List<Integer> chunk) {
            Transport.Budget budget = transport.budget();
            List<Integer> pending = chunk;
            while (!pending.isEmpty()) {
                int attempt = budget.next();
                List<LearnerCompletion> docRecords = pending.stream().map(records::get).toList();
                byte[] body;
                try {
                    body = transport.codec().encodeLearnerReports(docRecords, action, header());
                } catch (ParsCodecException e) {
                    if (pending.size() > 1) { // isolate the record that cannot be encoded
                        split(pending);
                    } else {
                        fail(pending, "could not be encoded for PARS: " + e.getMessage());
                    }
                    return;
                }
                HttpResult r;
                try {
                    r = transport.once(op, Map.of(), body, attempt);
                } catch (IOException e) {
                    boolean unknown = Transport.maybeApplied(e);
                    String why = e.getClass().getSimpleName() + (unknown ? " (outcome unknown)" : "");
                    if (!budget.waitBeforeRetry(null)) {
                        pending = unknown ? reconcile(pending) : pending;
                        fail(pending, "PARS did not answer after " + attempt + " attempt(s): " + why);
                        return;
                    }
                    pending = unknown ? resendable(pending) : pending;
                    continue;
                }
                if (r.isSuccess()) {
                    applyVerdicts(pending, r);
                    return;
                }
                int status = r.status();
                if (status == 401 || status == 403) {
                    throw transport.toException(op, r, attempt);
                }
                if (Transport.retryableNotApplied(status) || Transport.retryableUnknown(status)) {
                    boolean unknown = Transport.retryableUnknown(status);
                    if (!budget.waitBeforeRetry(r.retryAfter())) {
                        pending = unknown ? reconcile(pending) : pending;
                        ParsException e = transport.toException(op, r, attempt);
                        fail(pending, e.getMessage());
                        return;
                    }
                    pending = unknown ? resendable(pending) : pending;
                    continue;
                }
                if (!CONTENT_REFUSED.contains(status)) {
                    // 3xx, 404, 405, 409, 501...: a problem with the endpoint, not with the records.
                    fail(pending, transport.toException(op, r, attempt).getMessage());
                    return;
                }
                // PARS refused the whole document for its content: isolate the bad records.
                if (pending.size() > 1) {
                    split(pending);
                    return;
                }
                ParsFault fault = transport.codec().decodeFault(r.body());
                rejectUnlessHeld(pending.get(0), fault.refusedAsDuplicate(), fault.code().orElse("HTTP_" + status),
                        fault.message());
                return;
            }
        }

        private void split(List<Integer> pending) {
            int half = pending.size() / 2;
            send(new ArrayList<>(pending.subList(0, half)));
            send(new ArrayList<>(pending.subList(half, pending.size())));
        }

        /** {@link #reconcile}, remembering that what it returns is about to be sent again. */
        private List<Integer> resendable(List<Integer> pending) {
            List<Integer> again = reconcile(pending);
            for (int i : again) {
                resent[i] = true;
            }
            return again;
        }

        /** Maps per-record verdicts onto the chunk; a record without a verdict in a 2xx is accepted. */
        private void applyVerdicts(List<Integer> pending, HttpResult r) {
            List<RecordVerdict> verdicts;
            try {
                verdicts = transport.codec().decodeSaveResult(r.body());
            } catch (ParsCodecException e) {
                // PARS said 2xx but the body is unreadable: ask PARS what it holds, never resend here.
                log.warn("PARS {} answered HTTP {} with an unreadable body; confirming {} record(s) by status lookup",
                        op.parsName(), r.status(), pending.size());
                List<Integer> unknown = reconcile(pending);
                fail(unknown, "PARS answered HTTP " + r.status() + " with an unreadable body and has no record "
                        + "of this credit; resubmit it");
                return;
            }
            RecordVerdict[] byIndex = new RecordVerdict[pending.size()];
            Map<String, Integer> byCreditId = null;
            boolean moved = false;
            for (RecordVerdict v : verdicts) {
                int k = v.index();
                if (v.creditId().isPresent()) { // PARS named a credit line of ours: trust that over a position
                    if (byCreditId == null) {
                        byCreditId = creditIdPositions(pending);
                    }
                    k = byCreditId.getOrDefault(v.creditId().get(), k);
                    moved |= k != v.index();
                }
                if (k < 0 || k >= byIndex.length) {
                    log.warn("PARS {} returned a verdict for no record of this {}-record document; ignored",
                            op.parsName(), byIndex.length);
                } else if (outranks(v, byIndex[k])) {
                    byIndex[k] = v;
                }
            }
            List<Integer> silent = new ArrayList<>();
            for (int k = 0; k < pending.size(); k++) {
                int i = pending.get(k);
                RecordVerdict v = byIndex[k];
                if (v == null && moved) {
                    silent.add(i); // verdicts were placed by CreditID, so silence may hide a lost one
                } else if (v == null || v.accepted()) {
                    set(i, result(i, RecordOutcome.ACCEPTED, warnings.get(i), null, null));
                } else {
                    rejectUnlessHeld(i, v.refusedAsDuplicate(), v.code().orElse(null), v.message().orElse(null));
                }
            }
            if (!silent.isEmpty()) {
                fail(reconcile(silent, "confirmed by status lookup: PARS gave no verdict for it"),
                        "PARS gave no verdict for this record and does not hold it; resubmit it");
            }
        }

        /**
         * Which of two verdicts on one record's credit lines stands for the record: any refusal
         * over an acceptance, and a refusal for another reason over one that reads as a duplicate
         * (so a record is taken as "already held" only when every refusal says so).
         */
        private boolean outranks(RecordVerdict v, RecordVerdict current) {
            if (current == null || current.accepted()) {
                return true;
            }
            return !v.accepted() && current.refusedAsDuplicate() && !v.refusedAsDuplicate();
        }

        private Map<String, Integer> creditIdPositions(List<Integer> pending) {
            Map<String, Integer> positions = new HashMap<>();
            for (int k = 0; k < pending.size(); k++) {
                for (String id : CreditIds.all(records.get(pending.get(k)))) {
                    positions.put(id, k);
                }
            }
            return positions;
        }

        /**
         * Records a refusal, unless PARS already holds this very record: after a resend (an
         * interrupted earlier attempt landed) or when PARS calls it a duplicate (it was reported
         * before, for example by an earlier run over the same file). Then it is ACCEPTED: the
         * credit is in PARS once, which is what the caller asked for.
         */
        private void rejectUnlessHeld(int i, boolean duplicate, String code, String message) {
            if (!resent[i] && !duplicate) {
                reject(i, code, message);
                return;
            }
            Boolean held = heldByPars(i);
            if (held == null) {
                failUnknown(List.of(i), "PARS refused it as " + (code == null ? "a duplicate" : code)
                        + " and the status lookup failed, so it may already be in PARS; check its status by "
                        + "CreditID before resubmitting");
            } else if (held) {
                set(i, result(i, RecordOutcome.ACCEPTED, warnings.get(i), null, resent[i]
                        ? "confirmed by status lookup: an interrupted earlier attempt was applied"
                        : "already held by PARS under this CreditID (reported before); not stored twice"));
            } else {
                reject(i, code, message);
            }
        }

        /**
         * For a chunk whose outcome is unknown: asks PARS, by the record's first CreditID, which
         * records it already holds. Records found get their outcome; records whose status cannot
         * be read are FAILED (never resent blindly); the rest are returned to be resent.
         */
        private List<Integer> reconcile(List<Integer> pending) {
            return reconcile(pending, "confirmed by status lookup after an interrupted submission");
        }

        /** {@link #reconcile(List)}, with the note an ACCEPTED record gets. */
        private List<Integer> reconcile(List<Integer> pending, String heldNote) {
            if (action == LearnerRecordAction.DELETE) {
                return pending; // deleting twice is harmless; a delete of a missing record is a no-op
            }
            List<Integer> resend = new ArrayList<>(pending.size());
            for (int i : pending) {
                if (results[i] != null) {
                    continue;
                }
                LearnerCompletion c = records.get(i);
                List<CreditStatus> statuses;
                try {
                    statuses = status(CreditIds.all(c).get(0));
                } catch (ParsException e) {
                    failUnknown(List.of(i), "outcome unknown and the status lookup failed (" + e.getClass().getSimpleName()
                            + "); check its status by CreditID before resubmitting");
                    continue;
                }
                Optional<CreditStatus> refused = statuses.stream()
                        .filter(s -> s.state() == CreditStatus.State.REJECTED).findFirst();
                if (holds(c, statuses)) {
                    set(i, result(i, RecordOutcome.ACCEPTED, warnings.get(i), null, heldNote));
                } else if (refused.isPresent()) {
                    reject(i, null, "PARS status: " + refused.get().rawStatus());
                } else {
                    resend.add(i);
                }
            }
            return resend;
        }

        /**
         * Whether PARS holds every credit line of the record (one status lookup per line);
         * null when a lookup failed.
         */
        private Boolean heldByPars(int i) {
            LearnerCompletion c = records.get(i);
            try {
                for (String creditId : CreditIds.all(c)) {
                    if (!holds(c, status(creditId))) {
                        return false;
                    }
                }
                return true;
            } catch (ParsException e) {
                return null;
            }
        }

        /**
         * Whether the statuses of one CreditID show PARS holding it (accepted or pending) for the
         * completion's activity and date, as far as PARS echoes them. (Status carries no credit
         * amounts: a corrected amount under the same key needs a delete, then an add.)
         */
        private boolean holds(LearnerCompletion c, List<CreditStatus> statuses) {
            return statuses.stream().anyMatch(s ->
                    (s.state() == CreditStatus.State.ACCEPTED || s.state() == CreditStatus.State.PENDING)
                    && s.completionDate().map(c.completionDate()::equals).orElse(true)
                    && s.accmeActivityId().map(id -> c.activity().accmeActivityId().map(id::equals).orElse(true))
                            .orElse(true));
        }

        private void set(int i, RecordResult r) {
            results[i] = r;
            counts[r.outcome().ordinal()]++;
        }

        private void reject(int i, String code, String message) {
            String clean = PersonalText.scrub(message, records.get(i).learner());
            set(i, new RecordResult(i, key(i), RecordOutcome.REJECTED, CreditIds.all(records.get(i)),
                    warnings.get(i), Optional.ofNullable(code), Optional.ofNullable(clean), false));
        }

        /** FAILED, known not to be in PARS (not sent, or refused before it was applied). */
        private void fail(List<Integer> indices, String reason) {
            fail(indices, reason, false);
        }

        /** FAILED, and possibly applied by PARS: the caller checks its status before resending. */
        private void failUnknown(List<Integer> indices, String reason) {
            fail(indices, reason, true);
        }

        private void fail(List<Integer> indices, String reason, boolean outcomeUnknown) {
            for (int i : indices) {
                if (results[i] == null) {
                    // The reason may quote PARS's own text, which can name the learner.
                    String clean = PersonalText.scrub(reason, records.get(i).learner());
                    set(i, new RecordResult(i, key(i), RecordOutcome.FAILED, CreditIds.all(records.get(i)),
                            warnings.get(i), Optional.empty(), Optional.ofNullable(clean), outcomeUnknown));
                }
            }
        }

        private RecordResult result(int i, RecordOutcome outcome, List<Violation> violations, String code,
                                    String message) {
            List<String> ids = outcome == RecordOutcome.INVALID && key(i).isEmpty() ? List.of()
                    : CreditIds.all(records.get(i));
            return new RecordResult(i, key(i), outcome, ids, violations, Optional.ofNullable(code),
                    Optional.ofNullable(message), false);
        }

        private String key(int i) {
            String k = records.get(i).completionKey();
            return CreditIds.isValidCompletionKey(k) ? k : "";
        }

        private ReportHeader header() {
            return new ReportHeader(reportingOrganization, LocalDateTime.now(transport.clock().withZone(PARS_ZONE)));
        }
    }

    private static ParsApiException unreadable(Operation op, HttpResult r, ParsCodecException e) {
        return new ParsApiException(op.parsName(), r.status(), null, e.excerpt(),
                "PARS " + op.parsName() + " answered HTTP " + r.status() + " with an unreadable body: " + e.getMessage());
    }
}
