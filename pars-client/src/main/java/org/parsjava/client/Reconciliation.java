/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.parsjava.client.exception.ParsException;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.LearnerCompletion;

/**
 * Asks PARS, by CreditID, what it holds of records whose fate a submission could not read:
 * after an interrupted attempt, a refusal as duplicate, or an answer without a verdict. One
 * per submission run; thread safe.
 *
 * <p>Each CreditID is asked at most once per run (answers are kept until the record is sent
 * again). Lookups for many records run concurrently, within the client's request limit. When
 * lookups keep failing, the run stops asking: after {@link #MAX_FAILED_LOOKUPS} failures every
 * further check answers {@link Holding#UNKNOWN} at once, so a status endpoint that is down
 * costs a few requests, not one retry series per record.
 */
final class Reconciliation {

    /** Failed lookups (each already retried by the transport) after which a run stops asking. */
    static final int MAX_FAILED_LOOKUPS = 3;

    /** What PARS holds of a record, as far as status lookups tell. */
    enum Holding {
        /** PARS holds it (accepted or pending) for the record's activity and date. */
        HELD,
        /** PARS has no such record: it is safe to send. */
        ABSENT,
        /** PARS holds it as rejected. */
        REFUSED,
        /** The lookup failed or the run stopped asking: the record may or may not be in PARS. */
        UNKNOWN
    }

    /** A check's answer; {@code rawStatus} is PARS's status text for {@link Holding#REFUSED}. */
    record Check(Holding holding, String rawStatus) {
        static final Check UNKNOWN = new Check(Holding.UNKNOWN, "");
    }

    private final Function<String, List<CreditStatus>> status;
    private final Executor workers;
    private final int parallelism;
    private final Map<String, List<CreditStatus>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger asked = new AtomicInteger();

    /**
     * @param status one status lookup by CreditID (throws {@link ParsException} when it fails)
     * @param workers where concurrent lookups run
     * @param parallelism lookups started at once for one batch of records
     */
    Reconciliation(Function<String, List<CreditStatus>> status, Executor workers, int parallelism) {
        this.status = status;
        this.workers = workers;
        this.parallelism = parallelism;
    }

    /** Lookups sent to PARS so far in this run. */
    int asked() {
        return asked.get();
    }

    /**
     * For records whose send had an unknown outcome: looks up each record's first credit line.
     * HELD, REFUSED (PARS rejected it), ABSENT (safe to resend) or UNKNOWN.
     */
    List<Check> firstLine(List<LearnerCompletion> records) {
        return each(records, c -> {
            Optional<List<CreditStatus>> s = lookup(CreditIds.all(c).get(0));
            if (s.isEmpty()) {
                return Check.UNKNOWN;
            }
            if (holds(c, s.get())) {
                return new Check(Holding.HELD, "");
            }
            return s.get().stream()
                    .filter(x -> x.state() == CreditStatus.State.REJECTED)
                    .findFirst()
                    .map(x -> new Check(Holding.REFUSED, x.rawStatus()))
                    .orElse(new Check(Holding.ABSENT, ""));
        });
    }

    /** Whether PARS holds every credit line of each record: HELD, ABSENT (some line missing) or UNKNOWN. */
    List<Check> allLines(List<LearnerCompletion> records) {
        return each(records, c -> {
            for (String creditId : CreditIds.all(c)) {
                Optional<List<CreditStatus>> s = lookup(creditId);
                if (s.isEmpty()) {
                    return Check.UNKNOWN;
                }
                if (!holds(c, s.get())) {
                    return new Check(Holding.ABSENT, "");
                }
            }
            return new Check(Holding.HELD, "");
        });
    }

    /** Forgets what was learnt about {@code record}: it is about to be sent again. */
    void sendingAgain(LearnerCompletion record) {
        for (String id : CreditIds.all(record)) {
            answers.remove(id);
        }
    }

    private List<Check> each(List<LearnerCompletion> records, Function<LearnerCompletion, Check> check) {
        List<Check> out = new ArrayList<>(records.size());
        if (parallelism <= 1 || records.size() <= 1) {
            for (LearnerCompletion c : records) {
                out.add(check.apply(c));
            }
            return out;
        }
        // Fan out in waves of `parallelism`, so a long list never parks more threads than that.
        for (int from = 0; from < records.size(); from += parallelism) {
            List<CompletableFuture<Check>> wave = new ArrayList<>(parallelism);
            for (LearnerCompletion c : records.subList(from, Math.min(records.size(), from + parallelism))) {
                CompletableFuture<Check> f;
                try {
                    f = CompletableFuture.supplyAsync(() -> check.apply(c), workers);
                } catch (RejectedExecutionException e) {
                    f = CompletableFuture.completedFuture(check.apply(c));
                }
                wave.add(f);
            }
            for (CompletableFuture<Check> f : wave) {
                out.add(f.join());
            }
        }
        return out;
    }

    /** The statuses of one CreditID; empty when the lookup failed or the run stopped asking. */
    private Optional<List<CreditStatus>> lookup(String creditId) {
        List<CreditStatus> known = answers.get(creditId);
        if (known != null) {
            return Optional.of(known);
        }
        if (failures.get() >= MAX_FAILED_LOOKUPS) {
            return Optional.empty();
        }
        asked.incrementAndGet();
        try {
            List<CreditStatus> s = status.apply(creditId);
            answers.put(creditId, s);
            return Optional.of(s);
        } catch (ParsException e) {
            failures.incrementAndGet();
            return Optional.empty();
        }
    }

    /**
     * Whether the statuses of one CreditID show PARS holding it (accepted or pending) for the
     * completion's activity and date, as far as PARS echoes them. (Status carries no credit
     * amounts: a corrected amount under the same key needs a delete, then an add.)
     */
    static boolean holds(LearnerCompletion c, List<CreditStatus> statuses) {
        return statuses.stream()
                .anyMatch(s -> (s.state() == CreditStatus.State.ACCEPTED || s.state() == CreditStatus.State.PENDING)
                        && s.completionDate().map(c.completionDate()::equals).orElse(true)
                        && s.accmeActivityId()
                                .map(id -> c.activity()
                                        .accmeActivityId()
                                        .map(id::equals)
                                        .orElse(true))
                                .orElse(true));
    }
}
