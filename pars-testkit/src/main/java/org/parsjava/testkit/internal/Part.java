/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.MockResponse;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsFault;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.codec.internal.PeerCodec;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.validation.ReportingWindow;
import org.parsjava.testkit.StoredCredit;

/**
 * What every part of the simulator shares: its settings and PARS's state (guarded by
 * {@link #lock}), and how answers are written.
 */
abstract class Part {

    final SimulatorState state;
    final String providerId;
    final Clock clock;
    final ReportingWindow window;
    final ParsEndpoints endpoints;
    final ParsCodec codec;
    final PeerCodec peer;
    final Object lock;
    final Map<String, Activity> activities;
    final Map<String, StoredCredit> credits;
    final Map<String, String> learnerDays;
    final Map<String, BoardDecision> decisions;
    final List<Learner> physicians;
    final Map<String, Person> people;

    Part(SimulatorState state) {
        this.state = state;
        this.providerId = state.providerId;
        this.clock = state.clock;
        this.window = state.window;
        this.endpoints = state.endpoints;
        this.codec = state.codec;
        this.peer = state.peer;
        this.lock = state.lock;
        this.activities = state.activities;
        this.credits = state.credits;
        this.learnerDays = state.learnerDays;
        this.decisions = state.decisions;
        this.physicians = state.physicians;
        this.people = state.people;
    }

    /** The status a successful answer to {@code op} carries: the endpoint's first success status. */
    int success(Operation op) {
        Set<Integer> statuses = endpoints.endpoint(op).successStatuses();
        return statuses.isEmpty()
                ? 200
                : statuses.contains(201) ? 201 : statuses.iterator().next();
    }

    MockResponse fault(int status, String code, String message) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", codec.mediaType())
                .body(text(peer.encodeFault(new ParsFault(Optional.of(code), message))))
                .build();
    }

    MockResponse ok(int status, byte[] body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", codec.mediaType())
                .body(text(body))
                .build();
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static String[] err(String code, String field, String message) {
        return new String[] {code, field, message};
    }

    /**
     * What PARS shows of a held line: a decision set by a test; else, for a MOC line, pending
     * until the board's review time has passed, then rejected for a diplomate the board rejects
     * (with its reason), accepted otherwise. CME lines are accepted.
     */
    CreditStatus statusOf(StoredCredit c) {
        BoardDecision d = decisions.get(c.creditId());
        if (d == null) {
            d = boardDecision(c);
        }
        String text = d.state().name().charAt(0) + d.state().name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return new CreditStatus(
                c.creditId(),
                Optional.of(c.accmeActivityId()),
                Optional.of(c.completionDate()),
                d.state(),
                text,
                d.reason());
    }

    private BoardDecision boardDecision(StoredCredit c) {
        BoardDecision accepted = new BoardDecision(CreditStatus.State.ACCEPTED, Optional.empty());
        if (c.mocType().isEmpty()) {
            return accepted;
        }
        java.time.Instant at = state.storedAt.get(c.creditId());
        if (at != null && clock.instant().isBefore(at.plus(state.boardReviewTime))) {
            return new BoardDecision(CreditStatus.State.PENDING, Optional.empty());
        }
        org.parsjava.core.model.Board board = c.mocType().get().board();
        Person p = people.get(c.learnerKey());
        if (p == null) {
            return accepted;
        }
        return p.id(board.acronym())
                .map(id -> state.boardRejections.get(board.code() + "|" + id))
                .map(reason -> new BoardDecision(CreditStatus.State.REJECTED, Optional.of(reason)))
                .orElse(accepted);
    }

    /** The credits of every learner holding {@code learnerId} as one of their identifiers. */
    List<StoredCredit> creditsOf(java.util.function.Predicate<Person> who) {
        List<StoredCredit> out = new ArrayList<>();
        for (StoredCredit c : credits.values()) {
            Person p = people.get(c.learnerKey());
            if (p != null && who.test(p)) {
                out.add(c);
            }
        }
        return out;
    }

    /** An identifier as part of a learner key: {@code DOMAIN:value}. */
    static String keyOf(LearnerReportRecord.Identifier id) {
        return id.domain().toUpperCase(java.util.Locale.ROOT) + ":" + id.value();
    }
}
