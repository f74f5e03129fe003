/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.testkit.Fault;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.SeenRequest;
import org.parsjava.testkit.StoredCredit;

/**
 * The ledger's behaviour, run the same on every database it supports: H2 (the embedded
 * default) and PostgreSQL (a real server the tests start).
 */
abstract class LedgerContractTest {

    static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    static final LedgerKey KEY = LedgerKey.generate();

    /** A fresh, empty database for each test. */
    abstract DataSource dataSource();

    /** The database {@link #dataSource()} is. */
    abstract LedgerDatabase database();

    final MutableClock clock = new MutableClock(
            LocalDateTime.of(2026, 6, 15, 12, 0).atZone(CENTRAL).toInstant(), CENTRAL);
    ParsSimulator sim;
    ParsClient client;
    ReportingLedger ledger;

    @BeforeEach
    void start() {
        sim = ParsSimulator.builder().clock(clock).build().start();
        sim.addActivity(Fixtures.activity());
        client = clientBuilder().build();
        ledger = ledger("node-a", client);
    }

    ParsClient.Builder clientBuilder() {
        return sim.clientBuilder().sleeper(d -> {});
    }

    ReportingLedger ledger(String node, ParsClient c) {
        return ReportingLedger.builder()
                .dataSource(dataSource())
                .client(c)
                .key(KEY)
                .clock(clock)
                .nodeName(node)
                .batchSize(50)
                .build();
    }

    @AfterEach
    void stop() throws SQLException {
        client.close();
        sim.close();
        try (Connection c = dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.executeUpdate("delete from pars_ledger_transition");
            st.executeUpdate("delete from pars_ledger_run_mark");
            st.executeUpdate("delete from pars_ledger_entry");
            st.executeUpdate("delete from pars_scheduled_tasks");
            st.executeUpdate("delete from pars_ledger_binding");
        }
    }

    static List<LearnerCompletion> completions(int n, boolean moc) {
        List<LearnerCompletion> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // One learner per completion (identified by license), so PARS sees no duplicates.
            LearnerCompletion.Builder b = Fixtures.completion().toBuilder()
                    .completionKey("k-" + i)
                    .learner(org.parsjava.core.model.Learner.builder()
                            .firstName("Jane")
                            .lastName("Sample")
                            .birthDate(2, 28)
                            .license(LicensingJurisdiction.NY, "N" + (1000 + i))
                            .boardId(org.parsjava.core.model.Board.ABIM, String.format("%06d", i))
                            .build())
                    .completionDate(LocalDate.of(2026, 2, 1).plusDays(i % 120));
            if (!moc) {
                b.clearMocCredits();
            }
            list.add(b.build());
        }
        return list;
    }

    private EntryState state(LearnerCompletion c) {
        return ledger.entry(c.activity().providerId(), c.completionKey())
                .orElseThrow()
                .state();
    }

    private int recordsPosted() {
        return sim.requests(Operation.SAVE_LEARNER_ACTIVITY).stream()
                .mapToInt(SeenRequest::records)
                .sum();
    }

    @Test
    void recordingTheSameCompletionTwiceChangesNothingAndAChangeBeforeSendingReplacesIt() {
        LearnerCompletion c = completions(1, false).get(0);
        assertEquals(new Recording(Recording.Change.NEW, EntryState.PENDING), ledger.record(c));
        assertEquals(new Recording(Recording.Change.UNCHANGED, EntryState.PENDING), ledger.record(c));
        LearnerCompletion changed = c.toBuilder().cmeCredits("1.25").build();
        assertEquals(new Recording(Recording.Change.REPLACED, EntryState.PENDING), ledger.record(changed));
        assertEquals(1, ledger.counts().get(EntryState.PENDING));
        ledger.drain();
        assertEquals(0, sim.credits().get(0).credits().compareTo(new java.math.BigDecimal("1.25")));
    }

    @Test
    void threadsRecordingTheSameNewCompletionAtOnceMakeOneEntry() {
        LearnerCompletion c = completions(1, false).get(0);
        List<CompletableFuture<Recording>> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(CompletableFuture.supplyAsync(() -> ledger.record(c)));
        }
        List<Recording.Change> changes =
                all.stream().map(f -> f.join().change()).toList();
        assertEquals(1, changes.stream().filter(x -> x == Recording.Change.NEW).count(), changes.toString());
        assertEquals(1L, ledger.counts().get(EntryState.PENDING));
    }

    @Test
    void aCompletionGoesFromPendingToAcceptedAndItsMocLinesWaitForTheBoard() {
        List<LearnerCompletion> cme = completions(3, false);
        LearnerCompletion moc = completions(4, true).get(3);
        cme.forEach(ledger::record);
        ledger.record(moc, "line 5");
        DrainSummary s = ledger.drain();
        assertEquals(new DrainSummary(4, 4, 0, 0, 0, 0, 0, 0), s);
        cme.forEach(c -> assertEquals(EntryState.ACCEPTED, state(c)));
        assertEquals(EntryState.AWAITING_BOARD, state(moc));
        assertEquals(
                java.util.Optional.of("line 5"),
                ledger.entry(moc.activity().providerId(), moc.completionKey())
                        .orElseThrow()
                        .reference());
        // The board rejects the MOC line: a row to fix, once its status check is due.
        String mocLine = CreditIds.all(moc).get(1);
        sim.boardRejects(mocLine, org.parsjava.core.model.BoardReason.LEARNER_NOT_MATCHED);
        assertEquals(0, ledger.syncStatuses(), "not due yet");
        clock.advance(Duration.ofHours(2));
        assertEquals(1, ledger.syncStatuses());
        assertEquals(EntryState.BOARD_REJECTED, state(moc));
        assertEquals(
                List.of(moc.completionKey()),
                ledger.rowsToFix(10).stream().map(LedgerEntry::completionKey).toList());
        // The board's reason, as PARS shows it, becomes a code and what to do, in plain words.
        EntryProblem why = ledger.entry(moc.activity().providerId(), moc.completionKey())
                .orElseThrow()
                .problems()
                .get(0);
        assertEquals("BOARD_LEARNER_NOT_MATCHED", why.code());
        assertTrue(
                why.message().contains("found no diplomate")
                        && why.message().contains("What to do: check the board ID"),
                why.message());
        List<Transition> history = ledger.history(moc.activity().providerId(), moc.completionKey());
        assertEquals(
                List.of(EntryState.PENDING, EntryState.AWAITING_BOARD, EntryState.BOARD_REJECTED),
                history.stream().map(Transition::to).toList());
        assertTrue(history.get(2).at().isAfter(history.get(1).at()), "every transition timestamped");
    }

    @Test
    void aBoardThatIsStillDecidingIsAskedAgainLaterAndItsAcceptanceSettlesTheEntry() {
        LearnerCompletion moc = completions(1, true).get(0);
        ledger.record(moc);
        ledger.drain();
        String mocLine = CreditIds.all(moc).get(1);
        sim.boardDecision(mocLine, CreditStatus.State.PENDING);
        clock.advance(Duration.ofHours(2));
        assertEquals(1, ledger.syncStatuses());
        assertEquals(EntryState.AWAITING_BOARD, state(moc));
        assertEquals(0, ledger.syncStatuses(), "backed off: not asked again at once");
        sim.boardDecision(mocLine, CreditStatus.State.ACCEPTED);
        clock.advance(Duration.ofHours(5));
        assertEquals(1, ledger.syncStatuses());
        assertEquals(EntryState.BOARD_ACCEPTED, state(moc));
    }

    @Test
    void byDefaultABoardIsAskedAfterAnHourThenAtDoublingWaitsUpToSevenDays() {
        LearnerCompletion moc = completions(1, true).get(0);
        ledger.record(moc);
        ledger.drain();
        sim.boardDecision(CreditIds.all(moc).get(1), CreditStatus.State.PENDING);
        for (long hours : new long[] {1, 2, 4, 8, 16, 32, 64, 128, 168, 168}) {
            clock.advance(Duration.ofHours(hours).minusMinutes(1));
            assertEquals(0, ledger.syncStatuses(), "not before " + hours + " h");
            clock.advance(Duration.ofMinutes(2));
            assertEquals(1, ledger.syncStatuses(), "asked after " + hours + " h");
            assertEquals(EntryState.AWAITING_BOARD, state(moc));
        }
    }

    @Test
    void byDefaultAFailedSendWaitsDoublingFromOneMinuteUpToSixHours() {
        LearnerCompletion c = completions(1, false).get(0);
        ledger.record(c);
        for (long minutes : new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360}) {
            for (int i = 0; i < 4; i++) { // every try of one send
                sim.inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503));
            }
            assertEquals(1, ledger.drain().retrying());
            assertEquals(
                    java.util.Optional.of(clock.instant().plus(Duration.ofMinutes(minutes))),
                    ledger.entry("0001234", c.completionKey()).orElseThrow().nextAttemptAt());
            clock.advance(Duration.ofMinutes(minutes));
        }
        assertEquals(1, ledger.drain().accepted());
    }

    @Test
    void invalidAndRejectedCompletionsAreRowsToFixWithTheirCodes() {
        LearnerCompletion invalid = completions(1, false).get(0).toBuilder()
                .completionKey("bad")
                .consent(false)
                .build();
        assertEquals(EntryState.INVALID, ledger.record(invalid).state());
        LearnerCompletion refused = completions(2, false).get(1).toBuilder()
                .completionKey("refused")
                .activity(Fixtures.activity().toBuilder()
                        .accmeActivityId("299999999")
                        .build())
                .build();
        ledger.record(refused);
        DrainSummary s = ledger.drain();
        assertEquals(1, s.rejected());
        LedgerEntry r = ledger.entry("0001234", "refused").orElseThrow();
        assertEquals(EntryState.REJECTED, r.state());
        assertEquals(java.util.Optional.of("ACTIVITY_NOT_FOUND"), r.parsCode());
        LedgerEntry i = ledger.entry("0001234", "bad").orElseThrow();
        assertEquals(java.util.Optional.of("CONSENT_MISSING"), i.parsCode());
        assertEquals(2, ledger.rowsToFix(10).size());
    }

    @Test
    void aFailedSendIsRetriedWhenItsTimeComesNotBefore() {
        sim.inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503))
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503))
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503))
                .inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503));
        LearnerCompletion c = completions(1, false).get(0);
        ledger.record(c);
        DrainSummary s = ledger.drain();
        assertEquals(1, s.retrying());
        LedgerEntry e = ledger.entry("0001234", c.completionKey()).orElseThrow();
        assertEquals(EntryState.RETRYING, e.state());
        assertEquals(1, e.attempts());
        assertEquals(java.util.Optional.of(clock.instant().plus(Duration.ofMinutes(1))), e.nextAttemptAt());
        assertEquals(DrainSummary.EMPTY, ledger.drain(), "not due yet");
        // Fails again: the wait doubles.
        for (int i = 0; i < 4; i++) {
            sim.inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503));
        }
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, ledger.drain().retrying());
        assertEquals(
                java.util.Optional.of(clock.instant().plus(Duration.ofMinutes(2))),
                ledger.entry("0001234", c.completionKey()).orElseThrow().nextAttemptAt());
        clock.advance(Duration.ofMinutes(3));
        assertEquals(1, ledger.drain().accepted());
        assertEquals(EntryState.ACCEPTED, state(c));
    }

    @Test
    void sendNowBringsARetrysNextAttemptForwardAndLeavesOtherStatesAlone() {
        for (int i = 0; i < 4; i++) {
            sim.inject(Operation.SAVE_LEARNER_ACTIVITY, Fault.serverError(503));
        }
        LearnerCompletion c = completions(1, false).get(0);
        ledger.record(c);
        assertEquals(1, ledger.drain().retrying());
        assertEquals(DrainSummary.EMPTY, ledger.drain(), "not due yet");
        assertEquals(java.util.Optional.of(EntryState.RETRYING), ledger.sendNow("0001234", c.completionKey()));
        assertEquals(1, ledger.drain().accepted(), "due at once");
        assertEquals(EntryState.ACCEPTED, state(c));
        assertEquals(java.util.Optional.of(EntryState.ACCEPTED), ledger.sendNow("0001234", c.completionKey()));
        assertEquals(DrainSummary.EMPTY, ledger.drain(), "an accepted entry is not sent again");
        assertEquals(java.util.Optional.empty(), ledger.sendNow("0001234", "nobody"));
    }

    @Test
    void aChangeAfterPARSAcceptedItDeletesTheOldRecordThenSendsTheNewOne() {
        LearnerCompletion c = completions(1, false).get(0);
        ledger.record(c);
        ledger.drain();
        LearnerCompletion corrected = c.toBuilder().cmeCredits("0.5").build();
        assertEquals(new Recording(Recording.Change.CORRECTION, EntryState.CORRECTING), ledger.record(corrected));
        ledger.drain();
        assertEquals(EntryState.ACCEPTED, state(c));
        List<StoredCredit> held = sim.credits();
        assertEquals(1, held.size());
        assertEquals(0, held.get(0).credits().compareTo(new java.math.BigDecimal("0.5")));
        assertEquals(
                List.of(
                        EntryState.PENDING,
                        EntryState.ACCEPTED,
                        EntryState.CORRECTING,
                        EntryState.PENDING,
                        EntryState.ACCEPTED),
                ledger.history("0001234", c.completionKey()).stream()
                        .map(Transition::to)
                        .toList());
    }

    @Test
    void aChangeRecordedWhileTheOldContentIsBeingSentIsNotLost() {
        LearnerCompletion c = completions(1, false).get(0);
        LearnerCompletion changed = c.toBuilder().cmeCredits("0.75").build();
        AtomicBoolean once = new AtomicBoolean(true);
        List<EntryState> told = new ArrayList<>();
        OkHttpClient meanwhile = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    okhttp3.Response r = chain.proceed(chain.request());
                    if (once.getAndSet(false)) {
                        ledger.record(changed); // the LMS corrects the completion while its first version is in flight
                    }
                    return r;
                })
                .build();
        try (ParsClient racing = clientBuilder().okHttpClient(meanwhile).build()) {
            ReportingLedger node = ledger("node-b", racing);
            node.record(c);
            node.drain((e, held) -> told.add(e.state()));
        }
        assertEquals(EntryState.ACCEPTED, state(c), "the old record was deleted and the new one sent");
        // The first send's settlement finds the change (the old record to delete first), the delete
        // leaves the change to send, then PARS accepts it.
        assertEquals(
                List.of(EntryState.CORRECTING, EntryState.PENDING, EntryState.ACCEPTED),
                told,
                "the listener is told each step as it was stored");
        List<StoredCredit> held = sim.credits();
        assertEquals(1, held.size());
        assertEquals(0, held.get(0).credits().compareTo(new java.math.BigDecimal("0.75")), "PARS holds the change");
        assertTrue(ledger.history("0001234", c.completionKey()).stream()
                .anyMatch(t -> t.note().contains("changed while it was being sent")));
    }

    @Test
    void aWithdrawnCompletionIsDeletedFromPARSOrNeverSent() {
        List<LearnerCompletion> cs = completions(2, false);
        ledger.record(cs.get(0));
        ledger.drain();
        ledger.record(cs.get(1));
        assertEquals(
                java.util.Optional.of(EntryState.WITHDRAWING),
                ledger.withdraw("0001234", cs.get(0).completionKey()));
        assertEquals(
                java.util.Optional.of(EntryState.WITHDRAWN),
                ledger.withdraw("0001234", cs.get(1).completionKey()));
        assertEquals(java.util.Optional.empty(), ledger.withdraw("0001234", "nobody"));
        DrainSummary s = ledger.drain();
        assertEquals(1, s.withdrawn());
        assertEquals(EntryState.WITHDRAWN, state(cs.get(0)));
        assertTrue(sim.credits().isEmpty(), "deleted from PARS");
        assertEquals(2, recordsPosted(), "the first added, then deleted; the second never sent");
    }

    @Test
    void recordJoinsTheCallersTransaction() throws SQLException {
        List<LearnerCompletion> cs = completions(2, false);
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            ledger.record(c, cs.get(0), null);
            c.rollback();
            ledger.record(c, cs.get(1), null);
            c.commit();
        }
        assertTrue(ledger.entry("0001234", cs.get(0).completionKey()).isEmpty(), "rolled back with the caller");
        assertTrue(ledger.entry("0001234", cs.get(1).completionKey()).isPresent(), "committed with the caller");
        try (Connection c = dataSource().getConnection()) {
            assertThrows(IllegalArgumentException.class, () -> ledger.record(c, cs.get(0), null));
        }
    }

    @Test
    void learnerDataIsStoredEncryptedAndAnotherKeyCannotOpenIt() throws SQLException {
        LearnerCompletion c = completions(1, true).get(0);
        ledger.record(c);
        try (Connection conn = dataSource().getConnection();
                Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select * from pars_ledger_entry")) {
            assertTrue(rs.next());
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object v = rs.getObject(i);
                row.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v))
                        .append('|');
            }
            for (String pii : new String[] {"Jane", "Sample", "N1000", "000000", "02-28"}) {
                assertFalse(row.toString().contains(pii), () -> pii + " stored in clear");
            }
        }
        LedgerException e = assertThrows(
                LedgerException.class,
                () -> ReportingLedger.builder()
                        .dataSource(dataSource())
                        .client(client)
                        .key(LedgerKey.generate())
                        .clock(clock)
                        .build());
        assertTrue(e.getMessage().contains("does not open"), e.getMessage());
        assertFalse(KEY.toString().contains(KEY.toBase64()));
    }

    @Test
    void dueDatesAreStoredAndTheUrgentOnesListed() {
        // Today is 2026-06-15. Due 30 days after completion (CME Passport).
        LearnerCompletion late = completions(1, false).get(0).toBuilder()
                .completionKey("late")
                .completionDate(LocalDate.of(2026, 5, 1))
                .build();
        LearnerCompletion soon = late.toBuilder()
                .completionKey("soon")
                .completionDate(LocalDate.of(2026, 5, 20))
                .build();
        LearnerCompletion later = late.toBuilder()
                .completionKey("later")
                .completionDate(LocalDate.of(2026, 6, 10))
                .build();
        List.of(later, late, soon).forEach(ledger::record);
        assertEquals(
                List.of("late"),
                ledger.overdue(10).stream().map(LedgerEntry::completionKey).toList());
        assertEquals(
                List.of("soon"),
                ledger.atRisk(Duration.ofDays(7), 10).stream()
                        .map(LedgerEntry::completionKey)
                        .toList());
        assertEquals(1, ledger.countOverdue());
        assertEquals(1, ledger.countAtRisk(Duration.ofDays(7)));
        LocalDate today = LocalDate.now(clock);
        LocalDate soonDue = ledger.entry(soon.activity().providerId(), "soon")
                .orElseThrow()
                .deadline()
                .date();
        LocalDate laterDue = ledger.entry(soon.activity().providerId(), "later")
                .orElseThrow()
                .deadline()
                .date();
        assertEquals(
                java.util.Map.of(soonDue, 1L, laterDue, 1L),
                ledger.dueByDay(today, today.plusDays(400)),
                "open entries by due day; the overdue one is before the range");
        assertEquals(java.util.Map.of(soonDue, 1L), ledger.dueByDay(today, soonDue));
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        org.parsjava.ledger.metrics.LedgerMetrics.bind(ledger, registry, Duration.ofDays(7));
        // Micrometer holds a gauge's state weakly: the gauges must survive collection while the
        // ledger is held (they once read NaN after a GC).
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        assertEquals(1.0, registry.get("pars.ledger.overdue").gauge().value());
        assertEquals(1.0, registry.get("pars.ledger.at.risk").gauge().value());
        assertEquals(
                3.0,
                registry.get("pars.ledger.entries")
                        .tag("state", "pending")
                        .gauge()
                        .value());
        LedgerEntry e = ledger.entry("0001234", "soon").orElseThrow();
        assertEquals(new Deadline(LocalDate.of(2026, 6, 19), DeadlineRules.Rule.CME_PASSPORT), e.deadline());
        List<String> order = new ArrayList<>();
        ledger.drain((x, held) -> order.add(x.completionKey()));
        assertEquals(List.of("late", "soon", "later"), order, "the most urgent is sent first");
    }

    @Test
    void twoNodesDrainingOneDatabaseNeverSendTheSameEntry() {
        List<LearnerCompletion> cs = completions(300, false);
        cs.forEach(ledger::record);
        try (ParsSimulator slow = ParsSimulator.builder()
                .clock(clock)
                .latency(Duration.ofMillis(5))
                .build()
                .start()) {
            slow.addActivity(Fixtures.activity());
            try (ParsClient a = slow.clientBuilder().chunkSize(10).build();
                    ParsClient b = slow.clientBuilder().chunkSize(10).build()) {
                // The entries were recorded against the first simulator and never sent: node A takes
                // the ledger over to this one, node B then opens it as bound to it.
                ReportingLedger nodeA = ReportingLedger.builder()
                        .dataSource(dataSource())
                        .client(a)
                        .adoptPars(true)
                        .key(KEY)
                        .clock(clock)
                        .nodeName("a")
                        .batchSize(20)
                        .build();
                ReportingLedger nodeB = ReportingLedger.builder()
                        .dataSource(dataSource())
                        .client(b)
                        .key(KEY)
                        .clock(clock)
                        .nodeName("b")
                        .batchSize(20)
                        .build();
                CompletableFuture<DrainSummary> fa = CompletableFuture.supplyAsync(nodeA::drain);
                CompletableFuture<DrainSummary> fb = CompletableFuture.supplyAsync(nodeB::drain);
                DrainSummary sa = fa.join();
                DrainSummary sb = fb.join();
                assertEquals(300, sa.taken() + sb.taken(), sa + " " + sb);
                assertEquals(300, sa.accepted() + sb.accepted());
            }
            assertEquals(
                    300,
                    slow.requests(Operation.SAVE_LEARNER_ACTIVITY).stream()
                            .mapToInt(SeenRequest::records)
                            .sum(),
                    "no entry sent twice");
            assertEquals(300, slow.credits().size());
        }
        assertEquals(300L, ledger.counts().get(EntryState.ACCEPTED));
    }

    @Test
    void aDrainTellsItsListenerOneCallAtATimeFromTheSettlingThread() {
        completions(120, false).forEach(ledger::record); // three steps of 50
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger told = new AtomicInteger();
        ledger.drain((entry, held) -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            told.incrementAndGet();
            inside.decrementAndGet();
        });
        assertEquals(120, told.get());
        assertEquals(1, most.get(), "never two calls at once");
        assertEquals(java.util.Set.of("pars-ledger-settle"), threads);
    }

    @Test
    void aTransactionLeftOpenDoesNotHoldUpRecordingsOfTheSameActivity() throws SQLException {
        List<LearnerCompletion> cs = completions(3, false);
        ledger.record(cs.get(0)); // the activity stored, committed
        try (Connection open = dataSource().getConnection()) {
            open.setAutoCommit(false);
            ledger.record(open, cs.get(1), null); // an application's transaction, still open
            // Another recording of the same activity goes through meanwhile (on H2, it waited for the
            // open transaction until the lock timed out).
            Recording third = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    Duration.ofSeconds(30), () -> ledger.record(cs.get(2)));
            assertEquals(new Recording(Recording.Change.NEW, EntryState.PENDING), third);
            open.commit();
        }
        assertEquals(3L, ledger.counts().get(EntryState.PENDING));
        assertEquals(3, ledger.drain().accepted(), "each entry's activity is there to send it");
    }

    @Test
    void aSlowRequestDoesNotHoldBackTheNextDrainStep() {
        // Two requests of ten in flight, steps of twenty: the first request is answered only once a
        // request of the second step has arrived, which it can only if that step leaves before the
        // first one is fully answered.
        CountDownLatch nextStepArrived = new CountDownLatch(1);
        AtomicInteger saves = new AtomicInteger();
        AtomicBoolean heldBack = new AtomicBoolean();
        OkHttpClient slowFirst = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    if (chain.request().url().encodedPath().endsWith("SaveLearnerActivity")) {
                        int n = saves.incrementAndGet();
                        if (n >= 3) {
                            nextStepArrived.countDown();
                        } else if (n == 1) {
                            try {
                                heldBack.set(!nextStepArrived.await(5, TimeUnit.SECONDS));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new java.io.InterruptedIOException("interrupted");
                            }
                        }
                    }
                    return chain.proceed(chain.request());
                })
                .build();
        try (ParsClient twoLanes = clientBuilder()
                .okHttpClient(slowFirst)
                .chunkSize(10)
                .maxConcurrentRequests(2)
                .build()) {
            ReportingLedger l = ReportingLedger.builder()
                    .dataSource(dataSource())
                    .client(twoLanes)
                    .key(KEY)
                    .clock(clock)
                    .nodeName("node-a")
                    .batchSize(20)
                    .build();
            List<String> told = new ArrayList<>();
            DrainSummary s = l.recordAndDrain(
                    completions(60, false), c -> null, r -> {}, (e, held) -> told.add(e.completionKey()));
            assertEquals(60, s.accepted());
            assertEquals(60, told.size(), "every entry settled and told");
            assertEquals(
                    20,
                    told.stream()
                            .limit(20)
                            .filter(k -> Integer.parseInt(k.substring(2)) < 20)
                            .count(),
                    "outcomes are stored in the steps' order");
        }
        assertFalse(heldBack.get(), "the second step left while the first one's slow request was out");
        assertEquals(6, sim.requests(Operation.SAVE_LEARNER_ACTIVITY).size());
        assertEquals(60, recordsPosted());
        assertEquals(60L, ledger.counts().get(EntryState.ACCEPTED));
    }

    @Test
    void anInterruptedDrainResumesWithoutSendingWhatPARSAlreadyHolds() {
        List<LearnerCompletion> cs = completions(20, false);
        AtomicBoolean crash = new AtomicBoolean(true);
        OkHttpClient crashing = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    okhttp3.Response r = chain.proceed(chain.request());
                    if (crash.get() && chain.request().url().encodedPath().endsWith("SaveLearnerActivity")) {
                        r.close();
                        throw new SimulatedCrash(); // the process dies after PARS applied the request
                    }
                    return r;
                })
                .build();
        try (ParsClient dying =
                clientBuilder().okHttpClient(crashing).chunkSize(10).build()) {
            ReportingLedger first = ledger("node-a", dying);
            cs.forEach(first::record);
            assertThrows(SimulatedCrash.class, first::drain);
        }
        assertEquals(10, sim.credits().size(), "PARS holds the first chunk");
        assertEquals(20L, ledger.counts().get(EntryState.PENDING), "the ledger never heard back");
        assertEquals(20, ledger.releaseClaims());
        Map<String, Boolean> told = new java.util.HashMap<>();
        DrainSummary s = ledger.drain((e, held) -> told.put(e.completionKey(), held));
        assertEquals(20, s.resumed());
        assertEquals(20, told.size());
        assertEquals(10, told.values().stream().filter(held -> held).count(), "the listener hears which PARS held");
        assertEquals(20, s.accepted());
        assertEquals(20, sim.credits().size());
        assertEquals(20, recordsPosted(), "the 10 PARS held were settled by status lookup, not sent again");
    }

    @Test
    void recordAndDrainSendsTheNewEntriesAsStoredWithoutClaimingThem() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger l = counted(counting, 100);
        List<LearnerCompletion> cs = completions(250, true);
        List<Integer> postedWhenTold = new ArrayList<>();
        List<Recording> told = new ArrayList<>();
        List<String> settled = new ArrayList<>();
        counting.reset();
        DrainSummary s = l.recordAndDrain(
                cs,
                c -> "row " + c.completionKey(),
                recordings -> {
                    postedWhenTold.add(recordsPosted());
                    told.addAll(recordings);
                },
                (e, held) -> settled.add(e.completionKey()));
        assertEquals(List.of(0), postedWhenTold, "the recordings are told once, before anything is sent");
        assertEquals(250, told.size());
        assertTrue(told.stream().allMatch(r -> r.change() == Recording.Change.NEW && r.state() == EntryState.PENDING));
        assertEquals(250, s.taken());
        assertEquals(250, s.accepted());
        assertEquals(0, s.resumed());
        assertEquals(250, settled.stream().distinct().count());
        List<LocalDate> due = settled.stream()
                .map(k -> l.entry("0001234", k).orElseThrow().deadline().date())
                .toList();
        assertEquals(due.stream().sorted().toList(), due, "most urgent first, as a claim takes them");
        assertEquals(250, recordsPosted(), "each sent once");
        assertEquals(250L, l.counts().get(EntryState.AWAITING_BOARD));
        List<String> leases = counting.prepared().stream()
                .filter(sql -> sql.contains("set claimed_by"))
                .toList();
        assertEquals(List.of(), leases, "no claim, no release: the entries were stored held");
    }

    @Test
    void recordAndDrainSendsItsSliceBeforeEntriesAlreadyWaiting() {
        LearnerCompletion early = completions(11, false).get(10).toBuilder()
                .completionKey("early")
                .completionDate(LocalDate.of(2026, 2, 1)) // due with the slice's first, recorded before it
                .build();
        ledger.record(early); // a claim would take it first; not sent yet
        List<String> order = new ArrayList<>();
        DrainSummary s = ledger.recordAndDrain(
                completions(10, false), c -> null, r -> {}, (e, held) -> order.add(e.completionKey()));
        assertEquals(11, s.accepted());
        assertEquals(11, order.size());
        assertEquals("early", order.get(10), "sent after the slice: " + order);
    }

    @Test
    void aRunRecordsEachKeyOnceWhateverTheContentOfItsLaterRecords() {
        List<LearnerCompletion> cs = completions(3, false);
        LearnerCompletion changed = cs.get(0).toBuilder().cmeCredits("1.25").build();
        ledger.recordAndDrain(cs.subList(0, 2), c -> null, "run-1", r -> {}, null);
        List<Recording> later = new ArrayList<>();
        // The run's next call: the first key with new content, the second as it was, a new key twice.
        DrainSummary s = ledger.recordAndDrain(
                List.of(changed, cs.get(1), cs.get(2), cs.get(2)), c -> null, "run-1", later::addAll, null);
        assertEquals(
                List.of(
                        Recording.Change.REPEATED,
                        Recording.Change.REPEATED,
                        Recording.Change.NEW,
                        Recording.Change.REPEATED),
                later.stream().map(Recording::change).toList());
        for (int i : new int[] {0, 1, 3}) {
            assertEquals(
                    List.of("COMPLETION_KEY_DUPLICATE"),
                    later.get(i).problems().stream().map(EntryProblem::code).toList());
        }
        assertEquals(EntryState.ACCEPTED, later.get(0).state(), "the entry as the run's first record left it");
        assertEquals(1, s.accepted(), "the new key, sent once");
        assertEquals(3, recordsPosted(), "each key sent once");
        assertEquals(3, sim.credits().size());
        assertTrue(
                sim.credits().stream().noneMatch(k -> k.credits().compareTo(new java.math.BigDecimal("1.25")) == 0),
                "PARS holds the first record of the key");

        // Another run: the new content is a correction, as without a run.
        List<Recording> next = new ArrayList<>();
        ledger.recordAndDrain(List.of(changed), c -> null, "run-2", next::addAll, null);
        assertEquals(Recording.Change.CORRECTION, next.get(0).change());
    }

    @Test
    void aKeyARunFoundUnchangedIsNotChangedByTheRunsLaterRecords() {
        LearnerCompletion c = completions(1, false).get(0);
        LearnerCompletion changed = c.toBuilder().cmeCredits("1.25").build();
        ledger.recordAndDrain(List.of(c), x -> null, "run-1", r -> {}, null);
        List<Recording> rerun = new ArrayList<>();
        // A rerun of the file: unchanged, then the same key with new content, in one call and in the next.
        ledger.recordAndDrain(List.of(c, changed), x -> null, "run-2", rerun::addAll, null);
        ledger.recordAndDrain(List.of(changed), x -> null, "run-2", rerun::addAll, null);
        assertEquals(
                List.of(Recording.Change.UNCHANGED, Recording.Change.REPEATED, Recording.Change.REPEATED),
                rerun.stream().map(Recording::change).toList());
        assertEquals(1, recordsPosted());
        assertEquals(0, sim.credits().get(0).credits().compareTo(c.cmeCredits().orElseThrow()));
        assertThrows(
                IllegalArgumentException.class, () -> ledger.recordAndDrain(List.of(c), x -> null, "", r -> {}, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> ledger.recordAndDrain(List.of(c), x -> null, "r".repeat(65), r -> {}, null));
        assertThrows(
                NullPointerException.class, () -> ledger.recordAndDrain(List.of(c), x -> null, null, r -> {}, null));
    }

    @Test
    void entriesRecordedForADrainAreNotTakenByAnotherNodeMeanwhile() {
        List<LearnerCompletion> cs = completions(30, false);
        ReportingLedger other = ledger("node-b", client);
        List<DrainSummary> otherDrained = new ArrayList<>();
        DrainSummary s = ledger.recordAndDrain(cs, c -> null, r -> otherDrained.add(other.drain()), null);
        assertEquals(0, otherDrained.get(0).taken(), "node B found nothing to take");
        assertEquals(30, s.accepted());
        assertEquals(30, recordsPosted(), "each sent once");
    }

    /**
     * Records {@code cs} with {@code recordAndDrain} and stops it from the recordings' callback,
     * once {@code meanwhile} has run, before anything is sent.
     */
    private void recordAndStop(List<LearnerCompletion> cs, Runnable meanwhile) {
        IllegalStateException stop = new IllegalStateException("stopped by the caller");
        assertEquals(
                stop,
                assertThrows(
                        IllegalStateException.class,
                        () -> ledger.recordAndDrain(
                                cs,
                                c -> null,
                                r -> {
                                    meanwhile.run();
                                    throw stop;
                                },
                                null)));
    }

    @Test
    void entriesRecordedForADrainThatFailsAreReleasedForAnyDrainAndNotLookedUp() {
        recordAndStop(completions(30, false), () -> {});
        assertEquals(0, recordsPosted());
        DrainSummary s = ledger("node-b", client).drain();
        assertEquals(30, s.accepted(), "taken at once, not when the lease ends");
        assertEquals(0, s.resumed(), "never counted as begun: sent without a lookup");
        assertEquals(0, sim.requests(Operation.GET_LEARNER_STATUS).size(), "no status lookups");
        assertEquals(30, recordsPosted());
    }

    @Test
    void credentialsRefusedMidSliceLeaveTheRestReleasedAndNothingToLookUp() {
        List<LearnerCompletion> cs = completions(120, false); // held batches of 50, 50 and 20
        AtomicInteger saves = new AtomicInteger();
        OkHttpClient refusingFromSecond = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    // From the second request on: the credential was revoked meanwhile.
                    if (chain.request().url().encodedPath().endsWith("SaveLearnerActivity")
                            && saves.incrementAndGet() >= 2) {
                        return new okhttp3.Response.Builder()
                                .request(chain.request())
                                .protocol(okhttp3.Protocol.HTTP_1_1)
                                .code(401)
                                .message("Unauthorized")
                                .body(okhttp3.ResponseBody.create(new byte[0], null))
                                .build();
                    }
                    return chain.proceed(chain.request());
                })
                .build();
        List<Recording> told = new ArrayList<>();
        try (ParsClient refusing =
                clientBuilder().okHttpClient(refusingFromSecond).build()) {
            ReportingLedger l = ledger("node-a", refusing);
            assertThrows(
                    org.parsjava.client.exception.ParsAuthenticationException.class,
                    () -> l.recordAndDrain(cs, c -> null, told::addAll, null));
        }
        assertEquals(120, told.size(), "the recordings were committed and told");
        assertEquals(50L, ledger.counts().get(EntryState.ACCEPTED));
        DrainSummary s = ledger("node-b", client).drain();
        assertEquals(70, s.accepted(), "the refused batch and the one never sent, taken at once");
        assertEquals(0, s.resumed());
        assertEquals(0, sim.requests(Operation.GET_LEARNER_STATUS).size(), "no status lookups");
        assertEquals(120, sim.credits().size());
    }

    @Test
    void aReleaseLeavesEntriesAnotherDrainClaimedSinceToIt() throws SQLException {
        java.time.OffsetDateTime later =
                java.time.OffsetDateTime.of(2026, 6, 15, 18, 0, 0, 0, java.time.ZoneOffset.UTC);
        recordAndStop(completions(30, false), () -> {
            // The hold ended and a drain of the same node name claimed them anew.
            try (Connection c = dataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "update pars_ledger_entry set claimed_until=? where claimed_by='node-a'")) {
                ps.setObject(1, later);
                assertEquals(30, ps.executeUpdate());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Connection c = dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from pars_ledger_entry where claimed_by='node-a' "
                        + "and claimed_until is not null and sending_since is not null")) {
            assertTrue(rs.next());
            assertEquals(30, rs.getInt(1), "the later claim kept");
        }
    }

    @Test
    void entriesRecordedForADrainStillUnsentAfterHalfTheirLeaseAreClaimedAgain() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger l = counted(counting, 10);
        List<LearnerCompletion> cs = completions(30, false);
        counting.reset();
        DrainSummary s = l.recordAndDrain(cs, c -> null, r -> clock.advance(Duration.ofMinutes(6)), null);
        assertEquals(30, s.accepted());
        assertEquals(0, s.resumed());
        assertEquals(30, recordsPosted(), "each sent once");
        assertTrue(
                counting.prepared().stream().anyMatch(sql -> sql.contains("set claimed_by=null")),
                "released, then claimed (the lease is 10 minutes)");
        assertTrue(counting.prepared().stream().anyMatch(sql -> sql.contains("set claimed_by=?")));
    }

    @Test
    void entriesAProcessRecordedForADrainAndDiedBeforeSendingAreLookedUpThenSent() throws Exception {
        List<LearnerCompletion> cs = completions(30, false);
        java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch thaw = new java.util.concurrent.CountDownLatch(1);
        ReportingLedger dying = ledger("node-a", client);
        CompletableFuture<DrainSummary> frozen = CompletableFuture.supplyAsync(() -> dying.recordAndDrain(
                cs,
                c -> null,
                r -> { // the process stops here, its slice recorded and nothing sent, as if killed
                    recorded.countDown();
                    try {
                        thaw.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new SimulatedCrash();
                },
                null));
        recorded.await();
        // Started again: an H2 file's claims are released on start, then a drain.
        assertEquals(30, ledger.releaseClaims());
        DrainSummary s = ledger.drain();
        assertEquals(30, s.resumed(), "each may have been under way: asked about first");
        assertEquals(30, s.accepted());
        assertEquals(30, recordsPosted(), "sent once each, after PARS said it held none");
        thaw.countDown();
        assertTrue(
                assertThrows(java.util.concurrent.CompletionException.class, frozen::join)
                                .getCause()
                        instanceof SimulatedCrash);
        assertEquals(30L, ledger.counts().get(EntryState.ACCEPTED), "its release changed nothing settled since");
    }

    @Test
    void aKeyGivenTwiceToRecordAndDrainIsStoredAsItsLastContentAndSentOnce() {
        List<LearnerCompletion> cs = new ArrayList<>(completions(5, false));
        LearnerCompletion again = cs.get(2).toBuilder().cmeCredits("0.5").build(); // the same key, new content
        cs.add(again);
        List<Recording> told = new ArrayList<>();
        DrainSummary s = ledger.recordAndDrain(cs, c -> null, told::addAll, null);
        assertEquals(Recording.Change.REPLACED, told.get(5).change(), "replaced before it reached PARS");
        assertEquals(5, s.accepted());
        assertEquals(5, recordsPosted(), "the key sent once");
        assertEquals(
                0,
                new java.math.BigDecimal("0.5")
                        .compareTo(sim.credits().stream()
                                .filter(x -> CreditIds.all(again).contains(x.creditId()))
                                .findFirst()
                                .orElseThrow()
                                .credits()),
                "with its last content");
    }

    @Test
    void transitionsAreCountedPerDayForAChartOfVolume() {
        List<LearnerCompletion> cs = completions(3, false);
        cs.forEach(ledger::record);
        ledger.drain();
        clock.advance(Duration.ofDays(2));
        ledger.withdraw(cs.get(0).activity().providerId(), cs.get(0).completionKey());
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        Map<java.time.LocalDate, Map<EntryState, Long>> lastDay = ledger.transitionsByDay(today);
        assertEquals(List.of(today), List.copyOf(lastDay.keySet()));
        assertEquals(1L, lastDay.get(today).get(EntryState.WITHDRAWING));
        Map<java.time.LocalDate, Map<EntryState, Long>> three = ledger.transitionsByDay(today.minusDays(2));
        assertEquals(List.of(today.minusDays(2), today), List.copyOf(three.keySet()), "oldest first; none between");
        assertEquals(3L, three.get(today.minusDays(2)).get(EntryState.PENDING));
        assertEquals(3L, three.get(today.minusDays(2)).get(EntryState.ACCEPTED));
        assertEquals(Map.of(), ledger.transitionsByDay(today.plusDays(1)));
    }

    @Test
    void transitionsAreCountedOnTheDayTheyHappenedInTheZoneAsked() {
        // 7:30 pm in Chicago on June 15 is 00:30 on June 16 in UTC.
        clock.advance(Duration.between(
                clock.instant(),
                LocalDateTime.of(2026, 6, 15, 19, 30).atZone(CENTRAL).toInstant()));
        List<LearnerCompletion> cs = completions(2, false);
        cs.forEach(ledger::record);
        java.time.LocalDate june15 = java.time.LocalDate.of(2026, 6, 15);
        Map<java.time.LocalDate, Map<EntryState, Long>> central = ledger.transitionsByDay(june15, CENTRAL);
        assertEquals(List.of(june15), List.copyOf(central.keySet()));
        assertEquals(2L, central.get(june15).get(EntryState.PENDING));
        assertEquals(
                List.of(june15.plusDays(1)),
                List.copyOf(ledger.transitionsByDay(june15).keySet()),
                "UTC");
        assertEquals(
                Map.of(),
                ledger.transitionsByDay(june15.plusDays(1), CENTRAL),
                "the 16th starts at 5 am UTC in Chicago in June");
        assertEquals(
                List.of(june15.plusDays(1)),
                List.copyOf(ledger.transitionsByDay(june15, java.time.ZoneId.of("Asia/Tokyo"))
                        .keySet()),
                "9:30 am on the 16th in Tokyo");
        // Fixed offsets, east and west of UTC: 00:30 UTC is 6 am in India, 7:30 pm the day before at -05:00.
        assertEquals(
                List.of(june15.plusDays(1)),
                List.copyOf(ledger.transitionsByDay(june15, java.time.ZoneOffset.ofHoursMinutes(5, 30))
                        .keySet()));
        assertEquals(
                List.of(june15),
                List.copyOf(ledger.transitionsByDay(june15, java.time.ZoneOffset.ofHours(-5))
                        .keySet()));
        assertEquals(
                List.of(june15.plusDays(1)),
                List.copyOf(ledger.transitionsByDay(june15, java.time.ZoneOffset.UTC)
                        .keySet()));
    }

    @Test
    void aDayOfTwentyFiveHoursIsOneDayInItsZone() {
        // November 1, 2026 in Chicago: clocks go back at 2 am, so the day lasts 25 hours.
        List<LearnerCompletion> cs = completions(2, false);
        clock.advance(Duration.between(
                clock.instant(),
                LocalDateTime.of(2026, 11, 1, 0, 30).atZone(CENTRAL).toInstant()));
        ledger.record(cs.get(0));
        clock.advance(Duration.ofHours(24)); // 23:30 the same day, standard time
        ledger.record(cs.get(1));
        java.time.LocalDate nov1 = java.time.LocalDate.of(2026, 11, 1);
        assertEquals(Map.of(nov1, 2L), totals(ledger.transitionsByDay(nov1.minusDays(1), CENTRAL)));
        // In UTC the two are 05:30 on the 1st and 05:30 on the 2nd.
        assertEquals(Map.of(nov1, 1L, nov1.plusDays(1), 1L), totals(ledger.transitionsByDay(nov1.minusDays(1))));
    }

    private static Map<java.time.LocalDate, Long> totals(Map<java.time.LocalDate, Map<EntryState, Long>> byDay) {
        Map<java.time.LocalDate, Long> out = new java.util.HashMap<>();
        byDay.forEach((day, states) ->
                out.put(day, states.values().stream().mapToLong(Long::longValue).sum()));
        return out;
    }

    @Test
    void countingByDayInAZoneLeavesTheDatabaseSessionAsItWas() throws Exception {
        // Recorded at 5 pm UTC on June 15: 2 am on the 16th in Tokyo.
        completions(1, false).forEach(ledger::record);
        java.time.LocalDate june15 = java.time.LocalDate.of(2026, 6, 15);
        // An application's pool the ledger shares: its connections go back to the application's
        // queries, which a time zone left behind would move.
        com.zaxxer.hikari.HikariConfig shared = new com.zaxxer.hikari.HikariConfig();
        shared.setDataSource(dataSource());
        shared.setMaximumPoolSize(2);
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(shared);
                ReportingLedger l = ReportingLedger.builder()
                        .dataSource(pool)
                        .client(client)
                        .key(KEY)
                        .clock(clock)
                        .nodeName("shared-pool")
                        .build()) {
            List<String> before = sessionZones(pool);
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        List.of(june15.plusDays(1)),
                        List.copyOf(l.transitionsByDay(june15, java.time.ZoneId.of("Asia/Tokyo"))
                                .keySet()));
                assertEquals(
                        List.of(june15), List.copyOf(l.transitionsByDay(june15).keySet()));
            }
            assertEquals(before, sessionZones(pool));
        }
    }

    /** The time zone of each of the pool's two connections' sessions, held at once. */
    private List<String> sessionZones(DataSource pool) throws SQLException {
        String query = database() == LedgerDatabase.H2
                ? "select setting_value from information_schema.settings where setting_name = 'TIME ZONE'"
                : "show timezone";
        try (Connection a = pool.getConnection();
                Connection b = pool.getConnection()) {
            List<String> zones = new ArrayList<>();
            for (Connection c : List.of(a, b)) {
                try (Statement st = c.createStatement();
                        java.sql.ResultSet rs = st.executeQuery(query)) {
                    rs.next();
                    zones.add(rs.getString(1));
                }
            }
            return zones;
        }
    }

    @Test
    void personalDataOfSettledEntriesIsPurgedAfterTheRetention() throws SQLException {
        LearnerCompletion c = completions(1, false).get(0);
        ledger.record(c);
        ledger.drain();
        assertEquals(0, ledger.purgePersonalData());
        assertEquals(
                c.learner(),
                ledger.completion(c.activity().providerId(), c.completionKey())
                        .orElseThrow()
                        .learner(),
                "the completion opens with the key, learner and all");
        assertEquals(Optional.empty(), ledger.completion(c.activity().providerId(), "no-such-key"));
        clock.advance(Duration.ofDays(179));
        assertEquals(0, ledger.purgePersonalData(), "kept 180 days by default");
        clock.advance(Duration.ofDays(2));
        assertEquals(1, ledger.purgePersonalData());
        assertEquals(
                Optional.empty(),
                ledger.completion(c.activity().providerId(), c.completionKey()),
                "purged: nothing to reveal");
        try (Connection conn = dataSource().getConnection();
                PreparedStatement ps = conn.prepareStatement("select payload from pars_ledger_entry");
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(null, rs.getBytes(1));
        }
        assertEquals(EntryState.ACCEPTED, state(c), "state, dates and CreditIDs stay");
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> ledger.withdraw(c.activity().providerId(), c.completionKey()));
        assertTrue(
                refused.getMessage().contains("record the completion again, then withdraw it"), refused.getMessage());
        assertEquals(EntryState.ACCEPTED, state(c), "nothing changed");
        assertEquals(new Recording(Recording.Change.UNCHANGED, EntryState.ACCEPTED), ledger.record(c));
        ledger.withdraw(c.activity().providerId(), c.completionKey());
        assertEquals(EntryState.WITHDRAWING, state(c), "recorded again, its delete can be sent");
        assertEquals(1, ledger.drain().withdrawn());
        assertTrue(sim.credits().isEmpty(), "deleted from PARS");
    }

    @Test
    void theEntriesOfOneRecordAllShareTheirRecordingTime() {
        java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
        java.time.Clock ticking = new java.time.Clock() { // a millisecond later at every look
                    @Override
                    public java.time.ZoneId getZone() {
                        return CENTRAL;
                    }

                    @Override
                    public java.time.Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }

                    @Override
                    public java.time.Instant instant() {
                        return clock.instant().plusMillis(ticks.incrementAndGet());
                    }
                };
        ReportingLedger timed = ReportingLedger.builder()
                .dataSource(dataSource())
                .client(client)
                .key(KEY)
                .clock(ticking)
                .nodeName("node-a")
                .build();
        List<LearnerCompletion> cs = completions(4, false);
        timed.recordAll(cs.subList(0, 3), x -> null);
        timed.record(cs.get(3), null);
        List<java.time.Instant> at = cs.stream()
                .map(c -> timed.history("0001234", c.completionKey()).get(0).at())
                .toList();
        assertEquals(at.get(0), at.get(1));
        assertEquals(at.get(0), at.get(2));
        assertTrue(at.get(3).isAfter(at.get(0)), "a later call, a later time");
    }

    @Test
    void aPurgedEntryRecordedAgainInASliceCanBeWithdrawn() {
        List<LearnerCompletion> cs = completions(2, false);
        ledger.recordAll(cs, x -> null);
        assertEquals(2, ledger.drain().accepted());
        clock.advance(Duration.ofDays(181));
        assertEquals(2, ledger.purgePersonalData());
        List<Recording> again = ledger.recordAll(cs, x -> null);
        assertEquals(
                List.of(Recording.Change.UNCHANGED, Recording.Change.UNCHANGED),
                again.stream().map(Recording::change).toList());
        for (LearnerCompletion c : cs) {
            assertEquals(
                    c.learner(),
                    ledger.completion("0001234", c.completionKey())
                            .orElseThrow()
                            .learner());
        }
        ledger.withdraw("0001234", cs.get(0).completionKey());
        assertEquals(1, ledger.drain().withdrawn());
        assertEquals(1, sim.credits().size(), "the first deleted from PARS");
        clock.advance(Duration.ofDays(179));
        assertEquals(0, ledger.purgePersonalData(), "the retention counts from the recording again");
        clock.advance(Duration.ofDays(2));
        assertEquals(2, ledger.purgePersonalData());
    }

    @Test
    void theBackgroundWorkerDrainsWhatIsRecorded() throws InterruptedException {
        List<LearnerCompletion> cs = completions(5, false);
        try (LedgerWorker worker = ledger.startWorker(Duration.ofMillis(200))) {
            cs.forEach(ledger::record);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ledger.counts().getOrDefault(EntryState.ACCEPTED, 0L) < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(5L, ledger.counts().get(EntryState.ACCEPTED));
        assertEquals(5, recordsPosted());
    }

    @Test
    void theWorkerAlsoAsksTheBoardsAndPurgesLearnerDataPastTheRetention() throws InterruptedException {
        LearnerCompletion moc = completions(1, true).get(0);
        LearnerCompletion cme = completions(2, false).get(1);
        ledger.record(moc);
        ledger.record(cme);
        assertEquals(2, ledger.drain().accepted());
        sim.boardDecision(CreditIds.all(moc).get(1), CreditStatus.State.ACCEPTED);
        clock.advance(Duration.ofDays(181)); // the board's check is due; the CME entry is past the retention
        try (LedgerWorker worker = ledger.startWorker(Duration.ofMillis(200))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((state(moc) != EntryState.BOARD_ACCEPTED
                            || ledger.completion("0001234", cme.completionKey()).isPresent())
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(EntryState.BOARD_ACCEPTED, state(moc), "the status sync asked the board");
        assertEquals(Optional.empty(), ledger.completion("0001234", cme.completionKey()), "purged when it started");
    }

    // ---- one ledger, one PARS ---------------------------------------------------------------------

    /** A second PARS (another simulator) with the same activity and clock. */
    private ParsSimulator otherPars() {
        ParsSimulator other = ParsSimulator.builder().clock(clock).build().start();
        other.addActivity(Fixtures.activity());
        return other;
    }

    private ReportingLedger ledger(ParsClient c, boolean adopt) {
        return ReportingLedger.builder()
                .dataSource(dataSource())
                .client(c)
                .key(KEY)
                .clock(clock)
                .adoptPars(adopt)
                .build();
    }

    @Test
    void aLedgerOpenedWithAnotherParsRefusesNamingBothAndSendsNothing() {
        completions(2, false).forEach(ledger::record);
        ledger.drain();
        assertEquals(client.target(), ledger.boundTo());
        try (ParsSimulator other = otherPars();
                ParsClient otherClient = other.clientBuilder().build()) {
            LedgerBindingException e = assertThrows(LedgerBindingException.class, () -> ledger(otherClient, false));
            assertTrue(e.getMessage().contains(client.target().describe()), e.getMessage());
            assertTrue(e.getMessage().contains(otherClient.target().describe()), e.getMessage());
            assertTrue(e.getMessage().contains("adopt"), e.getMessage());
            assertEquals(client.target(), e.boundTo().orElseThrow());
            assertTrue(other.requests().isEmpty(), "nothing asked of the other PARS");
        }
        assertTrue(ledger(client, false).adoption().isEmpty(), "the same PARS opens as before");
    }

    @Test
    void adoptingAnotherParsConfirmsEachSettledEntryAndSendsAgainWhatItDoesNotHold() {
        List<LearnerCompletion> cs = completions(3, false);
        cs.forEach(ledger::record);
        assertEquals(3, ledger.drain().accepted());
        try (ParsSimulator other = otherPars();
                ParsClient otherClient = other.clientBuilder().build()) {
            // The new PARS already holds one of the three (reported to it by other means).
            assertEquals(1, otherClient.learners().submit(List.of(cs.get(0))).acceptedCount());
            ReportingLedger adopted = ledger(otherClient, true);
            Adoption adoption = adopted.adoption().orElseThrow();
            assertEquals(3, adoption.entries());
            assertEquals(client.target(), adoption.from().orElseThrow());
            assertEquals(otherClient.target(), adopted.boundTo());
            assertEquals(3L, adopted.counts().get(EntryState.PENDING), "settled by the old PARS: to confirm");
            List<String> held = new ArrayList<>();
            DrainSummary s = adopted.drain((e, alreadyHeld) -> {
                if (alreadyHeld) {
                    held.add(e.completionKey());
                }
            });
            assertEquals(3, s.accepted());
            assertEquals(1, s.alreadyHeld());
            assertEquals(List.of("k-0"), held, "the one the new PARS held was confirmed, not sent");
            assertEquals(3, other.credits().size(), "each credit line once");
            assertEquals(
                    3,
                    other.requests(Operation.SAVE_LEARNER_ACTIVITY).stream()
                            .mapToInt(SeenRequest::records)
                            .sum(),
                    "one by other means, two sent by the ledger");
            assertTrue(adopted.history("0001234", "k-1").stream()
                    .anyMatch(t -> t.note()
                            .startsWith(
                                    "adopted PARS at " + otherClient.target().describe())));
            assertThrows(LedgerBindingException.class, () -> ledger(client, false), "the old PARS is refused now");
        }
    }

    /** Entry {@code k-0} accepted by this ledger's PARS, then its learner data purged. */
    private void acceptedThenPurged() {
        ledger.record(completions(1, false).get(0));
        assertEquals(1, ledger.drain().accepted());
        clock.advance(Duration.ofDays(181));
        assertEquals(1, ledger.purgePersonalData());
    }

    @Test
    void anAdoptedParsThatDoesNotHoldAPurgedEntryMakesItARowToFix() {
        acceptedThenPurged();
        try (ParsSimulator other = otherPars();
                ParsClient otherClient = other.clientBuilder().build()) {
            ReportingLedger adopted = ledger(otherClient, true);
            adopted.drain();
            LedgerEntry e = adopted.entry("0001234", "k-0").orElseThrow();
            assertEquals(EntryState.INVALID, e.state());
            assertEquals("PURGED_NOT_HELD", e.problems().get(0).code());
            assertTrue(other.credits().isEmpty(), "nothing sent: the learner data is gone");
        }
    }

    @Test
    void anAdoptedParsThatCannotBeAskedAboutAPurgedEntryIsAskedAgainLaterNotTakenAsNotHolding() {
        acceptedThenPurged();
        try (ParsSimulator other = otherPars();
                ParsClient otherClient = other.clientBuilder().sleeper(d -> {}).build()) {
            ReportingLedger adopted = ledger(otherClient, true);
            for (int i = 0; i < 4; i++) { // every try of one lookup
                other.inject(Operation.GET_LEARNER_STATUS, Fault.serverError(503));
            }
            adopted.drain();
            LedgerEntry e = adopted.entry("0001234", "k-0").orElseThrow();
            assertEquals(EntryState.PENDING, e.state(), "not known either way");
            assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(1))), e.nextAttemptAt());
            assertEquals(DrainSummary.EMPTY, adopted.drain(), "not before its time");
            clock.advance(Duration.ofMinutes(1));
            adopted.drain();
            e = adopted.entry("0001234", "k-0").orElseThrow();
            assertEquals(EntryState.INVALID, e.state(), "asked again, and still to be asked first");
            assertEquals("PURGED_NOT_HELD", e.problems().get(0).code());
            assertTrue(other.credits().isEmpty(), "nothing sent: the learner data is gone");
        }
    }

    @Test
    void anAdoptedParsRefusingTheCredentialsForALookupStopsTheDrainAndLeavesThePurgedEntryAsItWas() {
        acceptedThenPurged();
        try (ParsSimulator other = otherPars();
                ParsClient refused = other.clientBuilder()
                        .credentials(org.parsjava.client.ParsCredentials.of("someone", "wrong"))
                        .sleeper(d -> {})
                        .build();
                ParsClient otherClient = other.clientBuilder().build()) {
            assertThrows(
                    org.parsjava.client.exception.ParsAuthenticationException.class,
                    () -> ledger(refused, true).drain());
            LedgerEntry e = ledger.entry("0001234", "k-0").orElseThrow();
            assertEquals(EntryState.PENDING, e.state());
            assertEquals(0, e.attempts(), "no attempt counted");
            assertEquals(Optional.empty(), e.nextAttemptAt());
            ledger(otherClient, false).drain();
            assertEquals(EntryState.INVALID, state(completions(1, false).get(0)), "still asked first, then settled");
        }
    }

    @Test
    void aLedgerThatDoesNotSayWhichParsSettledItsEntriesIsAdoptedOnlyOnRequest() throws SQLException {
        completions(1, false).forEach(ledger::record);
        ledger.drain();
        try (Connection c = dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.executeUpdate("delete from pars_ledger_binding"); // as an earlier version left it
        }
        LedgerBindingException e = assertThrows(LedgerBindingException.class, () -> ledger(client, false));
        assertTrue(e.boundTo().isEmpty());
        assertTrue(e.getMessage().contains("does not say which PARS settled them"), e.getMessage());
        assertEquals(1, ledger(client, true).adoption().orElseThrow().entries());
    }

    @Test
    void historyPastItsKeepingIsDeletedAndOpenWorkStays() {
        List<LearnerCompletion> done = completions(3, false);
        done.forEach(ledger::record);
        ledger.drain();
        ledger.recordAndDrain(done, x -> null, "a rerun", r -> {}, null); // found unchanged: marked
        assertEquals(3, count("pars_ledger_run_mark"));
        LearnerCompletion open = completions(4, false).get(3);
        ledger.record(open);
        clock.advance(Duration.ofDays(399));
        assertEquals(0, ledger.pruneHistory(), "kept 400 days by default");
        clock.advance(Duration.ofDays(2));
        assertEquals(3, ledger.pruneHistory());
        assertTrue(ledger.entry("0001234", done.get(0).completionKey()).isEmpty());
        assertEquals(EntryState.PENDING, state(open), "open work is never deleted");
        assertTrue(ledger.history("0001234", open.completionKey()).isEmpty(), "its old transitions are");
        assertEquals(0, orphanTransitions(), "no transition outlives its entry");
        assertEquals(0, count("pars_ledger_run_mark"), "nor a run's mark");
        // Recorded again, a deleted completion is confirmed as held by PARS, never stored twice.
        ledger.record(done.get(0));
        DrainSummary again = ledger.drain();
        assertEquals(1, again.alreadyHeld(), again.toString());
        assertEquals(
                3, sim.credits().stream().filter(c -> c.mocType().isEmpty()).count() - 1);
    }

    @Test
    void housekeepingOfALedgerYoungerThanItsKeepingReadsItsOldestRows() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger l = counted(counting, 10);
        completions(3, false).forEach(l::record);
        l.drain();
        clock.advance(Duration.ofDays(179));
        counting.reset();
        assertEquals(0, l.purgePersonalData());
        assertEquals(0, l.pruneHistory());
        assertEquals(
                List.of(
                        "select min(id), max(id) from pars_ledger_entry",
                        "select id, created_at from pars_ledger_entry where id >= ? order by id fetch first row only",
                        "select min(id), max(id) from pars_ledger_entry",
                        "select id, created_at from pars_ledger_entry where id >= ? order by id fetch first row only"),
                counting.prepared(),
                "the oldest entry (no transition precedes its entry), not a scan of every entry and transition");
        clock.advance(Duration.ofDays(2));
        counting.reset();
        assertEquals(3, l.purgePersonalData(), "once they are older, they are purged");
        assertTrue(
                counting.prepared().stream()
                        .anyMatch(sql -> sql.startsWith("update pars_ledger_entry set payload=null")),
                counting.prepared().toString());
    }

    @Test
    void housekeepingTakesTheOldEntriesAndLeavesTheYoungerOnes() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger ledger = counted(counting, 10);
        List<LearnerCompletion> all = completions(7, false);
        all.subList(0, 3).forEach(ledger::record);
        ledger.drain();
        clock.advance(Duration.ofDays(100));
        all.subList(3, 5).forEach(ledger::record);
        ledger.drain();
        clock.advance(Duration.ofDays(100));
        all.subList(5, 7).forEach(ledger::record);
        ledger.drain();
        // 200 days after the first three, 100 after the next two, 0 after the last two.
        counting.reset();
        assertEquals(3, ledger.purgePersonalData(), "only the first three are past the retention (180 days)");
        assertTrue(
                counting.prepared().stream()
                        .anyMatch(sql -> sql.contains("where id < ? and state in (?,?,?) and updated_at < ?")),
                "the entries below the first one recorded since: " + counting.prepared());
        for (int k = 0; k < 7; k++) {
            LearnerCompletion c = all.get(k);
            assertEquals(k >= 3, ledger.completion("0001234", c.completionKey()).isPresent(), "completion " + k);
        }
        clock.advance(Duration.ofDays(250)); // 450, 350 and 250 days
        assertEquals(3, ledger.pruneHistory(), "only the first three are past the history (400 days)");
        for (int k = 0; k < 7; k++) {
            LearnerCompletion c = all.get(k);
            assertEquals(k >= 3, ledger.entry("0001234", c.completionKey()).isPresent(), "entry " + k);
            assertEquals(k >= 3, !ledger.history("0001234", c.completionKey()).isEmpty(), "history " + k);
        }
        assertEquals(0, orphanTransitions());
    }

    /** Transitions whose entry is gone: the ledger keeps the link itself (the table has no foreign key). */
    /** The rows of {@code table}. */
    private long count(String table) {
        try (Connection c = dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long orphanTransitions() {
        try (Connection c = dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from pars_ledger_transition t where not exists "
                        + "(select 1 from pars_ledger_entry e where e.id = t.entry_id)")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void transitionsAreWrittenWithoutAForeignKeyCheckAndEachBelongsToItsEntry() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            for (String table : List.of("pars_ledger_transition", "PARS_LEDGER_TRANSITION")) {
                try (ResultSet rs = c.getMetaData().getImportedKeys(null, c.getSchema(), table)) {
                    assertFalse(rs.next(), "a foreign key on the transitions (schema version 6 drops it)");
                }
            }
        }
        List<LearnerCompletion> cs = completions(120, false);
        ledger.recordAll(cs, x -> null);
        ledger.withdraw("0001234", cs.get(7).completionKey());
        ledger.drain();
        for (LearnerCompletion c : List.of(cs.get(0), cs.get(7), cs.get(119))) {
            List<EntryState> path = ledger.history("0001234", c.completionKey()).stream()
                    .map(Transition::to)
                    .toList();
            assertEquals(
                    c == cs.get(7)
                            ? List.of(EntryState.PENDING, EntryState.WITHDRAWN)
                            : List.of(EntryState.PENDING, EntryState.ACCEPTED),
                    path,
                    c.completionKey());
        }
        assertEquals(0, orphanTransitions());
    }

    /** A ledger on {@code counting}, which counts the statements it runs. */
    ReportingLedger counted(CountingDataSource counting, int batchSize) {
        return ReportingLedger.builder()
                .dataSource(counting)
                .client(client)
                .key(KEY)
                .clock(clock)
                .nodeName("counted")
                .batchSize(batchSize)
                .build();
    }

    @Test
    void aLedgerWhoseTablesAreCurrentIsOpenedWithoutMigrating() throws Exception {
        // The fixture's ledger migrated the tables; another opened on them reads the history once.
        CountingDataSource counting = new CountingDataSource(dataSource());
        try (ReportingLedger again = counted(counting, 100)) {
            assertEquals(database(), again.database());
        }
        List<String> history = historySql(counting);
        assertEquals(1, history.size(), "the history read alone, no Flyway: " + history);
        // One migration behind: Flyway runs it (it reads and writes the history), and the ledger opens.
        try (java.sql.Connection c = dataSource().getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("delete from \"pars_ledger_schema_history\" where \"installed_rank\" = "
                    + "(select max(\"installed_rank\") from \"pars_ledger_schema_history\")");
        }
        counting.reset();
        try (ReportingLedger again = counted(counting, 100)) {
            assertEquals(database(), again.database());
        }
        assertTrue(historySql(counting).size() > 1, "Flyway ran: " + historySql(counting));
        counting.reset();
        try (ReportingLedger again = counted(counting, 100)) {
            assertEquals(1, historySql(counting).size(), "current again: " + historySql(counting));
        }
    }

    /** The SQL run through {@code counting} that reads or writes the ledger's migration history. */
    private static List<String> historySql(CountingDataSource counting) {
        return java.util.stream.Stream.concat(counting.prepared().stream(), counting.direct().stream())
                .filter(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains("schema_history"))
                .toList();
    }

    @Test
    void aLedgerSaysWhichDatabaseItKeepsItsEntriesIn() {
        assertEquals(database(), ledger.database());
    }

    @Test
    void aChunkRecordedInOneGoStoresWhatRecordingsOneAtATimeStore() {
        // Valid and invalid, with and without MOC, a reference and an activity ID or none: on
        // PostgreSQL a chunk goes in as arrays, one completion at a time as a row of values.
        List<LearnerCompletion> kinds = new ArrayList<>(completions(3, true));
        kinds.addAll(completions(2, false));
        kinds.set(1, kinds.get(1).toBuilder().consent(false).build());
        kinds.set(
                3,
                kinds.get(3).toBuilder()
                        .activity(org.parsjava.core.model.Activity.builder()
                                .providerId("0001234")
                                .providerActivityId("LMS-COURSE-NO-ACCME-ID")
                                .title("Sepsis Recognition Update")
                                .sponsorship(org.parsjava.core.model.Sponsorship.DIRECT)
                                .type(org.parsjava.core.model.ActivityType.INTERNET_ENDURING_MATERIAL)
                                .startDate(LocalDate.of(2026, 1, 15))
                                .endDate(LocalDate.of(2028, 12, 31))
                                .maxCmeCredits("1.5")
                                .build())
                        .build());
        List<LearnerCompletion> chunk = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            chunk.add(kinds.get(i).toBuilder().completionKey("chunk-" + i).build());
        }
        ledger.recordAll(chunk, c -> c.completionKey().endsWith("2") ? "row 12" : null);
        for (int i = 0; i < kinds.size(); i++) {
            ledger.record(kinds.get(i).toBuilder().completionKey("one-" + i).build(), i == 2 ? "row 12" : null);
        }
        for (int i = 0; i < kinds.size(); i++) {
            LedgerEntry together = ledger.entry("0001234", "chunk-" + i).orElseThrow();
            LedgerEntry alone = ledger.entry("0001234", "one-" + i).orElseThrow();
            assertEquals(keyless(alone), keyless(together), "entry " + i + " as stored");
            assertEquals(alone.creditIds().size(), together.creditIds().size());
            assertEquals(ledger.history("0001234", "one-" + i), ledger.history("0001234", "chunk-" + i));
            assertEquals(
                    ledger.completion("0001234", "one-" + i)
                            .map(c -> c.toBuilder().completionKey("x").build()),
                    ledger.completion("0001234", "chunk-" + i)
                            .map(c -> c.toBuilder().completionKey("x").build()));
        }
        assertEquals(
                EntryState.INVALID,
                ledger.entry("0001234", "chunk-1").orElseThrow().state());
        assertTrue(ledger.entry("0001234", "chunk-3")
                .orElseThrow()
                .accmeActivityId()
                .isEmpty());
        assertEquals(
                Optional.of("row 12"),
                ledger.entry("0001234", "chunk-2").orElseThrow().reference());
        // What else the rows hold (the content's fingerprint, the activity, whether it has MOC
        // credit) shows in what the ledger does next: nothing changed, then what PARS says.
        assertTrue(ledger.recordAll(chunk, c -> c.completionKey().endsWith("2") ? "row 12" : null).stream()
                .allMatch(r -> r.change() == Recording.Change.UNCHANGED));
        long pending = java.util.stream.IntStream.range(0, kinds.size())
                .mapToObj(
                        i -> ledger.entry("0001234", "chunk-" + i).orElseThrow().state())
                .filter(st -> st == EntryState.PENDING)
                .count();
        assertTrue(pending >= 3, "pending of each: " + pending);
        assertEquals(2 * pending, ledger.drain().taken());
        // The chunk's went first (the others repeat their learners, so PARS refuses those).
        for (int i : new int[] {0, 2}) {
            assertEquals(
                    EntryState.AWAITING_BOARD,
                    ledger.entry("0001234", "chunk-" + i).orElseThrow().state());
        }
        assertEquals(
                EntryState.ACCEPTED,
                ledger.entry("0001234", "chunk-4").orElseThrow().state());
    }

    /** {@code e} without what its completion key decides (the key, the CreditIDs made of it). */
    private static LedgerEntry keyless(LedgerEntry e) {
        return new LedgerEntry(
                e.providerId(),
                "-",
                e.state(),
                e.reference(),
                e.accmeActivityId(),
                e.completionDate(),
                e.deadline(),
                e.attempts(),
                e.nextAttemptAt(),
                e.outcomeUnknown(),
                e.parsCode(),
                e.message(),
                e.problems(),
                List.of(),
                e.updatedAt());
    }

    @Test
    void aDrainTakesTheEntriesBehindABatchAnotherDrainIsClaimingRatherThanEnding() throws SQLException {
        ReportingLedger l = counted(new CountingDataSource(dataSource()), 10);
        l.recordAll(completions(30, false), c -> null);
        try (Connection other = dataSource().getConnection()) {
            // The ten most urgent, locked as another node's claim holds them until it commits.
            other.setAutoCommit(false);
            List<Long> urgent = new ArrayList<>();
            try (Statement st = other.createStatement();
                    ResultSet rs = st.executeQuery("select id from pars_ledger_entry order by due_date, id")) {
                while (rs.next() && urgent.size() < 10) {
                    urgent.add(rs.getLong(1));
                }
            }
            String ids = urgent.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            try (Statement st = other.createStatement();
                    ResultSet rs =
                            st.executeQuery("select id from pars_ledger_entry where id in (" + ids + ") for update")) {
                int locked = 0;
                while (rs.next()) {
                    locked++;
                }
                assertEquals(10, locked);
            }
            assertEquals(20, l.drain().taken(), "the twenty behind the ten being claimed");
            other.rollback();
        }
        assertEquals(10, l.drain().taken(), "the ten once their claim ended");
        assertEquals(30L, l.counts().get(EntryState.ACCEPTED));
    }

    @Test
    void recordingAndDrainingTakeStatementsPerChunkNotPerEntry() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger l = counted(counting, 500);
        List<LearnerCompletion> five = completions(500, true);
        counting.reset();
        List<Recording> recorded = l.recordAll(five, c -> null);
        assertTrue(recorded.stream().allMatch(r -> r.change() == Recording.Change.NEW));
        // Activities, the chunk's lookup, one insert batch, one transitions insert; on PostgreSQL
        // the IDs taken from the sequence, and once per ledger whether the user may take them.
        assertTrue(counting.executed() <= 6, "statements to record 500: " + counting.executed());
        counting.reset();
        assertTrue(l.recordAll(five, c -> null).stream().allMatch(r -> r.change() == Recording.Change.UNCHANGED));
        assertTrue(counting.executed() <= 3, "statements to record 500 unchanged: " + counting.executed());
        counting.reset();
        DrainSummary s = l.drain();
        assertEquals(500, s.accepted());
        // Claim (a look per sendable state, then the lock) and lease, outcomes and transitions, the
        // activity read once, H2's checkpoints, and the empty claims that end it: none per entry.
        assertTrue(counting.executed() <= 20, "statements to drain 500: " + counting.executed());
    }

    @Test
    void aDrainTellsItsListenerEachEntryAsTheSettlementStoredItWithoutReadingItAgainOnPostgres() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger l = counted(counting, 100);
        List<LearnerCompletion> all = completions(250, true);
        l.recordAll(all, c -> null);
        counting.reset();
        List<LedgerEntry> told = new ArrayList<>();
        l.drain((e, held) -> told.add(e));
        long reads = counting.prepared().stream()
                .filter(sql -> sql.startsWith("select") && sql.contains("pars_message"))
                .count();
        // PostgreSQL's settling update returns the entries; H2 reads each batch's in the same transaction.
        assertEquals(this instanceof PostgresLedgerTest ? 0 : 3, reads, "reads of settled entries");
        assertEquals(250, told.size());
        assertEquals(
                250, told.stream().map(LedgerEntry::completionKey).distinct().count(), "each told once");
        Map<String, LedgerEntry> stored = new java.util.HashMap<>();
        for (EntryState state : EntryState.values()) { // one read per state, not one per entry
            l.entries(state, 1_000).forEach(e -> stored.put(e.completionKey(), e));
        }
        for (LedgerEntry e : told) {
            assertEquals(stored.get(e.completionKey()), e, "as stored: " + e.completionKey());
        }
    }

    @Test
    void aRecordingsNewEntriesAreStoredInDueDateOrderOnH2AndAsGivenOnPostgres() throws SQLException {
        List<LearnerCompletion> latestFirst = new ArrayList<>(completions(40, false));
        java.util.Collections.reverse(latestFirst);
        ledger.recordAll(latestFirst, c -> null);
        List<LocalDate> byId = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select due_date from pars_ledger_entry order by id")) {
            while (rs.next()) {
                byId.add(rs.getObject(1, LocalDate.class));
            }
        }
        assertEquals(40, byId.size());
        assertTrue(!byId.get(0).equals(byId.get(39)), "due dates differ: " + byId);
        assertEquals(
                this instanceof PostgresLedgerTest
                        ? byId.stream()
                                .sorted(java.util.Comparator.reverseOrder())
                                .toList()
                        : byId.stream().sorted().toList(),
                byId,
                "IDs follow the due dates on H2, the order given on PostgreSQL");
    }

    @Test
    void theEntriesSequenceIsLookedUpOncePerLedgerNotPerRecording() {
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger l = counted(counting, 500);
        counting.reset();
        List<LearnerCompletion> all = completions(30, false);
        for (int i = 0; i < 3; i++) {
            l.recordAll(all.subList(i * 10, i * 10 + 10), c -> null);
        }
        long lookups = counting.prepared().stream()
                .filter(sql -> sql.contains("pg_get_serial_sequence"))
                .count();
        long takes = counting.prepared().stream()
                .filter(sql -> sql.contains("nextval"))
                .count();
        boolean postgres = this instanceof PostgresLedgerTest;
        assertEquals(postgres ? 1 : 0, lookups, "sequence lookups in three recordings");
        assertEquals(postgres ? 3 : 0, takes, "ID batches taken in three recordings");
        assertEquals(30L, l.counts().get(EntryState.PENDING));
    }

    @Test
    void boardRulesThatSpanRunsHoldAcrossRecordings() {
        Activity course = boardsCourse("201234570", "BOARDS-1");
        Learner diplomate = abaDiplomate();
        // ABA: one record per diplomate, activity and completion date; patient safety is its own ([N6]).
        assertEquals(
                EntryState.PENDING,
                ledger.record(moc("aba-1", course, diplomate, MocCreditType.ABA_LIFELONG_LEARNING, "1"))
                        .state());
        LearnerCompletion second = moc("aba-2", course, diplomate, MocCreditType.ABA_LIFELONG_LEARNING, "0.5");
        assertEquals(EntryState.INVALID, ledger.record(second).state());
        assertEquals(
                List.of("MOC_ONE_RECORD_PER_DAY"),
                ledger.entry("0001234", "aba-2").orElseThrow().problems().stream()
                        .map(EntryProblem::code)
                        .toList());
        assertEquals(
                EntryState.PENDING,
                ledger.record(moc("aba-3", course, diplomate, MocCreditType.ABA_PATIENT_SAFETY, "1"))
                        .state());
        // Once the first is withdrawn, the same record of the second is accepted for sending.
        ledger.withdraw("0001234", "aba-1");
        assertEquals(EntryState.PENDING, ledger.record(second).state());
        // ABP: every learner of an activity earns the same MOC credit ([N7]).
        assertEquals(
                EntryState.PENDING,
                ledger.record(moc(
                                "abp-1",
                                course,
                                pediatrician("1245319599", "700001"),
                                MocCreditType.ABP_LIFELONG_LEARNING,
                                "2"))
                        .state());
        assertEquals(
                EntryState.INVALID,
                ledger.record(moc(
                                "abp-2",
                                course,
                                pediatrician("1234567893", "700002"),
                                MocCreditType.ABP_LIFELONG_LEARNING,
                                "1.5"))
                        .state());
        assertTrue(ledger.entry("0001234", "abp-2")
                .orElseThrow()
                .problems()
                .get(0)
                .message()
                .contains("have 2"));
        assertEquals(
                EntryState.PENDING,
                ledger.record(moc(
                                "abp-3",
                                course,
                                pediatrician("1234567893", "700002"),
                                MocCreditType.ABP_LIFELONG_LEARNING,
                                "2"))
                        .state());
    }

    @Test
    void boardRulesThatSpanRunsHoldWithinAChunkAndAgainstEarlierOnesInStatementsPerChunk() {
        Activity course = boardsCourse("201234571", "BOARDS-2");
        Learner diplomate = abaDiplomate();
        Learner other = Fixtures.learner().toBuilder()
                .npi("1245319599")
                .boardId(Board.ABA, "654321")
                .build();
        CountingDataSource counting = new CountingDataSource(dataSource());
        ReportingLedger l = counted(counting, 500);
        List<LearnerCompletion> first = new ArrayList<>(List.of(
                moc("aba-1", course, diplomate, MocCreditType.ABA_LIFELONG_LEARNING, "1"),
                moc("aba-2", course, diplomate, MocCreditType.ABA_LIFELONG_LEARNING, "0.5"),
                moc("aba-3", course, diplomate, MocCreditType.ABA_PATIENT_SAFETY, "1"),
                moc("aba-4", course, other, MocCreditType.ABA_LIFELONG_LEARNING, "1")));
        for (int i = 0; i < 200; i++) { // 200 pediatricians, the seventh with other credit than the rest
            first.add(moc(
                    "abp-" + i,
                    course,
                    pediatrician("1234567893", String.format("7%05d", i)),
                    MocCreditType.ABP_LIFELONG_LEARNING,
                    i == 7 ? "1.5" : "2"));
        }
        counting.reset();
        List<EntryState> states =
                l.recordAll(first, c -> null).stream().map(Recording::state).toList();
        assertTrue(counting.executed() <= 10, "statements to record 204: " + counting.executed());
        assertEquals(
                List.of(EntryState.PENDING, EntryState.INVALID, EntryState.PENDING, EntryState.PENDING),
                states.subList(0, 4),
                "one record per diplomate, activity and day; patient safety apart; another diplomate apart");
        assertEquals(
                1, states.stream().skip(4).filter(s -> s == EntryState.INVALID).count());
        assertEquals(EntryState.INVALID, states.get(4 + 7));
        assertEquals(
                List.of("MOC_ONE_RECORD_PER_DAY"),
                l.entry("0001234", "aba-2").orElseThrow().problems().stream()
                        .map(EntryProblem::code)
                        .toList());
        assertTrue(l.entry("0001234", "abp-7")
                .orElseThrow()
                .problems()
                .get(0)
                .message()
                .contains("have 2"));
        // A later chunk meets what the first left in the ledger.
        List<Recording> second = l.recordAll(
                List.of(
                        moc("aba-5", course, diplomate, MocCreditType.ABA_LIFELONG_LEARNING, "0.25"),
                        moc(
                                "abp-x",
                                course,
                                pediatrician("1234567893", "799999"),
                                MocCreditType.ABP_LIFELONG_LEARNING,
                                "1"),
                        moc(
                                "abp-y",
                                course,
                                pediatrician("1234567893", "799998"),
                                MocCreditType.ABP_LIFELONG_LEARNING,
                                "2")),
                c -> null);
        assertEquals(
                List.of(EntryState.INVALID, EntryState.INVALID, EntryState.PENDING),
                second.stream().map(Recording::state).toList());
        // Once the first is withdrawn, the day is free again: for a new completion in a chunk too.
        l.withdraw("0001234", "aba-1");
        assertEquals(
                EntryState.PENDING,
                l.recordAll(
                                List.of(moc("aba-6", course, diplomate, MocCreditType.ABA_LIFELONG_LEARNING, "1")),
                                c -> null)
                        .get(0)
                        .state());
    }

    /** An activity registered for ABA (lifelong learning, patient safety) and ABP MOC. */
    private static Activity boardsCourse(String accmeActivityId, String providerActivityId) {
        return Fixtures.activity().toBuilder()
                .accmeActivityId(accmeActivityId)
                .providerActivityId(providerActivityId)
                .mocRegistration(MocRegistration.of(
                        Board.ABA, "10", MocCreditType.ABA_LIFELONG_LEARNING, MocCreditType.ABA_PATIENT_SAFETY))
                .mocRegistration(MocRegistration.of(Board.ABP, "10", MocCreditType.ABP_LIFELONG_LEARNING))
                .build();
    }

    private static Learner abaDiplomate() {
        return Fixtures.learner().toBuilder().boardId(Board.ABA, "123456").build();
    }

    private static LearnerCompletion moc(String key, Activity a, Learner l, MocCreditType type, String points) {
        return Fixtures.completion().toBuilder()
                .completionKey(key)
                .activity(a)
                .learner(l)
                .clearMocCredits()
                .mocCredit(type, points)
                .build();
    }

    private static Learner pediatrician(String npi, String abpId) {
        return Fixtures.learner().toBuilder()
                .npi(npi)
                .clearBoardIds()
                .boardId(Board.ABP, abpId)
                .build();
    }

    /** Stands for a process killed in the middle of a drain. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }
}
