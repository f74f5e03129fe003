/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.internal.PeerCodec;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.BoardReason;
import org.parsjava.core.model.Learner;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.validation.ReportingWindow;
import org.parsjava.testkit.Fault;
import org.parsjava.testkit.SeenRequest;
import org.parsjava.testkit.StoredCredit;

/**
 * What a simulated PARS holds and how it is set up: activities, credit lines, learners, board
 * decisions and the physicians' registry, guarded by {@link #lock}; faults queued per operation;
 * the request log (guarded by itself). Bounded collections forget their oldest entries past
 * {@link #retained}, so memory stays flat on any volume.
 */
public final class SimulatorState {

    /** The provider, user and password accepted. */
    public final String providerId;

    final String user;
    final String password;
    final Clock clock;
    final ReportingWindow window;
    /** The endpoints served. */
    public final ParsEndpoints endpoints;
    /** The wire format spoken. */
    public final ParsCodec codec;

    final PeerCodec peer;
    /** Guards everything PARS holds. */
    public final Object lock = new Object();
    /** Activities by ACCME Activity ID. */
    public final Map<String, Activity> activities = new LinkedHashMap<>();
    /** Credit lines by CreditID, in the order stored. */
    public final Map<String, StoredCredit> credits;

    final Map<String, String> learnerDays;
    /** Board decisions set by tests, by CreditID; they win over the rules below. */
    public final Map<String, BoardDecision> decisions = new HashMap<>();
    /** Diplomates a board rejects, by board code and ID, with the reason it gives. */
    public final Map<String, BoardReason> boardRejections = new HashMap<>();
    /** When each credit line was stored, by CreditID (for the board's review time). */
    final Map<String, java.time.Instant> storedAt;
    /** How long a board takes to decide on a MOC line; zero decides at once. */
    public final java.time.Duration boardReviewTime;
    /** The registry learner match searches. */
    public final List<Learner> physicians = new ArrayList<>();

    final Map<String, Person> people;
    /** Faults queued per operation (guarded by {@link #lock}). */
    public final Map<Operation, Deque<Fault>> faults = new EnumMap<>(Operation.class);
    /** The most recent requests (guarded by itself). */
    public final Deque<SeenRequest> requests = new ArrayDeque<>();
    /** How many credit lines and requests are remembered at most. */
    public final int retained;
    /**
     * A deviation from the REST draft as read: a refused document's 400 carries a verdict per
     * refused report instead of one fault.
     */
    public final boolean restRefusalsPerRecord;
    /** The boards PARS knows and their rules. */
    public final RulesCatalogue rules;
    /** Records sent again whose CreditID was already held (each refused as a duplicate). */
    public final AtomicInteger heldResent = new AtomicInteger();
    /** The most requests handled at one moment. */
    public final AtomicInteger mostInFlight = new AtomicInteger();

    private int nextActivityId = 200_000_001;

    /** A state with these settings. */
    public SimulatorState(
            String providerId,
            String user,
            String password,
            Clock clock,
            ReportingWindow window,
            ParsEndpoints endpoints,
            ParsCodec codec,
            int retained,
            boolean restRefusalsPerRecord,
            RulesCatalogue rules,
            java.time.Duration boardReviewTime) {
        this.providerId = providerId;
        this.user = user;
        this.password = password;
        this.clock = clock;
        this.window = window;
        this.endpoints = endpoints;
        this.codec = codec;
        this.peer = PeerCodec.of(codec);
        this.retained = retained;
        this.restRefusalsPerRecord = restRefusalsPerRecord;
        this.rules = rules;
        this.boardReviewTime = boardReviewTime;
        this.storedAt = bounded(retained);
        this.credits = bounded(retained);
        this.learnerDays = bounded(retained);
        this.people = bounded(retained);
    }

    /** Insertion-ordered, forgetting the oldest entry past {@code max}. */
    private static <K, V> Map<K, V> bounded(int max) {
        return new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /** The ACCME Activity ID the next new activity gets; call under {@link #lock}. */
    int nextActivityId() {
        return nextActivityId++;
    }

    /** Forgets activities, credits, physicians, faults and requests. */
    public void reset() {
        synchronized (lock) {
            activities.clear();
            credits.clear();
            learnerDays.clear();
            people.clear();
            decisions.clear();
            boardRejections.clear();
            storedAt.clear();
            physicians.clear();
            faults.clear();
        }
        synchronized (requests) {
            requests.clear();
        }
        mostInFlight.set(0);
    }
}
