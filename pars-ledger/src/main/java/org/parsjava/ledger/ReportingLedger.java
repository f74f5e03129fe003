/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsTarget;
import org.parsjava.client.RetryPolicy;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.ledger.internal.Binding;
import org.parsjava.ledger.internal.Claimed;
import org.parsjava.ledger.internal.Lease;
import org.parsjava.ledger.internal.LedgerPool;
import org.parsjava.ledger.internal.LedgerStore;
import org.parsjava.ledger.internal.Migrations;
import org.parsjava.ledger.internal.PayloadCipher;
import org.parsjava.ledger.internal.Recorder;
import org.parsjava.ledger.internal.Sender;
import org.parsjava.ledger.internal.StatusSync;

/**
 * The durable state of every completion between "earned" and "accepted by the board": record
 * completions as they happen, and the ledger sends them to PARS through a {@link ParsClient},
 * keeps retrying what failed (across restarts), follows board decisions, and tells what is due,
 * late, or needs fixing.
 *
 * <pre>{@code
 * ReportingLedger ledger = ReportingLedger.builder()
 *     .dataSource(dataSource)                      // or .jdbcUrl("jdbc:h2:file:./pars-ledger")
 *     .client(parsClient).key(LedgerKey.fromBase64(System.getenv("PARS_LEDGER_KEY")))
 *     .build();                                    // creates or migrates its tables (Flyway)
 * ledger.record(completion);                       // idempotent: the same key twice changes nothing
 * try (LedgerWorker worker = ledger.startWorker(Duration.ofMinutes(1))) { ... }   // or ledger.drain()
 * }</pre>
 *
 * <p>One entry per provider and completion key. Learner data (names, birth date, identifiers)
 * is stored only encrypted with the caller's {@link LedgerKey}, and removed from settled entries
 * after {@link Builder#retention}. Several nodes may share one database: entries are claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, so no entry is sent by two nodes at once, and the
 * worker's recurring work is coordinated by db-scheduler. Thread safe.
 */
public final class ReportingLedger implements AutoCloseable {

    private final DataSource dataSource;
    /** A pool the ledger made from a JDBC URL, closed with it; null for a caller's data source. */
    private final com.zaxxer.hikari.HikariDataSource ownedPool;

    private final LedgerStore store;
    private final ParsValidator validator;
    private final DeadlineRules deadlines;
    private final Clock clock;
    private final String node;
    private final Duration retention;
    private final Duration history;
    private final Draining draining;

    private final ParsTarget boundTo;
    private final Adoption adoption;
    private final LedgerDatabase database;

    private ReportingLedger(Builder b) {
        if (b.dataSource == null && b.url != null) {
            com.zaxxer.hikari.HikariDataSource pool = LedgerPool.open(b.url, b.user, b.password);
            this.dataSource = pool;
            this.ownedPool = pool;
        } else {
            this.dataSource = b.dataSource;
            this.ownedPool = null;
        }
        try {
            this.clock = b.clock;
            this.validator = b.validator != null
                    ? b.validator
                    : ParsValidator.builder()
                            .clock(b.clock)
                            .rules(b.client.rules())
                            .build();
            this.deadlines = b.deadlines;
            this.node = b.node;
            this.retention = b.retention;
            this.history = b.history;
            boolean postgres = Migrations.migrate(dataSource);
            this.database = postgres ? LedgerDatabase.POSTGRESQL : LedgerDatabase.H2;
            this.store = new LedgerStore(dataSource, new PayloadCipher(b.key.bytes()), postgres, validator.rules());
            this.draining = new Draining(
                    store,
                    new Sender(b.client, b.retryWaits, b.statusWaits),
                    new StatusSync(b.client, b.statusWaits),
                    clock,
                    b.batchSize,
                    node,
                    b.lease);
            // Opens one stored payload, so a wrong key fails at start rather than in the middle of a drain.
            store.queries().verifyKey();
            this.boundTo = b.client.target();
            this.adoption = Binding.check(store.jdbc(), boundTo, b.adoptPars, clock.instant())
                    .orElse(null);
        } catch (RuntimeException e) {
            close(); // a pool opened for a URL is not left holding the database (an H2 file stays locked)
            throw e;
        }
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The PARS this ledger reports to: its client's. Entries settled by another PARS never count here. */
    public ParsTarget boundTo() {
        return boundTo;
    }

    /** The database the ledger keeps its entries in. */
    public LedgerDatabase database() {
        return database;
    }

    /** The adoption of this PARS when the ledger was opened, if it reported to another before. */
    public Optional<Adoption> adoption() {
        return Optional.ofNullable(adoption);
    }

    /** {@link #record(LearnerCompletion, String)} without a reference. */
    public Recording record(LearnerCompletion completion) {
        return record(completion, null);
    }

    /**
     * Records a completion in a transaction of its own. The same completion key with the same
     * content changes nothing; with other content it replaces the entry, or, if PARS may already
     * hold the old record, becomes a correction (the old record is deleted, then the new one
     * sent). An invalid completion is kept as {@link EntryState#INVALID} with its violations.
     *
     * @param reference your own pointer shown with the entry (a roster line, an enrolment ID),
     *     or null; never learner data
     */
    public Recording record(LearnerCompletion completion, String reference) {
        Recorder.Recorded r = recorded(completion, reference, clock.instant(), null);
        try {
            return store.recorder().record(r);
        } catch (LedgerException e) {
            // Two threads recording the same new key at once: the loser finds the winner's entry.
            if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return store.recorder().record(r);
            }
            throw e;
        }
    }

    /**
     * Records many completions in one transaction (a bulk import, a roster slice): each as
     * {@link #record(LearnerCompletion, String)} would, all committed together, with one
     * recording time (their first {@link Transition}'s).
     *
     * @param reference gives each completion's reference (or null)
     * @return one {@link Recording} per completion, in order
     */
    public List<Recording> recordAll(
            List<LearnerCompletion> completions, Function<LearnerCompletion, String> reference) {
        return store.recorder().recordAll(recordedAll(completions, reference, null));
    }

    /**
     * Records many completions as {@link #recordAll} does, then drains as {@link
     * #drain(DrainListener)} does, sending them first (before any other entry due, even one due
     * earlier): their new entries are stored already claimed by this ledger, so no other node
     * takes them and the drain sends them without claiming them again (a write per entry fewer).
     * For a caller that sends what it records at once (a roster run); a ledger whose drains run
     * elsewhere records with {@link #recordAll}. The new entries not sent when the drain fails
     * (an exception or an error, PARS refusing the credentials) are released for any drain, as
     * are those still unsent once half a lease ({@link Builder#claimLease}) has passed since the
     * recording began; a process that dies first leaves every one not yet settled to be looked up
     * in PARS before it is sent, as for any entry whose send was under way.
     *
     * @param recorded told the recordings, one per completion in order, once they are committed
     *     and before anything is sent
     * @param listener told of each entry the drain settles; may be null
     * @throws ParsAuthenticationException when PARS refuses the credentials (the recordings
     *     are committed)
     */
    public DrainSummary recordAndDrain(
            List<LearnerCompletion> completions,
            Function<LearnerCompletion, String> reference,
            Consumer<List<Recording>> recorded,
            DrainListener listener) {
        return recordAndDrainIn(null, completions, reference, recorded, listener);
    }

    /**
     * {@link #recordAndDrain(List, Function, Consumer, DrainListener)} as one call of a run of
     * several (a roster read in slices, each recorded and drained in turn): a completion whose key
     * the same run recorded already, in this call or an earlier one, or found unchanged, is not
     * recorded again whatever its content: its {@link Recording} is {@link
     * Recording.Change#REPEATED}, with the problem {@code COMPLETION_KEY_DUPLICATE}, and the entry
     * keeps what the run's first recording of the key left (without a run, a later completion
     * with new content replaces the earlier one, or becomes a correction of what PARS holds).
     * The ledger stores the run (64 bits of its name's SHA-256) with each entry the run records,
     * and beside each entry it finds unchanged.
     *
     * @param run names the run: the same for each of its calls, another for each run (a random
     *     UUID, say), 1 to 64 characters, never learner data
     * @throws IllegalArgumentException when {@code run} is empty or longer than 64 characters
     */
    public DrainSummary recordAndDrain(
            List<LearnerCompletion> completions,
            Function<LearnerCompletion, String> reference,
            String run,
            Consumer<List<Recording>> recorded,
            DrainListener listener) {
        return recordAndDrainIn(Objects.requireNonNull(run, "run"), completions, reference, recorded, listener);
    }

    /** {@link #recordAndDrain} in {@code run}, or outside a run when it is null. */
    private DrainSummary recordAndDrainIn(
            String run,
            List<LearnerCompletion> completions,
            Function<LearnerCompletion, String> reference,
            Consumer<List<Recording>> recorded,
            DrainListener listener) {
        Objects.requireNonNull(recorded, "recorded");
        List<Recorder.Recorded> all = recordedAll(completions, reference, run);
        Lease held = draining.lease(clock.instant());
        List<Claimed> leased = new ArrayList<>();
        List<Recording> recordings = store.recorder().recordAll(all, held, leased);
        return draining.drain(listener, leased, held, () -> recorded.accept(recordings));
    }

    /** The recordings of {@code completions} in {@code run} (null: outside a run). */
    private List<Recorder.Recorded> recordedAll(
            List<LearnerCompletion> completions, Function<LearnerCompletion, String> reference, String run) {
        Objects.requireNonNull(completions, "completions");
        Objects.requireNonNull(reference, "reference");
        if (run != null && (run.isEmpty() || run.length() > 64)) {
            throw new IllegalArgumentException("run must be 1 to 64 characters, not " + run.length());
        }
        Long runId = run == null ? null : Recorder.runId(run);
        List<Recorder.Recorded> recorded = new ArrayList<>(completions.size());
        // One time for the call: its entries are recorded together (and then written as one text).
        Instant at = clock.instant();
        for (LearnerCompletion c : completions) {
            recorded.add(recorded(c, reference.apply(c), at, runId));
        }
        return recorded;
    }

    /**
     * Records on the caller's connection, inside the caller's transaction (a transactional
     * outbox): the completion's own row and its ledger entry commit, or roll back, together.
     * The connection is neither committed nor closed here. The ledger's own transactions run again
     * when the database stops one to break a deadlock; this one is the caller's to run again (the
     * {@link LedgerException}'s cause is then an {@link java.sql.SQLException} with SQL state
     * {@code 40P01} on PostgreSQL, {@code 40001} on H2).
     */
    public Recording record(Connection transaction, LearnerCompletion completion, String reference) {
        Objects.requireNonNull(transaction, "transaction");
        return store.recorder().record(transaction, recorded(completion, reference, clock.instant(), null));
    }

    private Recorder.Recorded recorded(LearnerCompletion completion, String reference, Instant at, Long run) {
        Objects.requireNonNull(completion, "completion");
        if (reference != null && reference.length() > 200) {
            throw new IllegalArgumentException("reference must be at most 200 characters");
        }
        List<EntryProblem> problems = validator.validate(completion).errors().stream()
                .map(v -> new EntryProblem(v.field(), v.code().name(), v.message()))
                .toList();
        return new Recorder.Recorded(completion, reference, problems, deadlines.dueDate(completion), at, run);
    }

    /**
     * The learner opted out: a completion PARS may hold is deleted by the next drain
     * ({@link EntryState#WITHDRAWING}, then {@link EntryState#WITHDRAWN}); one that never
     * reached PARS is withdrawn at once.
     *
     * @return the entry's state afterwards, or empty when the ledger has no such completion
     * @throws IllegalStateException when PARS may hold the record but its learner data was
     *     purged (no delete can be formed): record the completion again, then withdraw it
     */
    public Optional<EntryState> withdraw(String providerId, String completionKey) {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(completionKey, "completionKey");
        return store.recorder().withdraw(providerId, completionKey, clock.instant());
    }

    /**
     * Brings the next attempt of a {@link EntryState#RETRYING} entry forward to now, so the next
     * {@link #drain()} (or the worker's) sends it; other states are left as they are.
     *
     * @return the entry's state, or empty when there is no such entry
     */
    public Optional<EntryState> sendNow(String providerId, String completionKey) {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(completionKey, "completionKey");
        return store.recorder().sendNow(providerId, completionKey, clock.instant());
    }

    /** {@link #drain(DrainListener)} without a listener. */
    public DrainSummary drain() {
        return drain(null);
    }

    /**
     * Sends everything due now, most urgent first, in batches of {@link Builder#batchSize},
     * until nothing is due: new and corrected completions, retries whose time has come,
     * withdrawals. Entries an interrupted drain had started (its node died) are first looked up
     * by CreditID and settled without sending when PARS already holds them.
     *
     * @throws ParsAuthenticationException when PARS refuses the credentials; the entries of the
     *     batch in hand go back to their state, unsent
     */
    public DrainSummary drain(DrainListener listener) {
        return draining.drain(listener);
    }

    // ---- board decisions ------------------------------------------------------------------------

    /**
     * Asks PARS, by CreditID, about entries whose MOC lines wait for the board, as far as their
     * check is due (backing off from {@link Builder#statusChecks} first interval up to its cap):
     * a board acceptance settles them, a rejection makes them rows to fix.
     *
     * @return how many entries were checked
     */
    public int syncStatuses() {
        return syncStatuses(null);
    }

    /**
     * {@link #syncStatuses()}, telling {@code listener} of each entry the board decided on
     * ({@link EntryState#BOARD_ACCEPTED} or {@link EntryState#BOARD_REJECTED}).
     *
     * @param listener told of each decided entry; may be null
     * @return how many entries were checked
     */
    public int syncStatuses(DrainListener listener) {
        return draining.syncStatuses(listener);
    }

    /** The entry for a completion, if recorded. */
    public Optional<LedgerEntry> entry(String providerId, String completionKey) {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(completionKey, "completionKey");
        return store
                .queries()
                .entries("provider_id=? and completion_key=?", List.of(providerId, completionKey), 1)
                .stream()
                .findFirst();
    }

    /**
     * The completion of an entry as recorded, learner identity included: for a person who must see
     * it (a dashboard's reveal, an upload file to fix by hand). Empty when no such entry is recorded
     * or its learner data was purged after the retention.
     */
    public Optional<LearnerCompletion> completion(String providerId, String completionKey) {
        return store.queries()
                .completion(
                        Objects.requireNonNull(providerId, "providerId"),
                        Objects.requireNonNull(completionKey, "completionKey"));
    }

    /** Entries in {@code state}, most urgent first, at most {@code limit}. */
    public List<LedgerEntry> entries(EntryState state, int limit) {
        Objects.requireNonNull(state, "state");
        return store.queries().inState(state.name(), positive(limit));
    }

    /** Rows to fix: invalid, rejected by PARS or rejected by the board; at most {@code limit}. */
    public List<LedgerEntry> rowsToFix(int limit) {
        return store.queries().rowsToFix(positive(limit));
    }

    /** Unsettled entries due within {@code within} from today (not yet overdue), most urgent first. */
    public List<LedgerEntry> atRisk(Duration within, int limit) {
        return store.queries().atRisk(LocalDate.now(clock), days(within), positive(limit));
    }

    /** How many entries {@link #atRisk(Duration, int)} would list without a limit. */
    public long countAtRisk(Duration within) {
        return store.queries().countAtRisk(LocalDate.now(clock), days(within));
    }

    /** Entries past their due date and still not with PARS (pending, retrying, correcting or invalid). */
    public List<LedgerEntry> overdue(int limit) {
        return store.queries().overdue(LocalDate.now(clock), positive(limit));
    }

    /** How many entries {@link #overdue(int)} would list without a limit. */
    public long countOverdue() {
        return store.queries().countOverdue(LocalDate.now(clock));
    }

    /** How many entries are in each state. */
    public Map<EntryState, Long> counts() {
        return store.queries().counts();
    }

    /**
     * Changes of state per day (UTC) from {@code firstDay} on: how many entries reached each
     * state on each day, oldest day first (days without any are absent). For a chart of volume.
     */
    public Map<LocalDate, Map<EntryState, Long>> transitionsByDay(LocalDate firstDay) {
        return transitionsByDay(firstDay, java.time.ZoneOffset.UTC);
    }

    /**
     * Changes of state per day from {@code firstDay} on, as {@link #transitionsByDay(LocalDate)},
     * with days as they are in {@code zone} (an office's own: a change at 7 pm in Chicago counts
     * on that day, not the next).
     *
     * @param firstDay the first day counted, in {@code zone}
     * @param zone a region (such as {@code America/Chicago}, daylight saving time included) or a
     *     fixed offset ({@code +05:30} is east of UTC)
     */
    public Map<LocalDate, Map<EntryState, Long>> transitionsByDay(LocalDate firstDay, java.time.ZoneId zone) {
        return store.queries()
                .transitionsByDay(Objects.requireNonNull(firstDay, "firstDay"), Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Entries not yet with PARS (pending, retrying, correcting or invalid) due on each day from
     * {@code from} to {@code to}, both included; days with none are absent. The deadlines ahead.
     */
    public Map<LocalDate, Long> dueByDay(LocalDate from, LocalDate to) {
        return store.queries().dueByDay(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
    }

    /** Every transition of an entry, oldest first. */
    public List<Transition> history(String providerId, String completionKey) {
        return store.queries().history(providerId, completionKey);
    }

    /**
     * Removes the learner data of entries settled as accepted or withdrawn longer ago than the
     * retention; their state, dates and CreditIDs stay.
     *
     * @return how many entries were purged
     */
    public int purgePersonalData() {
        Instant now = clock.instant();
        return store.retention().purge(now.minus(retention), now);
    }

    /**
     * Deletes history older than {@link Builder#history}: transitions that old, and entries
     * settled (accepted, withdrawn, refused or invalid) and unchanged since. A completion recorded
     * again after its entry is gone is sent again, and PARS's answer that it already holds the
     * record (confirmed by CreditID) settles it as already held: nothing is stored twice.
     *
     * @return how many entries were deleted
     */
    public int pruneHistory() {
        return store.retention().prune(clock.instant().minus(history));
    }

    /**
     * Releases every claim, so entries a crashed process had taken are sent again now rather
     * than when their lease ends. Only for a ledger no other node uses (an embedded H2 file).
     */
    public int releaseClaims() {
        return store.claims().releaseAll();
    }

    /**
     * Starts the background worker on this node: drains every {@code interval}, checks board
     * decisions and purges personal data on its own schedule. Several nodes may start one on the
     * same database; db-scheduler runs each recurring task on one node at a time.
     */
    public LedgerWorker startWorker(Duration interval) {
        return LedgerWorker.start(this, dataSource, interval, node);
    }

    private static long days(Duration within) {
        return Objects.requireNonNull(within, "within").toDays();
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return limit;
    }

    /**
     * Closes the connection pool the ledger opened for a {@link Builder#jdbcUrl JDBC URL}; a
     * caller's data source is left open. An H2 file the ledger opened and no one else has open is
     * compacted first (a few seconds for 100,000 entries; the file then holds about 0.5 KB per
     * entry). A running {@link LedgerWorker} is closed separately.
     */
    @Override
    public void close() {
        if (draining != null) {
            draining.close();
        }
        if (ownedPool != null && !ownedPool.isClosed()) {
            LedgerPool.closeQuietly(ownedPool);
        }
    }

    @Override
    public String toString() {
        return "ReportingLedger[" + dataSource + ", node=" + node + ", key=***]";
    }

    /** Configures a {@link ReportingLedger}; not thread safe. */
    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private ParsClient client;
        private LedgerKey key;
        private ParsValidator validator;
        private DeadlineRules deadlines = DeadlineRules.defaults();
        private Clock clock = Clock.systemUTC();
        private int batchSize = 1_000;
        private String node = "pars-ledger-" + UUID.randomUUID().toString().substring(0, 8);
        private Duration lease = Duration.ofMinutes(10);
        private Duration retention = Duration.ofDays(180);
        private Duration history = Duration.ofDays(400);
        private RetryPolicy retryWaits = waits(Duration.ofMinutes(1), Duration.ofHours(6));
        private RetryPolicy statusWaits = waits(Duration.ofHours(1), Duration.ofDays(7));
        private boolean adoptPars;

        private Builder() {}

        /** The database (pooled, for production); the ledger's tables are created in it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.url = null;
            return this;
        }

        /**
         * A JDBC URL instead of a data source, e.g. {@code jdbc:h2:file:./pars-ledger} (the
         * embedded default) or {@code jdbc:postgresql://host/db} with {@code user} and
         * {@code password} (null when the URL carries them).
         */
        public Builder jdbcUrl(String url, String user, String password) {
            this.url = Objects.requireNonNull(url, "url");
            this.user = user;
            this.password = password;
            this.dataSource = null;
            return this;
        }

        /** The client entries are sent with. */
        public Builder client(ParsClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The key learner data is encrypted with. */
        public Builder key(LedgerKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The validator applied when recording (default: the client's rules with this clock). */
        public Builder validator(ParsValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** Deadline rules (default {@link DeadlineRules#defaults()}). */
        public Builder deadlines(DeadlineRules deadlines) {
            this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
            return this;
        }

        /** The clock for timestamps, due dates and retries. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether the ledger takes on its client's PARS when it reported to another (default
         * false: it refuses to open, {@link LedgerBindingException}). On adoption every entry the
         * old PARS settled is confirmed against the new one by CreditID on the next drain, and
         * sent again where it is not held; {@link ReportingLedger#adoption()} tells how many.
         */
        public Builder adoptPars(boolean adopt) {
            this.adoptPars = adopt;
            return this;
        }

        /** Entries taken up per drain step (default 1,000, the most on H2). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 100_000) {
                throw new IllegalArgumentException("batchSize must be 1 to 100,000");
            }
            this.batchSize = batchSize;
            return this;
        }

        /** This node's name in claims and in db-scheduler (default a random one). */
        public Builder nodeName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.length() > 50) {
                throw new IllegalArgumentException("nodeName must be 1 to 50 characters");
            }
            this.node = name.strip();
            return this;
        }

        /** How long a claimed entry stays with its node before another may take it (default 10 min). */
        public Builder claimLease(Duration lease) {
            this.lease = positive(lease, "lease");
            return this;
        }

        /**
         * How long the audit trail is kept (default 400 days: a reporting year and its grace):
         * transitions older than this, and entries settled and unchanged since, are deleted by
         * {@link ReportingLedger#pruneHistory()}.
         */
        public Builder history(Duration history) {
            this.history = positive(history, "history");
            return this;
        }

        /** How long learner data of settled, accepted entries is kept (default 180 days). */
        public Builder retention(Duration retention) {
            this.retention = positive(retention, "retention");
            return this;
        }

        /** Waits between sends of a failing entry: doubling from {@code first} up to {@code cap} (1 min, 6 h). */
        public Builder retries(Duration first, Duration cap) {
            this.retryWaits = waits(first, cap);
            return this;
        }

        /** Waits between board-status checks: doubling from {@code first} up to {@code cap} (1 h, 7 days). */
        public Builder statusChecks(Duration first, Duration cap) {
            this.statusWaits = waits(first, cap);
            return this;
        }

        /** A doubling schedule from {@code first} up to {@code cap}: the client's backoff, reused. */
        private static RetryPolicy waits(Duration first, Duration cap) {
            return RetryPolicy.builder()
                    .baseDelay(positive(first, "first"))
                    .maxDelay(positive(cap, "cap"))
                    .build();
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }

        /**
         * Creates or migrates the tables and opens the ledger.
         *
         * @throws IllegalStateException naming each missing setting
         * @throws LedgerException when the database cannot be reached or the key does not open
         *     the data already stored; {@link LedgerBindingException} when the ledger reports to
         *     another PARS than the client's and {@link #adoptPars(boolean)} is not set
         */
        public ReportingLedger build() {
            StringBuilder missing = new StringBuilder();
            if (dataSource == null && url == null) {
                missing.append("; dataSource (or jdbcUrl) is required");
            }
            if (client == null) {
                missing.append("; client is required");
            }
            if (key == null) {
                missing.append("; key is required");
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("Invalid ReportingLedger configuration: " + missing.substring(2));
            }
            return new ReportingLedger(this);
        }
    }
}
