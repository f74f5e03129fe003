/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.parsjava.ledger.internal.Claimed;
import org.parsjava.ledger.internal.Lease;
import org.parsjava.ledger.internal.LedgerStore;
import org.parsjava.ledger.internal.Outcome;
import org.parsjava.ledger.internal.Sender;
import org.parsjava.ledger.internal.StatusSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger's sending loop and its board-status loop: claims due entries batch by batch and
 * sends them, two batches in flight at once, and stores each batch's outcomes, in order, on one
 * settling thread while later batches are claimed and sent.
 */
final class Draining {

    private static final Logger LOG = LoggerFactory.getLogger(Draining.class);

    private final LedgerStore store;
    private final Sender sender;
    private final StatusSync statusSync;
    private final Clock clock;
    private final int batchSize;
    private final String node;
    private final Duration lease;
    /** Sends drain steps, two of a drain at a time. */
    private final ExecutorService sending = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pars-ledger-send");
        t.setDaemon(true);
        return t;
    });
    /** Stores a drain's outcomes, one batch at a time and in order, while later batches are sent. */
    private final ExecutorService settler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pars-ledger-settle");
        t.setDaemon(true);
        return t;
    });

    Draining(
            LedgerStore store,
            Sender sender,
            StatusSync statusSync,
            Clock clock,
            int batchSize,
            String node,
            Duration lease) {
        this.store = store;
        this.sender = sender;
        this.statusSync = statusSync;
        this.clock = clock;
        this.batchSize = batchSize;
        this.node = node;
        this.lease = lease;
    }

    DrainSummary drain(DrainListener listener) {
        return drain(listener, List.of(), null, () -> {});
    }

    /**
     * A hold on entries from {@code now} (to the millisecond, as both databases keep it, so a
     * release can tell it from a later claim), for as long as a claim's lease.
     */
    Lease lease(Instant now) {
        Instant since = now.truncatedTo(ChronoUnit.MILLIS);
        return new Lease(node, since.plus(lease), since);
    }

    /**
     * Drains, sending {@code leased} (stored held by {@code held}, most urgent first) before
     * claiming anything, even entries due earlier, after running {@code first}. Those not sent
     * once half the lease has passed, or when the drain fails (an exception or an error: none of
     * them was handed to PARS), are released for any drain; an entry another drain claimed since
     * (its lease ended) is left to it.
     */
    DrainSummary drain(DrainListener listener, List<Claimed> leased, Lease held, Runnable first) {
        DrainSummary total = DrainSummary.EMPTY;
        int next = 0; // the first of the leased entries not yet sent
        int perBatch = store.claims().limit(batchSize);
        // Two steps travel at once: a step's requests leave while the last answers of the step
        // before arrive, so the lanes its quicker requests free (a request whose records PARS
        // refused waits for status lookups too) do not stand idle. Outcomes are stored in the
        // steps' order on one settling thread while later steps are sent; the entries stay
        // leased meanwhile, so nothing is taken twice.
        Deque<InFlight> inFlight = new ArrayDeque<>(2);
        Future<?> settling = null;
        boolean nothingDue = false; // whether the last look found nothing to send
        try {
            first.run();
            while (true) {
                if (nothingDue && inFlight.isEmpty()) {
                    if (settling == null) {
                        return total;
                    }
                    // The step being settled may make more due (a correction's new content once
                    // the old record is deleted): look again once it is stored.
                    finish(settling);
                    settling = null;
                }
                List<Claimed> batch;
                if (next < leased.size()
                        && clock.instant().isBefore(held.since().plus(lease.dividedBy(2)))) {
                    batch = leased.subList(next, Math.min(leased.size(), next + perBatch));
                    next += batch.size();
                } else {
                    next = release(leased, next, held);
                    batch = store.claims().sends(batchSize, clock.instant(), node, lease);
                }
                nothingDue = batch.isEmpty();
                if (!nothingDue) {
                    List<Claimed> taken = batch;
                    inFlight.addLast(new InFlight(taken, sending.submit(() -> sender.send(taken, clock.instant()))));
                    if (inFlight.size() < 2) {
                        continue; // take up the next step before waiting for any answer
                    }
                }
                if (inFlight.isEmpty()) {
                    continue;
                }
                InFlight oldest = inFlight.removeFirst();
                Sender.Step step = join(oldest.step(), "sending a drain step");
                finish(settling);
                settling = null;
                Runnable settle = settlement(oldest.batch(), step, listener);
                if (step.refused() != null) {
                    settle.run();
                    throw step.refused();
                }
                settling = settler.submit(settle);
                total = total.plus(step.summary());
            }
        } catch (RuntimeException | Error e) {
            try {
                release(leased, next, held);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            settleRemaining(inFlight, settling, listener, e);
            settling = null;
            throw e;
        } finally {
            finish(settling);
        }
    }

    /** A step handed to the sending threads: its claimed entries and what the send comes to. */
    private record InFlight(List<Claimed> batch, Future<Sender.Step> step) {}

    /** Storing what a step came to, then telling {@code listener} (when there is one). */
    private Runnable settlement(List<Claimed> batch, Sender.Step step, DrainListener listener) {
        Map<Long, Claimed> claims = byId(batch);
        return () -> {
            List<LedgerEntry> settled =
                    store.settlements().settle(step.outcomes(), claims, clock.instant(), listener != null);
            if (listener != null) {
                notify(step.outcomes(), settled, listener);
            }
        };
    }

    /**
     * After a failed drain: waits for the steps still being sent and stores what they came to, so
     * no send outlives the drain (unless the drain's thread was interrupted: then a step still out
     * finishes on its own). A step that failed, was not waited for or cannot be stored leaves its
     * entries leased and marked as being sent, to be looked up in PARS before they are sent again.
     * Failures are added to {@code failure}.
     */
    private void settleRemaining(
            Deque<InFlight> inFlight, Future<?> settling, DrainListener listener, Throwable failure) {
        try {
            finish(settling);
        } catch (RuntimeException | Error again) {
            suppress(failure, again);
        }
        for (InFlight f : inFlight) {
            try {
                settlement(f.batch(), join(f.step(), "sending a drain step"), listener)
                        .run();
            } catch (RuntimeException | Error again) {
                suppress(failure, again);
            }
        }
        inFlight.clear();
    }

    /** Releases the leased entries from {@code from} on, as far as still {@code held}; returns the end of the list. */
    private int release(List<Claimed> leased, int from, Lease held) {
        if (from < leased.size()) {
            store.claims()
                    .release(
                            leased.subList(from, leased.size()).stream()
                                    .map(Claimed::id)
                                    .toList(),
                            held);
        }
        return leased.size();
    }

    /** Adds {@code again} to {@code failure}, unless it is the same failure met twice. */
    private static void suppress(Throwable failure, Throwable again) {
        if (again != failure) {
            failure.addSuppressed(again);
        }
    }

    /** Waits for a settlement, rethrowing its failure as it was. */
    private static void finish(Future<?> settling) {
        if (settling != null) {
            join(settling, "storing a drain's outcomes");
        }
    }

    /** What {@code work} came to, its failure rethrown as it was; {@code what} names it otherwise. */
    private static <T> T join(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while the ledger was " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new LedgerException("the ledger failed " + what, e.getCause());
        }
    }

    private static Map<Long, Claimed> byId(List<Claimed> batch) {
        Map<Long, Claimed> out = new HashMap<>();
        batch.forEach(c -> out.put(c.id(), c));
        return out;
    }

    /** Tells {@code listener} of each entry {@code outcomes} settled, as stored ({@code settled}, in their order). */
    private static void notify(List<Outcome> outcomes, List<LedgerEntry> settled, DrainListener listener) {
        for (int k = 0; k < outcomes.size(); k++) {
            LedgerEntry e = settled.get(k);
            if (e == null) {
                continue; // nothing to tell (not read, or not found where it was settled)
            }
            try {
                listener.settled(e, outcomes.get(k).alreadyHeld());
            } catch (RuntimeException ex) {
                LOG.warn("PARS ledger drain listener failed: {}", ex.getClass().getName());
            }
        }
    }

    int syncStatuses(DrainListener listener) {
        int checked = 0;
        while (true) {
            List<Claimed> batch = store.claims().statusChecks(batchSize, clock.instant(), node, lease);
            if (batch.isEmpty()) {
                return checked;
            }
            Instant now = clock.instant();
            List<Outcome> outcomes = new ArrayList<>(batch.size());
            for (Claimed c : batch) {
                outcomes.add(statusSync.check(c, now));
            }
            Map<Long, Claimed> claims = byId(batch);
            List<LedgerEntry> settled = store.settlements().settle(outcomes, claims, now, listener != null);
            if (listener != null) {
                List<LedgerEntry> decided = new ArrayList<>(settled);
                for (int k = 0; k < outcomes.size(); k++) {
                    EntryState to = outcomes.get(k).to();
                    if (to != EntryState.BOARD_ACCEPTED && to != EntryState.BOARD_REJECTED) {
                        decided.set(k, null); // only the boards' decisions are told
                    }
                }
                notify(outcomes, decided, listener);
            }
            checked += batch.size();
        }
    }

    void close() {
        sending.shutdown();
        settler.shutdown();
    }
}
