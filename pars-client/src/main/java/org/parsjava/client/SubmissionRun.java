/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.Reconciliation.Check;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsException;
import org.parsjava.client.exception.ParsTransportException;
import org.parsjava.client.internal.Diagnostics;
import org.parsjava.client.internal.HttpResult;
import org.parsjava.client.internal.Transport;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.codec.ParsFault;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.codec.ReportHeader;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.Batch;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.core.validation.Violation;
import org.parsjava.core.validation.ViolationCode;
import org.slf4j.Logger;

/**
 * One {@code submit} or {@code delete} call: validates every record, splits the valid ones
 * into chunks, keeps up to {@code maxConcurrentRequests} chunks in flight, and gives every
 * record exactly one outcome.
 *
 * <p>Each chunk is sent until each of its records has an outcome: retried on retryable
 * failures, split in halves when PARS refuses the whole document, and reconciled by status
 * lookup ({@link Reconciliation}) whenever PARS's answer leaves a record's fate unread. A record
 * belongs to one chunk, and a chunk to one thread, so per-record state needs no locks;
 * progress is reported under one lock, in completion order, with counts that only grow.
 */
final class SubmissionRun {

    /** Violations that still block a delete: the record must name what it deletes. */
    private static final Set<ViolationCode> DELETE_BLOCKERS = EnumSet.of(
            ViolationCode.COMPLETION_KEY_INVALID,
            ViolationCode.COMPLETION_KEY_DUPLICATE,
            ViolationCode.ACTIVITY_ID_MISSING,
            ViolationCode.ACTIVITY_ID_INVALID,
            ViolationCode.PROVIDER_ID_INVALID,
            ViolationCode.CREDITS_MISSING);
    /** Statuses with which PARS refuses a document because of what is in it: worth splitting. */
    private static final Set<Integer> CONTENT_REFUSED = Set.of(400, 413, 422);
    /** PARS reads a date-time without offset as US Central (docs/pars-reference.md 2.5). */
    private static final ZoneId PARS_ZONE = ZoneId.of("America/Chicago");

    private static final Operation OP = Operation.SAVE_LEARNER_ACTIVITY;

    private final Transport transport;
    private final ExecutorService workers;
    private final String reportingOrganization;
    private final int chunkSize;
    private final Logger log;
    private final List<LearnerCompletion> records;
    private final LearnerRecordAction action;
    private final SubmissionListener listener;
    /** Each record's outcome as it is settled. */
    private final RecordOutcomes out;
    /** Records being sent again after an attempt that may have been applied. */
    private final boolean[] resent;

    private final Reconciliation lookups;
    private final AtomicReference<ParsAuthenticationException> refused = new AtomicReference<>();
    private final Object progressLock = new Object();
    /** Outcomes reported so far, by {@link RecordOutcome} ordinal; guarded by progressLock. */
    private final int[] counts = new int[RecordOutcome.values().length];

    private int chunksDone;
    private int chunkCount;

    SubmissionRun(
            Transport transport,
            ExecutorService workers,
            Reconciliation lookups,
            String reportingOrganization,
            int chunkSize,
            Logger log,
            List<LearnerCompletion> records,
            LearnerRecordAction action,
            SubmissionListener listener) {
        this.transport = transport;
        this.workers = workers;
        this.lookups = lookups;
        this.reportingOrganization = reportingOrganization;
        this.chunkSize = chunkSize;
        this.log = log;
        this.records = records;
        this.action = action;
        this.listener = listener;
        this.out = new RecordOutcomes(records);
        this.resent = new boolean[records.size()];
    }

    SubmissionResult execute(ParsValidator validator) {
        List<Integer> sendable = validate(validator);
        List<List<Integer>> chunks = new ArrayList<>();
        for (int from = 0; from < sendable.size(); from += chunkSize) {
            chunks.add(sendable.subList(from, Math.min(sendable.size(), from + chunkSize)));
        }
        chunkCount = chunks.size();
        int parallel = Math.min(transport.maxConcurrentRequests(), chunks.size());
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int c;
            while (refused.get() == null && (c = next.getAndIncrement()) < chunks.size()) {
                runChunk(chunks.get(c), c);
            }
        };
        List<CompletableFuture<Void>> helpers = new ArrayList<>();
        for (int k = 1; k < parallel; k++) {
            try {
                helpers.add(CompletableFuture.runAsync(worker, workers));
            } catch (RejectedExecutionException e) {
                break; // the client is closing: this thread sends the rest alone
            }
        }
        worker.run();
        helpers.forEach(CompletableFuture::join);
        ParsAuthenticationException e = refused.get();
        if (e != null) {
            throw new ParsAuthenticationException(
                    e.operation(),
                    e.httpStatus(),
                    e.parsCode().orElse(null),
                    e.parsMessage().orElse(null),
                    finish("not sent: PARS refused the credentials"),
                    e.attempts());
        }
        return finish("not sent");
    }

    /** Lookups this run sent to PARS. */
    int statusLookups() {
        return lookups.asked();
    }

    private List<Integer> validate(ParsValidator validator) {
        Batch batch = validator.newBatch(records.size());
        List<Integer> sendable = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            List<Violation> found = batch.add(records.get(i));
            List<Violation> blocking = found.stream()
                    .filter(v ->
                            v.isError() && (action == LearnerRecordAction.ADD || DELETE_BLOCKERS.contains(v.code())))
                    .toList();
            out.warn(found.stream().filter(v -> !v.isError()).toList());
            if (blocking.isEmpty()) {
                sendable.add(i);
            } else {
                out.set(i, out.result(i, RecordOutcome.INVALID, blocking, null, null));
                counts[RecordOutcome.INVALID.ordinal()]++;
            }
        }
        return sendable;
    }

    private void runChunk(List<Integer> chunk, int c) {
        try {
            send(new ArrayList<>(chunk));
        } catch (ParsAuthenticationException e) {
            refused.compareAndSet(null, e); // chunks in flight finish; no new chunk starts
        } catch (ParsTransportException e) {
            if (e.outcomeUnknown()) {
                out.failUnknown(chunk, e.getMessage() + "; the record may have reached PARS");
            } else {
                out.fail(chunk, e.getMessage());
            }
        } catch (RuntimeException e) {
            // Whatever went wrong, the records keep an outcome: the chunk's unresolved ones are
            // FAILED (possibly sent), and the remaining chunks are still tried.
            log.warn(
                    "PARS {} chunk {}/{} ended with {}; its unresolved records are reported FAILED",
                    OP.parsName(),
                    c + 1,
                    chunkCount,
                    e.getClass().getName());
            log.debug(
                    "PARS {} chunk {}/{}: stack trace (messages removed)",
                    OP.parsName(),
                    c + 1,
                    chunkCount,
                    Diagnostics.withoutMessages(e));
            out.failUnknown(
                    chunk,
                    "unexpected " + e.getClass().getSimpleName() + " while sending; the record may "
                            + "have reached PARS: check its status by CreditID before resubmitting");
        }
        progress(chunk);
    }

    private SubmissionResult finish(String reasonForUnsent) {
        List<RecordResult> list = out.all(reasonForUnsent);
        SubmissionResult result = new SubmissionResult(list);
        int[] byOutcome = new int[RecordOutcome.values().length];
        list.forEach(r -> byOutcome[r.outcome().ordinal()]++);
        for (RecordOutcome o : RecordOutcome.values()) {
            if (byOutcome[o.ordinal()] > 0) {
                int n = byOutcome[o.ordinal()];
                transport.emit(l -> l.recordsSettled(new ParsEventListener.RecordsEvent(OP, action, o, n)));
            }
        }
        return result;
    }

    private void progress(List<Integer> chunk) {
        synchronized (progressLock) {
            for (int i : chunk) {
                if (out.has(i)) {
                    counts[out.get(i).outcome().ordinal()]++;
                }
            }
            chunksDone++;
            if (listener == SubmissionListener.NONE) {
                return;
            }
            int done = counts[0] + counts[1] + counts[2] + counts[3];
            try {
                listener.onChunk(new ChunkProgress(
                        chunksDone,
                        chunkCount,
                        done,
                        records.size(),
                        counts[RecordOutcome.ACCEPTED.ordinal()],
                        counts[RecordOutcome.REJECTED.ordinal()],
                        counts[RecordOutcome.INVALID.ordinal()],
                        counts[RecordOutcome.FAILED.ordinal()]));
            } catch (RuntimeException e) {
                log.warn(
                        "PARS submission progress listener failed: {}",
                        e.getClass().getName());
            }
        }
    }

    /** Sends one chunk until every record in it has an outcome. */
    private void send(List<Integer> chunk) {
        Transport.Budget budget = transport.budget(OP);
        List<Integer> pending = chunk;
        while (!pending.isEmpty()) {
            int attempt = budget.next();
            List<LearnerCompletion> document =
                    pending.stream().map(records::get).toList();
            byte[] body;
            try {
                body = transport.codec().encodeLearnerReports(document, action, header());
            } catch (ParsCodecException e) {
                if (pending.size() > 1) { // isolate the record that cannot be encoded
                    split(pending);
                } else {
                    out.fail(pending, "could not be encoded for PARS: " + e.getMessage());
                }
                return;
            }
            HttpResult r;
            try {
                r = transport.once(OP, Map.of(), body, attempt);
            } catch (IOException e) {
                boolean unknown = Transport.maybeApplied(e);
                String why = e.getClass().getSimpleName() + (unknown ? " (outcome unknown)" : "");
                if (!budget.waitBeforeRetry(ParsEventListener.RetryReason.NO_ANSWER, null)) {
                    pending = unknown ? reconcile(pending) : pending;
                    out.fail(pending, "PARS did not answer after " + attempt + " attempt(s): " + why);
                    return;
                }
                pending = unknown ? sendingAgain(reconcile(pending)) : pending;
                continue;
            }
            if (r.isSuccess() && !transport.endpoints().endpoint(OP).isSuccess(r.status())) {
                // A 2xx the endpoint does not list (a 202, say): it may or may not have been applied.
                pending = reconcile(pending);
                out.fail(pending, transport.toException(OP, r, attempt).getMessage());
                return;
            }
            if (r.isSuccess()) {
                List<Integer> absent = applyVerdicts(pending, r);
                if (absent.isEmpty()) {
                    return;
                }
                // PARS said yes, yet holds none of these: send them again while the budget allows.
                if (!budget.waitBeforeRetry(ParsEventListener.RetryReason.NOT_HELD, null)) {
                    out.fail(
                            absent,
                            "PARS answered HTTP " + r.status() + " but holds no record of this credit after " + attempt
                                    + " attempt(s); resubmit it");
                    return;
                }
                pending = sendingAgain(absent);
                continue;
            }
            int status = r.status();
            if (status == 401 || status == 403) {
                throw transport.toException(OP, r, attempt);
            }
            if (Transport.retryableNotApplied(status) || Transport.retryableUnknown(status)) {
                boolean unknown = Transport.retryableUnknown(status);
                if (!budget.waitBeforeRetry(r)) {
                    pending = unknown ? reconcile(pending) : pending;
                    ParsException e = transport.toException(OP, r, attempt);
                    out.fail(pending, e.getMessage());
                    return;
                }
                pending = unknown ? sendingAgain(reconcile(pending)) : pending;
                continue;
            }
            if (!CONTENT_REFUSED.contains(status)) {
                // 3xx, 404, 405, 409, 501...: a problem with the endpoint, not with the records.
                out.fail(pending, transport.toException(OP, r, attempt).getMessage());
                return;
            }
            // PARS refused the whole document for its content: isolate the bad records.
            if (pending.size() > 1) {
                split(pending);
                return;
            }
            ParsFault fault = transport.codec().decodeFault(r.body());
            rejectUnlessHeld(
                    List.of(pending.get(0)),
                    List.of(RecordVerdict.rejected(0, fault.code().orElse("HTTP_" + status), null, fault.message())),
                    fault.refusedAsDuplicate());
            return;
        }
    }

    private void split(List<Integer> pending) {
        int half = pending.size() / 2;
        send(new ArrayList<>(pending.subList(0, half)));
        send(new ArrayList<>(pending.subList(half, pending.size())));
    }

    /** Marks records as sent again (and forgets what lookups said of them); returns them. */
    private List<Integer> sendingAgain(List<Integer> again) {
        for (int i : again) {
            resent[i] = true;
            lookups.sendingAgain(records.get(i));
        }
        return again;
    }

    /**
     * Maps PARS's per-record verdicts onto the document. A record without a verdict is not
     * taken as accepted: it is confirmed by status lookup first.
     *
     * @return the records PARS turns out not to hold (to be sent again)
     */
    private List<Integer> applyVerdicts(List<Integer> pending, HttpResult r) {
        List<RecordVerdict> verdicts;
        try {
            verdicts = transport.codec().decodeSaveResult(r.body());
        } catch (ParsCodecException e) {
            // PARS said 2xx but the body is unreadable: ask PARS what it holds before resending.
            log.warn(
                    "PARS {} answered HTTP {} with an unreadable body; confirming {} record(s) by status lookup",
                    OP.parsName(),
                    r.status(),
                    pending.size());
            return reconcile(pending);
        }
        AtomicInteger stray = new AtomicInteger();
        RecordVerdict[] byPosition = VerdictMapping.place(
                verdicts, pending.stream().map(records::get).toList(), stray::incrementAndGet);
        if (stray.get() > 0) {
            log.warn(
                    "PARS {} returned {} verdict(s) for no record of this {}-record document; ignored",
                    OP.parsName(),
                    stray.get(),
                    pending.size());
        }
        List<Integer> silent = new ArrayList<>();
        List<Integer> refusedIdx = new ArrayList<>();
        List<RecordVerdict> refusals = new ArrayList<>();
        for (int k = 0; k < pending.size(); k++) {
            int i = pending.get(k);
            RecordVerdict v = byPosition[k];
            if (v == null) {
                silent.add(i);
            } else if (v.accepted()) {
                out.set(i, out.result(i, RecordOutcome.ACCEPTED, out.warnings(i), null, null));
            } else {
                refusedIdx.add(i);
                refusals.add(v);
            }
        }
        rejectUnlessHeld(refusedIdx, refusals, false);
        if (silent.isEmpty()) {
            return List.of();
        }
        if (silent.size() < pending.size() || verdicts.isEmpty()) {
            log.debug(
                    "PARS {} gave no verdict for {} of {} record(s); confirming them by status lookup",
                    OP.parsName(),
                    silent.size(),
                    pending.size());
        }
        return reconcile(silent, "confirmed by status lookup: PARS gave no verdict for it");
    }

    /**
     * Records refusals, except where PARS already holds the very record: after a resend (an
     * interrupted earlier attempt landed) or when PARS calls it a duplicate (it was reported
     * before, for example by an earlier run over the same file). Then it is ACCEPTED: the
     * credit is in PARS once, which is what the caller asked for.
     */
    private void rejectUnlessHeld(List<Integer> indices, List<RecordVerdict> refusals, boolean wholeAsDuplicate) {
        List<Integer> check = new ArrayList<>();
        List<RecordVerdict> checked = new ArrayList<>();
        for (int k = 0; k < indices.size(); k++) {
            int i = indices.get(k);
            RecordVerdict v = refusals.get(k);
            boolean confirm = action == LearnerRecordAction.DELETE
                    ? resent[i]
                    : resent[i] || wholeAsDuplicate || v.refusedAsDuplicate();
            if (confirm) {
                check.add(i);
                checked.add(v);
            } else {
                out.reject(i, v.code().orElse(null), v.message().orElse(null));
            }
        }
        if (check.isEmpty()) {
            return;
        }
        List<Check> answers = lookups.allLines(check.stream().map(records::get).toList());
        if (action == LearnerRecordAction.DELETE) {
            // A refused delete of a record PARS no longer holds is done (an earlier attempt landed).
            for (int k = 0; k < check.size(); k++) {
                int i = check.get(k);
                RecordVerdict v = checked.get(k);
                switch (answers.get(k).holding()) {
                    case HELD ->
                        out.reject(i, v.code().orElse(null), v.message().orElse(null));
                    case UNKNOWN ->
                        out.failUnknown(
                                List.of(i),
                                "PARS refused the delete and the status lookup failed; "
                                        + "check its status by CreditID");
                    default ->
                        out.set(
                                i,
                                out.result(
                                        i,
                                        RecordOutcome.ACCEPTED,
                                        out.warnings(i),
                                        null,
                                        "confirmed by status lookup: PARS no longer holds it"));
                }
            }
            return;
        }
        for (int k = 0; k < check.size(); k++) {
            int i = check.get(k);
            RecordVerdict v = checked.get(k);
            String code = v.code().orElse(null);
            switch (answers.get(k).holding()) {
                case HELD ->
                    out.set(
                            i,
                            out.result(
                                    i,
                                    RecordOutcome.ACCEPTED,
                                    out.warnings(i),
                                    null,
                                    resent[i]
                                            ? "confirmed by status lookup: an interrupted earlier attempt was applied"
                                            : "already held by PARS under this CreditID (reported before); not stored twice",
                                    !resent[i]));
                case UNKNOWN ->
                    out.failUnknown(
                            List.of(i),
                            "PARS refused it as " + (code == null ? "a duplicate" : code)
                                    + " and the status lookup failed, so it may already be in PARS; check its status by "
                                    + "CreditID before resubmitting");
                default -> out.reject(i, code, v.message().orElse(null));
            }
        }
    }

    /** {@link #reconcile(List, String)} after an interrupted submission. */
    private List<Integer> reconcile(List<Integer> pending) {
        return reconcile(pending, "confirmed by status lookup after an interrupted submission");
    }

    /**
     * For records whose fate is unknown: asks PARS, by each record's first CreditID, whether it
     * holds them. Records found get their outcome; records whose status cannot be read are
     * FAILED with an unknown outcome (never resent blindly); the absent ones are returned.
     */
    private List<Integer> reconcile(List<Integer> pending, String heldNote) {
        if (action == LearnerRecordAction.DELETE) {
            return reconcileDeletes(pending);
        }
        List<Integer> open = pending.stream().filter(i -> !out.has(i)).toList();
        List<Check> answers = lookups.firstLine(open.stream().map(records::get).toList());
        List<Integer> absent = new ArrayList<>(open.size());
        for (int k = 0; k < open.size(); k++) {
            int i = open.get(k);
            Check a = answers.get(k);
            switch (a.holding()) {
                case HELD -> out.set(i, out.result(i, RecordOutcome.ACCEPTED, out.warnings(i), null, heldNote));
                case REFUSED -> out.reject(i, null, "PARS status: " + a.rawStatus());
                case UNKNOWN ->
                    out.failUnknown(
                            List.of(i),
                            "outcome unknown and the status lookup failed or was not "
                                    + "tried (the run stopped asking after " + Reconciliation.MAX_FAILED_LOOKUPS
                                    + " failed lookups); check its status by CreditID before resubmitting");
                case ABSENT -> absent.add(i);
            }
        }
        return absent;
    }

    /**
     * For deletes whose fate is unknown: a record PARS no longer holds (any credit line) is
     * ACCEPTED, confirmed by status; one it still holds is returned to be sent again; an
     * unreadable status leaves it FAILED with an unknown outcome.
     */
    private List<Integer> reconcileDeletes(List<Integer> pending) {
        List<Integer> open = pending.stream().filter(i -> !out.has(i)).toList();
        List<Check> answers = lookups.allLines(open.stream().map(records::get).toList());
        List<Integer> again = new ArrayList<>(open.size());
        for (int k = 0; k < open.size(); k++) {
            int i = open.get(k);
            switch (answers.get(k).holding()) {
                case HELD -> again.add(i);
                case UNKNOWN ->
                    out.failUnknown(
                            List.of(i),
                            "delete outcome unknown and the status lookup failed; check " + "its status by CreditID");
                default ->
                    out.set(
                            i,
                            out.result(
                                    i,
                                    RecordOutcome.ACCEPTED,
                                    out.warnings(i),
                                    null,
                                    "confirmed by status lookup: PARS no longer holds it"));
            }
        }
        return again;
    }

    private ReportHeader header() {
        return new ReportHeader(
                reportingOrganization, LocalDateTime.now(transport.clock().withZone(PARS_ZONE)));
    }
}
