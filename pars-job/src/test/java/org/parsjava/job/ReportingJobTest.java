/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints.Generation;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.RetryPolicy;
import org.parsjava.core.batch.RosterColumns;
import org.parsjava.core.model.Activity;
import org.parsjava.ledger.LedgerDatabase;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.Fault;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.SeenRequest;
import org.parsjava.testkit.StoredCredit;
import org.parsjava.testkit.demo.DemoActivities;
import org.parsjava.testkit.demo.DemoRoster;

/** The reporting job, asserted on its typed summary and its per-row outcomes. */
class ReportingJobTest {

    private static final String HEADER = String.join(",", RosterColumns.ALL).replace(",profession", "") + "\n";
    private static final String GOOD_ROWS = HEADER
            + "k1,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-01,1,,yes\n"
            + "k2,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-02,1,,yes\n";

    @TempDir
    Path dir;

    private ParsSimulator sim;
    private ParsClient client;
    private final List<ReportingLedger> ledgers = new ArrayList<>();
    private final List<RowOutcome> rows = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = simulator(Generation.WCF);
        client = sim.clientBuilder().build();
    }

    @AfterEach
    void stop() {
        ledgers.forEach(ReportingLedger::close);
        client.close();
        sim.close();
    }

    private static ParsSimulator simulator(Generation generation) {
        ParsSimulator s = ParsSimulator.builder()
                .clock(DemoActivities.clock())
                .generation(generation)
                .build()
                .start();
        DemoActivities.ALL.forEach(s::addActivity);
        return s;
    }

    private ReportingLedger ledger(String name) {
        return ledger(name, DemoActivities.clock());
    }

    private ReportingLedger ledger(String name, java.time.Clock clock) {
        return ledger(name, clock, client);
    }

    /** An H2 ledger file {@code name} sending through {@code c}; closed after the test. */
    private ReportingLedger ledger(String name, java.time.Clock clock, ParsClient c) {
        ReportingLedger l = ReportingLedger.builder()
                .jdbcUrl("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath(), null, null)
                .client(c)
                .clock(clock)
                .key(KEY)
                .build();
        ledgers.add(l);
        return l;
    }

    private static final LedgerKey KEY = LedgerKey.generate();

    private ReportingJob.Builder job(Destination destination) {
        return ReportingJob.builder()
                .client(client)
                .destination(destination)
                .clock(DemoActivities.clock())
                .listener(rows::add);
    }

    private Roster sample() throws IOException {
        StringWriter w = new StringWriter();
        DemoRoster.write(w, 1000, 20261120L);
        return Roster.file(Files.writeString(dir.resolve("sample.csv"), w.toString()));
    }

    private Roster roster(String content) throws IOException {
        return Roster.file(Files.writeString(dir.resolve("roster-" + rows.size() + ".csv"), content));
    }

    private int posted() {
        return sim.requests(Operation.SAVE_LEARNER_ACTIVITY).stream()
                .mapToInt(SeenRequest::records)
                .sum();
    }

    @Test
    void aBoardsRejectionOfAnEarlierRowIsARowToFixInTheNextRun() throws IOException {
        sim.boardRejects(
                org.parsjava.core.model.Board.ABIM, "123456", org.parsjava.core.model.BoardReason.LEARNER_NOT_MATCHED);
        ReportingLedger ledger = ledger("boards");
        JobSummary first = job(Destination.ledger(ledger))
                .build()
                .run(
                        roster(
                                HEADER
                                        + "k1,201234567,Omar,Haddad,7/4,1245319599,TX,T12345,ABIM=123456,2026-10-01,1,ABIM_MEDICAL_KNOWLEDGE=1,yes\n"));
        assertEquals(1, first.count(RowStatus.ACCEPTED));
        assertEquals(
                new BoardVerdicts(0, 0, java.util.Map.of()), first.boardVerdicts(), "the board's check is not due yet");
        ledger.close();
        // Two hours on, the next run learns the board's decision, whatever its roster holds.
        java.time.Clock later = java.time.Clock.offset(DemoActivities.clock(), java.time.Duration.ofHours(2));
        Path fix = dir.resolve("rows-to-fix.csv");
        JobSummary second;
        try (RowsToFixFile file = new RowsToFixFile(fix)) {
            second = ReportingJob.builder()
                    .client(client)
                    .destination(Destination.ledger(ledger("boards", later)))
                    .clock(later)
                    .listener(file)
                    .build()
                    .run(roster(HEADER));
        }
        assertEquals(
                new BoardVerdicts(0, 1, java.util.Map.of("BOARD_LEARNER_NOT_MATCHED", 1L)), second.boardVerdicts());
        assertEquals(1, second.rowsToFix());
        assertEquals(ExitStatus.ROWS_TO_FIX, second.exitStatus());
        assertTrue(second.allAccountedFor());
        assertTrue(
                text(second)
                        .contains("boards' decisions on earlier rows: 0 accepted, 1 rejected (rows to fix)   "
                                + "BOARD_LEARNER_NOT_MATCHED 1"),
                text(second));
        String written = Files.readString(fix);
        assertTrue(
                written.contains(",k1,BOARD_REJECTED,mocCredits,BOARD_LEARNER_NOT_MATCHED,\"the board rejected the MOC "
                        + "credit: the board found no diplomate"),
                written);
    }

    @Test
    void theSampleThroughALedgerAccountsForEveryRowAndSaysWhatThisRunDid() throws IOException {
        JobSummary s = job(Destination.ledger(ledger("ledger"))).build().run(sample());
        assertEquals(1000, s.rowsRead());
        assertTrue(s.allAccountedFor(), s.toString());
        assertEquals(1000, rows.size(), "one outcome per row");
        long invalid = s.count(RowStatus.INVALID);
        assertTrue(invalid >= 50 && invalid <= 150, "about 10% bad rows: " + invalid);
        assertTrue(
                s.codes(RowStatus.REJECTED).containsKey("DUPLICATE_RECORD"),
                s.codes(RowStatus.REJECTED).toString());
        assertEquals(0, s.count(RowStatus.ALREADY_HELD), "nothing was in PARS before");
        assertEquals(ExitStatus.ROWS_TO_FIX, s.exitStatus());
        // Every row counted accepted is in the simulator, once.
        long stored = sim.credits().stream()
                .map(c -> c.accmeActivityId() + "|" + c.learnerKey() + "|" + c.completionDate())
                .distinct()
                .count();
        assertEquals(s.count(RowStatus.ACCEPTED), stored);
        assertEquals(
                s.counts().values().stream().mapToLong(Long::longValue).sum(),
                s.rowsRead(),
                "the counts add up to the rows read");
    }

    @Test
    void aRerunThroughTheSameLedgerSendsNothingAndCountsEveryAcceptedRowAsAlreadyHeld() throws IOException {
        ReportingLedger ledger = ledger("ledger");
        Roster roster = roster(GOOD_ROWS);
        JobSummary first = job(Destination.ledger(ledger)).build().run(roster);
        assertEquals(2, first.count(RowStatus.ACCEPTED));
        int posted = posted();
        JobSummary again = job(Destination.ledger(ledger)).build().run(roster);
        assertEquals(0, again.count(RowStatus.ACCEPTED), "this run sent nothing");
        assertEquals(2, again.count(RowStatus.ALREADY_HELD));
        assertEquals(posted, posted(), "nothing sent again");
        assertEquals(ExitStatus.OK, again.exitStatus());
    }

    @Test
    void aRosterThatCannotBeReadPartwayStillHasTheRowsReadBeforeReportedAndAccountedFor() {
        byte[] rowsThenFailure = GOOD_ROWS.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Roster failing = Roster.csv(
                "failing.csv",
                () -> new java.io.SequenceInputStream(
                        new java.io.ByteArrayInputStream(rowsThenFailure), new java.io.InputStream() {
                            @Override
                            public int read() throws IOException {
                                throw new IOException("the disk went away");
                            }
                        }),
                java.nio.charset.StandardCharsets.UTF_8);
        for (Destination d : new Destination[] {Destination.ledger(ledger("partway")), Destination.pars()}) {
            JobSummary s = job(d).build().run(failing);
            assertTrue(s.stop().isPresent(), "stopped");
            assertEquals(2, s.rowsRead());
            assertEquals(
                    2,
                    s.count(RowStatus.ACCEPTED) + s.count(RowStatus.ALREADY_HELD),
                    d.kind().name());
            assertTrue(s.allAccountedFor(), d.kind().name());
        }
    }

    @Test
    void aRunThroughALedgerEndsByRemovingWhatTheLedgerKeepsNoLonger() throws IOException {
        ReportingLedger first = ledger("housekeeping");
        assertEquals(
                2, job(Destination.ledger(first)).build().run(roster(GOOD_ROWS)).count(RowStatus.ACCEPTED));
        assertTrue(first.completion("0001234", "k1").isPresent());
        first.close();
        // A run 181 days later: the learner data of the accepted entries is older than the
        // retention (180 days) and removed; the entries stay.
        ReportingLedger half =
                ledger("housekeeping", java.time.Clock.offset(DemoActivities.clock(), java.time.Duration.ofDays(181)));
        job(Destination.ledger(half)).build().run(roster(HEADER));
        assertEquals(java.util.Optional.empty(), half.completion("0001234", "k1"), "its learner data removed");
        assertTrue(half.entry("0001234", "k1").isPresent(), "the entry kept");
        half.close();
        // A run 401 days later: the two entries are settled and unchanged for longer than the
        // history kept (400 days), and their learner data longer than the retention (180 days).
        ReportingLedger later =
                ledger("housekeeping", java.time.Clock.offset(DemoActivities.clock(), java.time.Duration.ofDays(401)));
        assertTrue(later.entry("0001234", "k1").isPresent(), "kept until the run ends");
        job(Destination.ledger(later)).build().run(roster(HEADER));
        assertEquals(java.util.Optional.empty(), later.entry("0001234", "k1"), "deleted at the end of the run");
        assertEquals(java.util.Optional.empty(), later.entry("0001234", "k2"));
    }

    @Test
    void aRunThroughALedgerSendsEachSlicesNewRowsAsRecordedWithoutClaimingThem() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("watched").toAbsolutePath();
        List<String> prepared = java.util.Collections.synchronizedList(new ArrayList<>());
        try (java.sql.Connection open = java.sql.DriverManager.getConnection(url)) { // keeps the file open
            ReportingLedger ledger = ledgerOn(watched(url, prepared::add));
            JobSummary s =
                    job(Destination.ledger(ledger)).sliceSize(300).build().run(sample());
            assertTrue(s.allAccountedFor());
            assertTrue(s.count(RowStatus.ACCEPTED) > 500, s.toString());
            assertEquals(
                    s.count(RowStatus.ACCEPTED) + s.count(RowStatus.REJECTED),
                    posted(),
                    "each row PARS judged sent once");
            assertEquals(
                    0L,
                    prepared.stream()
                            .filter(sql -> sql.contains("set claimed_by"))
                            .count(),
                    "no claim or release: the slices' entries were stored claimed by the run");
        }
    }

    /** Told the SQL of each statement as it is prepared; may refuse it. */
    private interface Preparing {
        void prepare(String sql) throws java.sql.SQLException;
    }

    /** A data source on {@code url} that tells {@code preparing} the SQL of every statement prepared. */
    private static javax.sql.DataSource watched(String url, Preparing preparing) {
        java.lang.reflect.InvocationHandler connections = (proxy, method, args) -> {
            throw new UnsupportedOperationException(method.getName());
        };
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                ReportingJobTest.class.getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (p, m, a) -> {
                    if (!m.getName().equals("getConnection")) {
                        return connections.invoke(p, m, a);
                    }
                    java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                    return java.lang.reflect.Proxy.newProxyInstance(
                            ReportingJobTest.class.getClassLoader(),
                            new Class<?>[] {java.sql.Connection.class},
                            (cp, cm, ca) -> {
                                if (cm.getName().equals("prepareStatement")) {
                                    preparing.prepare((String) ca[0]);
                                }
                                try {
                                    return cm.invoke(c, ca);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    @ParameterizedTest(name = "{0} slice(s) at once (0: as the ledger's database suits)")
    @ValueSource(ints = {0, 2})
    void throughAnH2LedgerSlicesGoOneAtATimeUnlessTwoAreAsked(int slicesAtOnce) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("overlap-" + slicesAtOnce).toAbsolutePath();
        try (java.sql.Connection open = java.sql.DriverManager.getConnection(url)) { // keeps the file open
            boolean twoAtOnce = slicesAtOnce == 2;
            assertEquals(
                    twoAtOnce,
                    nextSliceRecordedWhileTheOneBeforeIsSent(url, LedgerDatabase.H2, slicesAtOnce),
                    "the second slice was recorded while the first one's request was out only with two at once");
        }
    }

    @Test
    void throughAPostgresLedgerTheNextSliceIsRecordedWhileTheOneBeforeIsSent() throws Exception {
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
                io.zonky.test.db.postgres.embedded.EmbeddedPostgres.start()) {
            assertTrue(nextSliceRecordedWhileTheOneBeforeIsSent(
                    pg.getJdbcUrl("postgres", "postgres"), LedgerDatabase.POSTGRESQL, 0));
        }
    }

    /**
     * A client whose first SaveLearnerActivity request, once it has counted {@code held} down,
     * waits until {@code release} is counted down or {@code seconds} have passed, setting
     * {@code released} to whether it was released.
     */
    private static okhttp3.OkHttpClient firstSaveHeld(
            java.util.concurrent.CountDownLatch held,
            java.util.concurrent.CountDownLatch release,
            int seconds,
            java.util.concurrent.atomic.AtomicBoolean released) {
        java.util.concurrent.atomic.AtomicInteger saves = new java.util.concurrent.atomic.AtomicInteger();
        return new okhttp3.OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    if (chain.request().url().encodedPath().endsWith("SaveLearnerActivity")
                            && saves.incrementAndGet() == 1) {
                        held.countDown();
                        try {
                            released.set(release.await(seconds, java.util.concurrent.TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new java.io.InterruptedIOException("interrupted");
                        }
                    }
                    return chain.proceed(chain.request());
                })
                .build();
    }

    /**
     * Runs the sample through a ledger on {@code url} in slices of 300, holding the first slice's
     * first request until the second slice is recorded or a while has passed; tells whether the
     * second slice was recorded meanwhile (slices did not wait for each other).
     *
     * @param slicesAtOnce 0 for the default
     */
    private boolean nextSliceRecordedWhileTheOneBeforeIsSent(String url, LedgerDatabase database, int slicesAtOnce)
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger inserts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch secondRecorded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean recordedMeanwhile = new java.util.concurrent.atomic.AtomicBoolean();
        okhttp3.OkHttpClient firstWaits =
                firstSaveHeld(new java.util.concurrent.CountDownLatch(1), secondRecorded, 3, recordedMeanwhile);
        try (ParsClient waiting = sim.clientBuilder().okHttpClient(firstWaits).build()) {
            ReportingLedger ledger = ReportingLedger.builder()
                    .dataSource(watched(url, sql -> {
                        if (sql.startsWith("insert into pars_ledger_entry (") && inserts.incrementAndGet() == 2) {
                            secondRecorded.countDown();
                        }
                    }))
                    .client(waiting)
                    .clock(DemoActivities.clock())
                    .key(KEY)
                    .build();
            ledgers.add(ledger);
            assertEquals(database, ledger.database());
            List<JobProgress> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
            ReportingJob.Builder job = ReportingJob.builder()
                    .client(waiting)
                    .destination(Destination.ledger(ledger))
                    .clock(DemoActivities.clock())
                    .listener(rows::add)
                    .listener(new RowListener() {
                        @Override
                        public void row(RowOutcome outcome) {}

                        @Override
                        public void progress(JobProgress p) {
                            if (p.sliceFraction() >= 1.0) {
                                reported.add(p);
                            }
                        }
                    })
                    .sliceSize(300);
            if (slicesAtOnce > 0) {
                job.slicesAtOnce(slicesAtOnce);
            }
            JobSummary s = job.build().run(sample());
            assertTrue(s.stop().isEmpty(), s.toString());
            assertTrue(s.allAccountedFor(), s.toString());
            assertEquals(1000, rows.size(), "one outcome per row");
            assertEquals(0, s.count(RowStatus.FAILED), s.toString());
            // Each slice is told reported once, in order, and only once its rows are settled.
            assertEquals(
                    java.util.stream.IntStream.rangeClosed(1, reported.size())
                            .boxed()
                            .toList(),
                    reported.stream().map(JobProgress::slice).toList());
            assertTrue(reported.size() >= 3, "slices: " + reported.size());
            for (JobProgress p : reported.subList(0, reported.size() - 1)) { // the last slice holds the rest
                assertTrue(p.rowsSettled() >= 300L * p.slice(), p.toString());
            }
            assertEquals(1000, reported.get(reported.size() - 1).rowsSettled());
            ledger.close();
        }
        return recordedMeanwhile.get();
    }

    @Test
    void aRowOneSliceRecordsAndTheSliceBeforeSendsIsCountedAsThisRunsNotAnEarlierOne() throws Exception {
        // A rerun with changed names: each changed row is a correction, due at once and not held
        // for its slice, so the first slice's drain, held until the second slice is recorded,
        // takes the second slice's corrections too. Each is still counted by its own slice, as
        // accepted in this run (the corrected record is new to PARS), none as an earlier run's.
        StringWriter w = new StringWriter();
        DemoRoster.write(w, 1000, 20261120L);
        List<String> lines = new ArrayList<>(List.of(w.toString().split("\n", -1)));
        ReportingLedger first = ledger("corrected");
        JobSummary before = job(Destination.ledger(first))
                .sliceSize(300)
                .slicesAtOnce(2)
                .build()
                .run(roster(String.join("\n", lines)));
        assertTrue(before.stop().isEmpty(), before.toString());
        Map<Integer, RowStatus> firstRun = new java.util.HashMap<>();
        rows.forEach(r -> firstRun.put(r.line(), r.status()));
        first.close();
        ledgers.remove(first);

        java.util.Set<Integer> renamed = new java.util.TreeSet<>();
        for (int line = 2; line <= lines.size(); line++) {
            boolean inFirstSlices = line % 50 == 0 && line <= 700; // the first slices, a few rows each
            String[] cells = lines.get(line - 1).split(",", -1);
            if (inFirstSlices && firstRun.get(line) == RowStatus.ACCEPTED && cells.length > 2) {
                cells[2] = cells[2] + "e"; // first_name
                lines.set(line - 1, String.join(",", cells));
                renamed.add(line);
            }
        }
        assertTrue(renamed.stream().anyMatch(l -> l > 400), "rows renamed in the second slice: " + renamed);
        rows.clear();
        java.util.concurrent.CountDownLatch secondRecorded = new java.util.concurrent.CountDownLatch(1);
        okhttp3.OkHttpClient firstWaits = firstSaveHeld(
                new java.util.concurrent.CountDownLatch(1),
                secondRecorded,
                3,
                new java.util.concurrent.atomic.AtomicBoolean());
        try (ParsClient waiting = sim.clientBuilder().okHttpClient(firstWaits).build()) {
            ReportingLedger again = ledger("corrected", DemoActivities.clock(), waiting);
            JobSummary s = ReportingJob.builder()
                    .client(waiting)
                    .destination(Destination.ledger(again))
                    .clock(DemoActivities.clock())
                    .listener(rows::add)
                    .listener(outcome -> {
                        if (outcome.line() > 400 && outcome.status() == RowStatus.ALREADY_HELD) {
                            secondRecorded.countDown(); // the second slice's recordings are committed
                        }
                    })
                    .sliceSize(300)
                    .slicesAtOnce(2)
                    .build()
                    .run(roster(String.join("\n", lines)));
            assertTrue(s.stop().isEmpty(), s.toString());
            assertTrue(s.allAccountedFor(), s.toString());
            assertEquals(0, s.earlierSettled(), "no entry of an earlier run was due: " + s);
            Map<Integer, RowStatus> now = new java.util.HashMap<>();
            rows.forEach(r -> now.put(r.line(), r.status()));
            for (int line : renamed) {
                assertEquals(RowStatus.ACCEPTED, now.get(line), "line " + line + " (corrected and sent in this run)");
            }
        }
    }

    @Test
    void anInterruptedRunOnTwoSlicesAtOnceStillAccountsForEveryRowItRead() throws Exception {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        okhttp3.OkHttpClient firstWaits =
                firstSaveHeld(held, release, 10, new java.util.concurrent.atomic.AtomicBoolean());
        try (ParsClient waiting = sim.clientBuilder().okHttpClient(firstWaits).build()) {
            ReportingLedger ledger = ledger("interrupted", DemoActivities.clock(), waiting);
            Roster roster = sample();
            java.util.concurrent.FutureTask<JobSummary> run =
                    new java.util.concurrent.FutureTask<>(() -> ReportingJob.builder()
                            .client(waiting)
                            .destination(Destination.ledger(ledger))
                            .clock(DemoActivities.clock())
                            .listener(rows::add)
                            .sliceSize(300)
                            .slicesAtOnce(2)
                            .build()
                            .run(roster));
            Thread job = new Thread(run, "interrupted-job");
            job.start();
            assertTrue(held.await(10, java.util.concurrent.TimeUnit.SECONDS), "the first request went out");
            job.interrupt();
            Thread.sleep(200);
            release.countDown();
            JobSummary s = run.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertTrue(s.stop().isPresent(), s.toString());
            assertTrue(s.allAccountedFor(), s.toString());
            assertEquals(s.rowsRead(), rows.size(), "one outcome per row read, none after the summary");
            Thread.sleep(200);
            assertEquals(s.rowsRead(), rows.size(), "no outcome after the summary");
        }
    }

    @Test
    void throughALedgerTheListenersAreCalledOneAtATime() throws IOException {
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Set<Integer> lines = java.util.concurrent.ConcurrentHashMap.newKeySet();
        RowListener slow = outcome -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            lines.add(outcome.line());
            long until = System.nanoTime() + 20_000; // long enough for another call to come in meanwhile
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            inside.decrementAndGet();
        };
        JobSummary s = job(Destination.ledger(ledger("calls")))
                .listener(slow)
                .sliceSize(100)
                .slicesAtOnce(2) // two slices' drains settle rows at once
                .build()
                .run(sample());
        assertTrue(s.allAccountedFor(), s.toString());
        assertEquals(1000, lines.size(), "every row told");
        assertEquals(1, most.get(), "never two calls at once");
    }

    @ParameterizedTest(name = "{0} slice(s) at once")
    @ValueSource(ints = {1, 2})
    void aLedgerFailingWhileRecordingStopsTheRunWithEveryReadRowAccounted(int slicesAtOnce) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("full-" + slicesAtOnce).toAbsolutePath();
        java.util.concurrent.atomic.AtomicInteger inserts = new java.util.concurrent.atomic.AtomicInteger();
        try (java.sql.Connection open = java.sql.DriverManager.getConnection(url)) { // keeps the file open
            ReportingLedger ledger = ledgerOn(watched(url, sql -> {
                if (sql.startsWith("insert into pars_ledger_entry (") && inserts.incrementAndGet() > 1) {
                    throw new java.sql.SQLException("no space left on the device", "53100");
                }
            }));
            JobSummary s = job(Destination.ledger(ledger))
                    .sliceSize(300)
                    .slicesAtOnce(slicesAtOnce)
                    .build()
                    .run(sample());

            // One slice was recorded (with two reported at once, either of the first two: when the
            // second was, it is not sent, since the first failed); the others were not, and the run
            // stopped once it knew.
            JobSummary.Stop stop = s.stop().orElseThrow();
            assertTrue(stop.reason().contains("the ledger could not record"), stop.reason());
            assertTrue(s.allAccountedFor(), s.toString());
            assertEquals(s.rowsRead(), rows.size(), "one outcome per row read");
            List<RowOutcome> failed = failed();
            assertTrue(failed.size() >= 250, "the rows of the slices not recorded: " + failed.size());
            if (slicesAtOnce == 1) {
                assertTrue(s.rowsRead() < 1000, "the run stopped at the second slice: " + s.rowsRead());
                assertTrue(failed.size() <= 300, "the second slice's rows: " + failed.size());
            }
            assertTrue(
                    failed.stream()
                            .allMatch(r -> message(r).startsWith("not recorded: ")
                                    || (slicesAtOnce == 2
                                            && message(r)
                                                    .startsWith("not sent: the run stopped before it was sent; the row "
                                                            + "is recorded"))),
                    failed.toString());
            assertTrue(
                    failed.stream().anyMatch(r -> message(r).startsWith("not recorded: the ledger failed")),
                    failed.toString());
            assertEquals(
                    s.count(RowStatus.ACCEPTED) + s.count(RowStatus.REJECTED),
                    posted(),
                    "only the slice recorded, if sent, reached PARS");
        }
    }

    @ParameterizedTest(name = "{0} slice(s) at once")
    @ValueSource(ints = {1, 2})
    void aLedgerFailingWhileStoringOutcomesCountsTheRowsRecordedAndALaterRunFindsThemInPars(int slicesAtOnce)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("lost-" + slicesAtOnce).toAbsolutePath();
        java.util.concurrent.atomic.AtomicInteger settlements = new java.util.concurrent.atomic.AtomicInteger();
        try (java.sql.Connection open = java.sql.DriverManager.getConnection(url)) {
            ReportingLedger failing = ledgerOn(watched(url, sql -> {
                if (sql.startsWith("update pars_ledger_entry set updated_at=") && settlements.incrementAndGet() > 1) {
                    throw new java.sql.SQLException("the database went away", "08006");
                }
            }));
            JobSummary s = job(Destination.ledger(failing))
                    .sliceSize(300)
                    .slicesAtOnce(slicesAtOnce)
                    .build()
                    .run(sample());

            assertTrue(s.stop().orElseThrow().reason().contains("the ledger could not"), s.toString());
            assertTrue(s.allAccountedFor(), s.toString());
            assertEquals(s.rowsRead(), rows.size(), "one outcome per row read");
            // A slice whose answers could not be stored was recorded and sent; a slice the run did
            // not get to was not recorded.
            List<RowOutcome> sent = failed().stream()
                    .filter(r -> message(r).startsWith("not confirmed: the ledger failed; the row is recorded"))
                    .toList();
            List<RowOutcome> notRecorded = failed().stream()
                    .filter(r -> message(r).startsWith("not recorded: "))
                    .toList();
            // A slice recorded while the one before failed is not sent.
            List<RowOutcome> notSent = failed().stream()
                    .filter(r ->
                            message(r).startsWith("not sent: the run stopped before it was sent; the row is recorded"))
                    .toList();
            assertEquals(failed().size(), sent.size() + notRecorded.size() + notSent.size(), failed().toString());
            assertTrue(sent.size() >= 250, "the rows of a slice whose answers were lost: " + sent.size());
            if (slicesAtOnce == 1) {
                assertTrue(
                        sent.size() <= 300 && notRecorded.isEmpty() && notSent.isEmpty(),
                        "the second slice's rows: " + failed());
            }
            assertEquals(
                    s.count(RowStatus.ACCEPTED) + s.count(RowStatus.REJECTED) + sent.size(),
                    posted(),
                    "the slices recorded were sent; PARS's answers to one were not stored");

            // The same ledger, healthy again: the next run finds in PARS what it holds, and sends none of it again.
            failing.close();
            ReportingLedger healthy = ledger("lost-" + slicesAtOnce);
            healthy.releaseClaims(); // only this process uses the file
            rows.clear();
            int postedBefore = posted();
            JobSummary again =
                    job(Destination.ledger(healthy)).sliceSize(300).build().run(sample());
            assertTrue(again.stop().isEmpty(), again.toString());
            assertTrue(again.allAccountedFor(), again.toString());
            assertEquals(0, again.count(RowStatus.FAILED), again.toString());
            Map<Integer, RowStatus> now = new java.util.HashMap<>();
            rows.forEach(r -> now.put(r.line(), r.status()));
            long held = sent.stream()
                    .filter(r -> now.get(r.line()) == RowStatus.ALREADY_HELD)
                    .count();
            assertTrue(
                    sent.stream()
                            .allMatch(r -> now.get(r.line()) == RowStatus.ALREADY_HELD
                                    || now.get(r.line()) == RowStatus.REJECTED),
                    "each row sent before is held or refused, never accepted twice");
            assertTrue(held >= 200, "held: " + held);
            long refusedAgain = sent.size() - held; // refused records PARS does not hold: sent again, refused again
            assertTrue(
                    posted() - postedBefore
                            <= notRecorded.size() + notSent.size() + (again.rowsRead() - s.rowsRead()) + refusedAgain,
                    "only the rows not recorded or not read before, and those PARS refused, were sent: "
                            + (posted() - postedBefore));
        }
    }

    private ReportingLedger ledgerOn(javax.sql.DataSource dataSource) {
        ReportingLedger l = ReportingLedger.builder()
                .dataSource(dataSource)
                .client(client)
                .clock(DemoActivities.clock())
                .key(KEY)
                .build();
        ledgers.add(l);
        return l;
    }

    private List<RowOutcome> failed() {
        return rows.stream().filter(r -> r.status() == RowStatus.FAILED).toList();
    }

    private static String message(RowOutcome r) {
        return r.problems().get(0).message();
    }

    @Test
    void straightToParsEachSliceIsToldReportedOnceItsRowsAreSettled() throws IOException {
        List<JobProgress> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobSummary s = job(Destination.pars())
                .listener(new RowListener() {
                    @Override
                    public void row(RowOutcome outcome) {}

                    @Override
                    public void progress(JobProgress p) {
                        told.add(p);
                    }
                })
                .sliceSize(300)
                .build()
                .run(sample());
        assertTrue(s.allAccountedFor(), s.toString());
        // The last word on each slice says it is reported in full, once its rows are settled.
        Map<Integer, JobProgress> last = new java.util.TreeMap<>();
        told.forEach(p -> last.put(p.slice(), p));
        assertEquals(
                java.util.stream.IntStream.rangeClosed(1, last.size()).boxed().toList(), List.copyOf(last.keySet()));
        assertTrue(last.size() >= 3, "slices: " + last.size());
        for (JobProgress p : last.values()) {
            assertEquals(1.0, p.sliceFraction(), p.toString());
            assertTrue(p.rowsSettled() >= Math.min(300L * p.slice(), 1000), p.toString());
        }
        assertEquals(1000, last.get(last.size()).rowsSettled());
    }

    @Test
    void aRerunStraightToParsIsConfirmedHeldNotAcceptedAgain() throws IOException {
        Roster roster = roster(GOOD_ROWS);
        assertEquals(2, job(Destination.pars()).build().run(roster).count(RowStatus.ACCEPTED));
        JobSummary again = job(Destination.pars()).build().run(roster);
        assertEquals(0, again.count(RowStatus.ACCEPTED));
        assertEquals(2, again.count(RowStatus.ALREADY_HELD), "PARS refused them as duplicates it holds");
        assertEquals(0, again.count(RowStatus.REJECTED));
        assertEquals(2, sim.credits().size(), "stored once");
    }

    @Test
    void theUploadFileGetsTheValidRowsAndNothingIsSent() throws IOException {
        Path upload = dir.resolve("out/upload.xlsx");
        JobSummary s = job(Destination.uploadFile(upload)).build().run(sample());
        assertEquals(1000, s.count(RowStatus.WRITTEN) + s.count(RowStatus.INVALID));
        assertTrue(s.allAccountedFor());
        assertTrue(Files.size(upload) > 0);
        assertEquals(0, posted(), "nothing sent to PARS");
        assertTrue(s.reportedTo().contains("nothing was sent to PARS"), s.reportedTo());
    }

    @Test
    void aCheckSendsNothingAndJudgesDatesByTheJobsClock() throws IOException {
        JobSummary s = job(Destination.checkOnly())
                .clock(java.time.Clock.fixed(
                        java.time.Instant.parse("2026-10-01T18:00:00Z"), java.time.ZoneId.of("America/Chicago")))
                .build()
                .run(roster(GOOD_ROWS));
        assertEquals(1, s.count(RowStatus.VALID));
        assertEquals(Map.of("COMPLETION_DATE_IN_FUTURE", 1L), s.codes(RowStatus.INVALID));
        assertEquals(0, sim.requests(Operation.SAVE_LEARNER_ACTIVITY).size());
        // A validator of the application's own replaces the job's: here, one judging as of a later day.
        JobSummary later = job(Destination.checkOnly())
                .validator(org.parsjava.core.validation.ParsValidator.builder()
                        .clock(java.time.Clock.fixed(
                                java.time.Instant.parse("2026-11-20T18:00:00Z"),
                                java.time.ZoneId.of("America/Chicago")))
                        .build())
                .build()
                .run(roster(GOOD_ROWS));
        assertEquals(2, later.count(RowStatus.VALID));
    }

    @Test
    void refusedCredentialsStopTheRunWithEveryReadRowAccounted() throws IOException {
        try (ParsClient wrong = sim.clientBuilder()
                .credentials(org.parsjava.client.ParsCredentials.of(ParsSimulator.DEFAULT_USER, "not-the-password"))
                .build()) {
            JobSummary s = ReportingJob.builder()
                    .client(wrong)
                    .destination(Destination.pars())
                    .build()
                    .run(roster(GOOD_ROWS));
            assertEquals(1, s.rowsRead(), "the run stopped at the row whose activity lookup was refused");
            assertEquals(1, s.count(RowStatus.FAILED));
            assertTrue(s.allAccountedFor());
            assertEquals(2, s.stop().orElseThrow().lastLine());
            assertTrue(s.stop().orElseThrow().reason().contains("refused the credentials"), s.toString());
            assertFalse(s.stop().orElseThrow().reason().contains("not-the-password"));
            assertEquals(ExitStatus.FAILED, s.exitStatus());
            assertTrue(sim.credits().isEmpty());
        }
    }

    @Test
    void aRosterThatCannotBeReadIsRefusedBeforeAnythingIsDone() throws IOException {
        RosterException missing = assertThrows(RosterException.class, () -> Roster.file(dir.resolve("nosuch.csv")));
        assertTrue(missing.getMessage().contains("nosuch.csv cannot be read: there is no such file"));
        Roster bad = roster("name,date\nx,y\n");
        RosterException header = assertThrows(RosterException.class, bad::check);
        assertTrue(header.getMessage().contains("lacks required column(s) completion_key"), header.getMessage());
        assertTrue(header.getMessage().contains("consent (required)"), header.getMessage());
        assertThrows(
                RosterException.class, () -> job(Destination.pars()).build().run(bad));
        assertEquals(0, sim.requests().size(), "nothing asked of PARS");
    }

    @Test
    void anActivityWhoseLookupFailedIsAskedOnceAndItsRowsFail() throws IOException {
        int attempts = RetryPolicy.defaults().maxAttempts();
        for (int i = 0; i < attempts; i++) {
            sim.inject(Operation.GET_ACTIVITY, Fault.rateLimited(Duration.ZERO));
        }
        JobSummary s = job(Destination.pars()).build().run(roster(GOOD_ROWS));
        assertEquals(2, s.count(RowStatus.FAILED));
        assertEquals(attempts, sim.requests(Operation.GET_ACTIVITY).size());
        assertEquals("ACTIVITY_LOOKUP_FAILED", rows.get(0).problems().get(0).code());
        assertEquals(ExitStatus.FAILED, s.exitStatus());
    }

    @Test
    void aWindows1252RowIsOneInvalidRowAndTheRestAreReported() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((HEADER + "k1,201234569,Omar,Haddad,7/4,1245319599,TX,T12345,,2026-10-01,1,,yes\n")
                .getBytes(StandardCharsets.UTF_8));
        file.writeBytes("k2,201234569,Jos\u00e9,Haddad,7/5,1003000126,TX,T12346,,2026-10-01,1,,yes\n"
                .getBytes(Charset.forName("windows-1252")));
        file.writeBytes("k3,201234569,Lena,Berg,7/6,1003000134,TX,T12347,,2026-10-01,1,,yes\n"
                .getBytes(StandardCharsets.UTF_8));
        Path roster = Files.write(dir.resolve("mixed.csv"), file.toByteArray());
        JobSummary s = job(Destination.pars()).build().run(Roster.file(roster));
        assertEquals(3, s.rowsRead());
        assertEquals(2, s.count(RowStatus.ACCEPTED));
        assertEquals(Map.of("ROW_ENCODING", 1L), s.codes(RowStatus.INVALID));
        RowOutcome bad = rows.stream()
                .filter(r -> r.status() == RowStatus.INVALID)
                .findFirst()
                .orElseThrow();
        assertEquals(3, bad.line());
        assertEquals("first_name", bad.problems().get(0).field());
    }

    @Test
    void theRowsToFixFileNamesLineFieldAndCodeWithoutPersonalData() throws IOException {
        Roster roster = roster(HEADER
                + "k1,201234567,Priya,Iyer,3/14,1245319599,NY,N12345,,2026-11-02,1,,yes\n"
                + "k2,201234567,Kenji,Tanaka,02/30,1003000126,CA,C12345,,2026-11-02,1,,yes\n"
                + "k3,201234567,Grace,Novak,4/1,1234567890,CA,C54321,,2026-11-02,1,,yes\n");
        Path fix = dir.resolve("fix.csv");
        JobSummary s;
        try (RowsToFixFile file = new RowsToFixFile(fix)) {
            s = job(Destination.pars()).listener(file).build().run(roster);
            assertEquals(2, file.lines(), "one line per problem");
            assertEquals(fix, file.file());
        }
        assertEquals(1, s.count(RowStatus.ACCEPTED));
        assertEquals(2, s.count(RowStatus.INVALID));
        String text = Files.readString(fix);
        assertTrue(text.startsWith(RowsToFixFile.HEADER + "\n"), text);
        assertTrue(text.contains("3,k2,INVALID,birth_date,BIRTH_DATE_INVALID,"), text);
        assertTrue(text.contains("4,k3,INVALID,npi,NPI_CHECK_DIGIT,"), text);
        String summary = text(s);
        for (String pii : new String[] {"Kenji", "Tanaka", "1234567890", "02/30", "Novak"}) {
            assertFalse(
                    text.contains(pii)
                            || summary.contains(pii)
                            || rows.toString().contains(pii),
                    pii);
        }
    }

    @Test
    void aSimulatedRunNeverReadsAsReportedToPars() throws IOException {
        JobSummary s = job(Destination.pars()).simulated(true).build().run(roster(GOOD_ROWS));
        String text = text(s);
        assertTrue(text.contains("the PARS simulator at " + sim.baseUrl()), text);
        assertTrue(text.contains("nothing reached PARS"), text);
        assertTrue(text.contains("accepted by the simulator in this run"), text);
        assertFalse(text.contains("accepted by PARS"), text);
        JobSummary real = job(Destination.pars()).build().run(roster(GOOD_ROWS));
        String realText = text(real);
        assertTrue(realText.contains("already held by PARS (earlier runs)"), realText);
        assertTrue(realText.contains("as provider " + ParsSimulator.DEFAULT_PROVIDER_ID), realText);
    }

    @Test
    void aKeyUsedTwiceInAFileIsADuplicateWithinASliceAndAcrossSlices() throws IOException {
        // One learner per key (their NPI and license), the second row a day later.
        java.util.function.BiFunction<String, String, String> twice = (key, npi) -> HEADER
                + key + ",201234569,Omar,Haddad,7/4," + npi + ",TX,T" + npi.substring(5) + ",,2026-10-01,1,,yes\n"
                + key + ",201234569,Omar,Haddad,7/4," + npi + ",TX,T" + npi.substring(5) + ",,2026-10-02,1,,yes\n";
        JobSummary together =
                job(Destination.ledger(ledger("together"))).build().run(roster(twice.apply("t1", "1245319599")));
        assertEquals(1, together.count(RowStatus.ACCEPTED));
        assertEquals(java.util.Map.of("COMPLETION_KEY_DUPLICATE", 1L), together.codes(RowStatus.INVALID));
        // Slices apart, through a ledger: the later row is refused just the same, and PARS keeps
        // the earlier one; so on a rerun of the file, where the earlier row is found unchanged.
        ReportingLedger apartLedger = ledger("apart");
        for (int run = 1; run <= 2; run++) {
            List<RowOutcome> rows = new ArrayList<>();
            JobSummary apart = job(Destination.ledger(apartLedger))
                    .sliceSize(1)
                    .listener(rows::add)
                    .build()
                    .run(roster(twice.apply("a1", "1234567893")));
            assertEquals(run == 1 ? 1 : 0, apart.count(RowStatus.ACCEPTED), "run " + run);
            assertEquals(run == 1 ? 0 : 1, apart.count(RowStatus.ALREADY_HELD), "run " + run);
            assertEquals(java.util.Map.of("COMPLETION_KEY_DUPLICATE", 1L), apart.codes(RowStatus.INVALID));
            RowOutcome later =
                    rows.stream().filter(r -> r.line() == 3).findFirst().orElseThrow();
            assertEquals(RowStatus.INVALID, later.status());
            assertEquals("completionKey", later.problems().get(0).field());
            List<StoredCredit> a1 = sim.credits().stream()
                    .filter(c -> c.creditId().contains(":a1-"))
                    .toList();
            assertEquals(1, a1.size());
            assertEquals(java.time.LocalDate.of(2026, 10, 1), a1.get(0).completionDate(), "the earlier row");
        }
        // Straight to PARS: PARS refuses the later one, whose CreditID it holds.
        JobSummary straight = job(Destination.pars()).sliceSize(1).build().run(roster(twice.apply("s1", "1497758544")));
        assertEquals(1, straight.count(RowStatus.ACCEPTED));
        assertEquals(1, straight.count(RowStatus.REJECTED));
    }

    @Test
    void theRestGenerationGivesTheSameAccountingAsWcf() throws IOException {
        JobSummary wcf = job(Destination.pars()).build().run(sample());
        try (ParsSimulator rest = simulator(Generation.REST);
                ParsClient restClient = rest.clientBuilder().build()) {
            JobSummary r = ReportingJob.builder()
                    .client(restClient)
                    .destination(Destination.pars())
                    .build()
                    .run(sample());
            assertEquals(wcf.counts(), r.counts());
            assertEquals(wcf.codes(RowStatus.INVALID), r.codes(RowStatus.INVALID));
        }
    }

    @Test
    void slicesAndConcurrencyDoNotChangeTheAccounting() throws IOException {
        JobSummary one = job(Destination.pars()).build().run(sample());
        try (ParsSimulator other = simulator(Generation.WCF);
                ParsClient eight =
                        other.clientBuilder().maxConcurrentRequests(8).build()) {
            JobSummary many = ReportingJob.builder()
                    .client(eight)
                    .destination(Destination.pars())
                    .sliceSize(300)
                    .build()
                    .run(sample());
            assertEquals(one.counts(), many.counts());
        }
    }

    @Test
    void aJobNeedsADestinationAndAWayToFindActivities() {
        IllegalStateException none = assertThrows(
                IllegalStateException.class, () -> ReportingJob.builder().build());
        assertTrue(none.getMessage().contains("destination is required"));
        IllegalStateException noClient = assertThrows(
                IllegalStateException.class,
                () -> ReportingJob.builder().destination(Destination.pars()).build());
        assertTrue(noClient.getMessage().contains("client is required"));
        Map<String, Activity> byId = Map.of("201234569", DemoActivities.GRAND_ROUNDS);
        ReportingJob local = ReportingJob.builder()
                .destination(Destination.checkOnly())
                .activities(id -> Optional.ofNullable(byId.get(id)))
                .clock(DemoActivities.clock())
                .build();
        assertThrows(
                IllegalArgumentException.class, () -> ReportingJob.builder().sliceSize(0));
        assertTrue(local.toString().contains("CHECK_ONLY"));
    }

    private static String text(JobSummary s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryText.print(s, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
