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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.parsjava.client.ParsClient;
import org.parsjava.client.RecordOutcome;
import org.parsjava.client.RecordResult;
import org.parsjava.client.RetryPolicy;
import org.parsjava.client.SubmissionResult;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsException;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.core.validation.ValidationReport;
import org.parsjava.core.validation.Violation;
import org.parsjava.ledger.internal.LedgerStore;
import org.parsjava.ledger.internal.LedgerStore.Claimed;
import org.parsjava.ledger.internal.LedgerStore.Outcome;
import org.parsjava.ledger.internal.PayloadCipher;
import org.parsjava.ledger.internal.UrlDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(ReportingLedger.class);

    private final DataSource dataSource;
    /** A pool the ledger made from a JDBC URL, closed with it; null for a caller's data source. */
    private final AutoCloseable ownedPool;

    private final LedgerStore store;
    private final ParsClient client;
    private final ParsValidator validator;
    private final DeadlineRules deadlines;
    private final Clock clock;
    private final int batchSize;
    private final String node;
    private final Duration lease;
    private final Duration retention;
    /** Waits between sends of a failing entry (its doubling schedule; attempts are not capped). */
    private final RetryPolicy retryWaits;
    /** Waits between board-status checks. */
    private final RetryPolicy statusWaits;

    private ReportingLedger(Builder b) {
        this.dataSource = b.dataSource;
        this.ownedPool = b.ownedPool;
        this.client = b.client;
        this.clock = b.clock;
        this.validator = b.validator != null
                ? b.validator
                : ParsValidator.builder().clock(b.clock).build();
        this.deadlines = b.deadlines;
        this.batchSize = b.batchSize;
        this.node = b.node;
        this.lease = b.lease;
        this.retention = b.retention;
        this.retryWaits = b.retryWaits;
        this.statusWaits = b.statusWaits;
        boolean postgres = migrate(dataSource);
        this.store = new LedgerStore(dataSource, new PayloadCipher(b.key.bytes()), postgres);
        checkKey();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Creates or migrates the tables; true when the database is PostgreSQL. */
    private static boolean migrate(DataSource dataSource) {
        Map<String, String> types;
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (product.contains("postgres")) {
                types = Map.of("bytes", "bytea", "key_text", "text");
            } else if (product.contains("h2")) {
                types = Map.of("bytes", "varbinary", "key_text", "varchar(100)");
            } else {
                throw new LedgerException("the ledger runs on H2 or PostgreSQL, not on " + product);
            }
        } catch (SQLException e) {
            throw new LedgerException(
                    "could not connect to the ledger's database (SQL state " + e.getSQLState() + ")", e);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .table("pars_ledger_schema_history")
                    .locations("classpath:db/pars-ledger/migration")
                    .placeholders(types)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new LedgerException(
                    "could not create or migrate the ledger's tables ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        return types.get("bytes").equals("bytea");
    }

    /** Opens one stored payload, so a wrong key fails at start rather than in the middle of a drain. */
    private void checkKey() {
        store.verifyKey();
    }

    // ---- recording ------------------------------------------------------------------------------

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
        LedgerStore.Recorded r = recorded(completion, reference);
        try {
            return store.record(r);
        } catch (LedgerException e) {
            // Two threads recording the same new key at once: the loser finds the winner's entry.
            if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return store.record(r);
            }
            throw e;
        }
    }

    /**
     * Records many completions in one transaction (a bulk import, a roster slice): each as
     * {@link #record(LearnerCompletion, String)} would, all committed together.
     *
     * @param reference gives each completion's reference (or null)
     * @return one {@link Recording} per completion, in order
     */
    public List<Recording> recordAll(
            List<LearnerCompletion> completions, java.util.function.Function<LearnerCompletion, String> reference) {
        Objects.requireNonNull(completions, "completions");
        Objects.requireNonNull(reference, "reference");
        List<LedgerStore.Recorded> recorded = new ArrayList<>(completions.size());
        for (LearnerCompletion c : completions) {
            recorded.add(recorded(c, reference.apply(c)));
        }
        return store.inTransaction(
                conn -> {
                    List<Recording> out = new ArrayList<>(recorded.size());
                    for (LedgerStore.Recorded r : recorded) {
                        out.add(store.record(conn, r));
                    }
                    return out;
                },
                "record completions");
    }

    /**
     * Records on the caller's connection, inside the caller's transaction (a transactional
     * outbox): the completion's own row and its ledger entry commit, or roll back, together.
     * The connection is neither committed nor closed here.
     */
    public Recording record(Connection transaction, LearnerCompletion completion, String reference) {
        Objects.requireNonNull(transaction, "transaction");
        try {
            if (transaction.getAutoCommit()) {
                throw new IllegalArgumentException("the connection is in auto-commit mode: record(connection, ...) "
                        + "joins the caller's transaction, so start one first (setAutoCommit(false))");
            }
        } catch (SQLException e) {
            throw new LedgerException("could not read the connection's auto-commit mode", e);
        }
        return store.record(transaction, recorded(completion, reference));
    }

    private LedgerStore.Recorded recorded(LearnerCompletion completion, String reference) {
        Objects.requireNonNull(completion, "completion");
        if (reference != null && reference.length() > 200) {
            throw new IllegalArgumentException("reference must be at most 200 characters");
        }
        ValidationReport report = validator.validate(completion);
        List<Violation> errors = report.errors();
        String code = errors.isEmpty() ? null : errors.get(0).code().name();
        String violations = errors.isEmpty()
                ? null
                : errors.stream()
                        .map(v -> v.field() + " " + v.code().name() + ": " + v.message())
                        .collect(Collectors.joining("\n"));
        return new LedgerStore.Recorded(
                completion,
                reference,
                errors.isEmpty(),
                code,
                violations,
                deadlines.dueDate(completion),
                clock.instant());
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
        return store.withdraw(providerId, completionKey, clock.instant());
    }

    // ---- sending --------------------------------------------------------------------------------

    /** Receives each entry a drain settles, for callers that account per record. */
    @FunctionalInterface
    public interface DrainListener {
        /** Called once per entry a drain took up, after its outcome is stored. */
        void settled(LedgerEntry entry);
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
        DrainSummary total = DrainSummary.EMPTY;
        while (true) {
            List<Claimed> batch = store.claim(batchSize, clock.instant(), node, lease);
            if (batch.isEmpty()) {
                return total;
            }
            total = total.plus(send(batch, listener));
        }
    }

    private DrainSummary send(List<Claimed> batch, DrainListener listener) {
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        int resumed = 0;
        List<Claimed> adds = new ArrayList<>();
        List<Claimed> deletes = new ArrayList<>();
        for (Claimed c : batch) {
            if (c.resumed()) {
                resumed++;
            }
            if (c.completion() == null) { // purged: nothing left to send
                outcomes.add(new Outcome(
                        c.id(),
                        c.state(),
                        EntryState.WITHDRAWN,
                        "no learner data left to send " + "(purged)",
                        null,
                        null,
                        false,
                        null,
                        false,
                        null,
                        true));
            } else if (c.state() == EntryState.WITHDRAWING || c.state() == EntryState.CORRECTING) {
                deletes.add(c);
            } else if (c.resumed() && heldByPars(c.completion())) {
                outcomes.add(accepted(c, now, "resumed: PARS already holds it (status lookup)"));
            } else {
                adds.add(c);
            }
        }
        ParsAuthenticationException refused = null;
        try {
            if (!deletes.isEmpty()) {
                // Delete what PARS holds: the previous content while a correction is pending.
                SubmissionResult r = client.learners()
                        .delete(deletes.stream()
                                .map(c -> c.previous() != null ? c.previous() : c.completion())
                                .toList());
                for (RecordResult rr : r.records()) {
                    outcomes.add(deleted(deletes.get(rr.index()), rr, now));
                }
            }
            if (!adds.isEmpty()) {
                SubmissionResult r = client.learners()
                        .submit(adds.stream().map(Claimed::completion).toList());
                for (RecordResult rr : r.records()) {
                    outcomes.add(added(adds.get(rr.index()), rr, now));
                }
            }
        } catch (ParsAuthenticationException e) {
            refused = e;
        }
        int accepted = 0;
        int rejected = 0;
        int invalid = 0;
        int retrying = 0;
        int withdrawn = 0;
        for (Outcome o : outcomes) {
            switch (o.to()) {
                case ACCEPTED, AWAITING_BOARD -> accepted++;
                case REJECTED -> rejected++;
                case INVALID -> invalid++;
                case WITHDRAWN -> withdrawn++;
                case RETRYING, WITHDRAWING, CORRECTING -> retrying++;
                default -> {} // PENDING: a correction's old record is gone; the new one follows
            }
        }
        // Whatever was not settled (credentials refused) goes back unchanged, without an attempt.
        Set<Long> settled = outcomes.stream().map(Outcome::id).collect(Collectors.toCollection(HashSet::new));
        for (Claimed c : batch) {
            if (!settled.contains(c.id())) {
                outcomes.add(new Outcome(
                        c.id(), c.state(), c.state(), null, null, null, false, null, c.outcomeUnknown(), null, false));
            }
        }
        store.settle(outcomes, byId(batch), now);
        if (listener != null) {
            notify(batch, listener);
        }
        if (refused != null) {
            throw refused;
        }
        return new DrainSummary(batch.size(), accepted, rejected, invalid, retrying, withdrawn, resumed);
    }

    private static Map<Long, Claimed> byId(List<Claimed> batch) {
        Map<Long, Claimed> out = new java.util.HashMap<>();
        batch.forEach(c -> out.put(c.id(), c));
        return out;
    }

    private void notify(List<Claimed> batch, DrainListener listener) {
        for (LedgerEntry e : store.entriesById(batch.stream().map(Claimed::id).toList())) {
            try {
                listener.settled(e);
            } catch (RuntimeException ex) {
                LOG.warn("PARS ledger drain listener failed: {}", ex.getClass().getName());
            }
        }
    }

    private boolean heldByPars(LearnerCompletion c) {
        try {
            for (String id : CreditIds.all(c)) {
                List<CreditStatus> s = client.learners().status(id);
                if (s.stream()
                        .noneMatch(x ->
                                x.state() == CreditStatus.State.ACCEPTED || x.state() == CreditStatus.State.PENDING)) {
                    return false;
                }
            }
            return true;
        } catch (ParsException e) {
            return false; // sent again: a duplicate refusal is confirmed by the client itself
        }
    }

    private Outcome accepted(Claimed c, Instant now, String note) {
        boolean moc = !c.completion().mocCredits().isEmpty();
        return new Outcome(
                c.id(),
                c.state(),
                moc ? EntryState.AWAITING_BOARD : EntryState.ACCEPTED,
                note,
                null,
                null,
                true,
                null,
                false,
                moc ? now.plus(statusWaits.baseDelay()) : null,
                false);
    }

    private Outcome added(Claimed c, RecordResult r, Instant now) {
        return switch (r.outcome()) {
            case ACCEPTED -> accepted(c, now, r.message().orElse("accepted by PARS"));
            case REJECTED ->
                new Outcome(
                        c.id(),
                        c.state(),
                        EntryState.REJECTED,
                        "rejected by PARS: " + r.parsCode().orElse("?"),
                        r.parsCode().orElse(null),
                        r.message().orElse(null),
                        true,
                        null,
                        false,
                        null,
                        false);
            case INVALID -> {
                Violation first = r.violations().stream()
                        .filter(Violation::isError)
                        .findFirst()
                        .orElse(null);
                yield new Outcome(
                        c.id(),
                        c.state(),
                        EntryState.INVALID,
                        "invalid",
                        first == null ? null : first.code().name(),
                        r.violations().stream()
                                .filter(Violation::isError)
                                .map(v -> v.field() + " " + v.code().name() + ": " + v.message())
                                .collect(Collectors.joining("\n")),
                        true,
                        null,
                        false,
                        null,
                        false);
            }
            case FAILED -> retry(c, r, now);
        };
    }

    private Outcome deleted(Claimed c, RecordResult r, Instant now) {
        if (r.outcome() == RecordOutcome.FAILED) {
            return retry(c, r, now);
        }
        if (r.outcome() == RecordOutcome.INVALID) {
            // The delete could not even be formed: a row to fix, the record stays where it is.
            return new Outcome(
                    c.id(),
                    c.state(),
                    EntryState.INVALID,
                    "the delete could not be sent",
                    r.violations().stream()
                            .filter(Violation::isError)
                            .map(v -> v.code().name())
                            .findFirst()
                            .orElse(null),
                    r.violations().stream()
                            .filter(Violation::isError)
                            .map(v -> v.field() + " " + v.code().name() + ": " + v.message())
                            .collect(Collectors.joining("\n")),
                    true,
                    null,
                    false,
                    null,
                    false);
        }
        // A refused or impossible delete is read as "PARS holds no such record": nothing left to
        // delete (PARS's codes for it are not documented, REFERENCE.md 11).
        String note = r.outcome() == RecordOutcome.ACCEPTED
                ? "deleted from PARS"
                : "PARS holds no such record to delete ("
                        + r.parsCode().orElse(r.outcome().name()) + ")";
        return c.state() == EntryState.CORRECTING
                ? new Outcome(
                        c.id(),
                        c.state(),
                        EntryState.PENDING,
                        note + "; the corrected record is sent next",
                        null,
                        null,
                        false,
                        null,
                        false,
                        null,
                        true)
                : new Outcome(c.id(), c.state(), EntryState.WITHDRAWN, note, null, null, true, null, false, null, true);
    }

    private Outcome retry(Claimed c, RecordResult r, Instant now) {
        int attempts = c.attempts() + 1;
        Duration wait = retryWaits.backoffCap(attempts);
        EntryState to = c.state() == EntryState.PENDING ? EntryState.RETRYING : c.state();
        return new Outcome(
                c.id(),
                c.state(),
                to,
                "not confirmed: " + r.message().orElse("failed") + "; next attempt in " + wait.toMinutes() + " min",
                null,
                r.message().orElse(null),
                true,
                now.plus(wait),
                r.outcomeUnknown() || c.outcomeUnknown(),
                null,
                false);
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
        int checked = 0;
        while (true) {
            List<Claimed> batch = store.claimStatusChecks(batchSize, clock.instant(), node, lease);
            if (batch.isEmpty()) {
                return checked;
            }
            Instant now = clock.instant();
            List<Outcome> outcomes = new ArrayList<>(batch.size());
            for (Claimed c : batch) {
                outcomes.add(boardOutcome(c, now));
            }
            store.settle(outcomes, byId(batch), now);
            checked += batch.size();
        }
    }

    private Outcome boardOutcome(Claimed c, Instant now) {
        LearnerCompletion completion = c.completion();
        List<String> moc = new ArrayList<>(CreditIds.all(completion));
        completion.cmeCredits().ifPresent(x -> moc.remove(CreditIds.cme(completion)));
        boolean allAccepted = true;
        try {
            for (String id : moc) {
                List<CreditStatus> s = client.learners().status(id);
                Optional<CreditStatus> refused = s.stream()
                        .filter(x -> x.state() == CreditStatus.State.REJECTED)
                        .findFirst();
                if (refused.isPresent()) {
                    return new Outcome(
                            c.id(),
                            c.state(),
                            EntryState.BOARD_REJECTED,
                            "rejected by the board",
                            "BOARD_REJECTED",
                            "PARS status: " + refused.get().rawStatus(),
                            false,
                            null,
                            false,
                            null,
                            false);
                }
                allAccepted &= s.stream().anyMatch(x -> x.state() == CreditStatus.State.ACCEPTED);
            }
        } catch (ParsException e) {
            allAccepted = false; // asked again later
        }
        if (allAccepted) {
            return new Outcome(
                    c.id(),
                    c.state(),
                    EntryState.BOARD_ACCEPTED,
                    "accepted by the board",
                    null,
                    null,
                    false,
                    null,
                    false,
                    null,
                    false);
        }
        Duration wait = statusWaits.backoffCap(c.attempts() + 1);
        return new Outcome(c.id(), c.state(), c.state(), null, null, null, false, null, false, now.plus(wait), false);
    }

    // ---- queries --------------------------------------------------------------------------------

    /** The entry for a completion, if recorded. */
    public Optional<LedgerEntry> entry(String providerId, String completionKey) {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(completionKey, "completionKey");
        return store.entries("provider_id=? and completion_key=?", List.of(providerId, completionKey), 1).stream()
                .findFirst();
    }

    /** Entries in {@code state}, most urgent first, at most {@code limit}. */
    public List<LedgerEntry> entries(EntryState state, int limit) {
        Objects.requireNonNull(state, "state");
        return store.entries("state=?", List.of(state.name()), positive(limit));
    }

    /** Rows to fix: invalid, rejected by PARS or rejected by the board; at most {@code limit}. */
    public List<LedgerEntry> rowsToFix(int limit) {
        return store.entries(
                "state in (?,?,?)",
                List.of(EntryState.INVALID.name(), EntryState.REJECTED.name(), EntryState.BOARD_REJECTED.name()),
                positive(limit));
    }

    private static final String AT_RISK = "state in (?,?,?,?) and due_date >= ? and due_date <= ?";
    private static final String OVERDUE = "state in (?,?,?,?) and due_date < ?";

    private List<Object> atRiskParams(Duration within) {
        Objects.requireNonNull(within, "within");
        LocalDate today = LocalDate.now(clock);
        return List.of(
                EntryState.PENDING.name(),
                EntryState.RETRYING.name(),
                EntryState.CORRECTING.name(),
                EntryState.INVALID.name(),
                today,
                today.plusDays(within.toDays()));
    }

    private List<Object> overdueParams() {
        return List.of(
                EntryState.PENDING.name(),
                EntryState.RETRYING.name(),
                EntryState.CORRECTING.name(),
                EntryState.INVALID.name(),
                LocalDate.now(clock));
    }

    /** Unsettled entries due within {@code within} from today (not yet overdue), most urgent first. */
    public List<LedgerEntry> atRisk(Duration within, int limit) {
        return store.entries(AT_RISK, atRiskParams(within), positive(limit));
    }

    /** How many entries {@link #atRisk(Duration, int)} would list without a limit. */
    public long countAtRisk(Duration within) {
        return store.count(AT_RISK, atRiskParams(within));
    }

    /** Entries past their due date and still not with PARS (pending, retrying, correcting or invalid). */
    public List<LedgerEntry> overdue(int limit) {
        return store.entries(OVERDUE, overdueParams(), positive(limit));
    }

    /** How many entries {@link #overdue(int)} would list without a limit. */
    public long countOverdue() {
        return store.count(OVERDUE, overdueParams());
    }

    /** How many entries are in each state. */
    public Map<EntryState, Long> counts() {
        return store.counts();
    }

    /** Every transition of an entry, oldest first. */
    public List<Transition> history(String providerId, String completionKey) {
        return store.history(providerId, completionKey);
    }

    /**
     * Removes the learner data of entries settled as accepted or withdrawn longer ago than the
     * retention; their state, dates and CreditIDs stay.
     *
     * @return how many entries were purged
     */
    public int purgePersonalData() {
        Instant now = clock.instant();
        return store.purge(now.minus(retention), now);
    }

    /**
     * Releases every claim, so entries a crashed process had taken are sent again now rather
     * than when their lease ends. Only for a ledger no other node uses (an embedded H2 file).
     */
    public int releaseClaims() {
        return store.releaseClaims();
    }

    /**
     * Starts the background worker on this node: drains every {@code interval}, checks board
     * decisions and purges personal data on its own schedule. Several nodes may start one on the
     * same database; db-scheduler runs each recurring task on one node at a time.
     */
    public LedgerWorker startWorker(Duration interval) {
        return LedgerWorker.start(this, dataSource, interval, node);
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return limit;
    }

    /**
     * Closes the connection pool the ledger opened for a {@link Builder#jdbcUrl JDBC URL}; a
     * caller's data source is left open. A running {@link LedgerWorker} is closed separately.
     */
    @Override
    public void close() {
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                LOG.warn(
                        "PARS ledger: closing its connection pool failed with {}",
                        e.getClass().getName());
            }
        }
    }

    @Override
    public String toString() {
        return "ReportingLedger[" + dataSource + ", node=" + node + ", key=***]";
    }

    /** Configures a {@link ReportingLedger}; not thread safe. */
    public static final class Builder {
        private DataSource dataSource;
        private AutoCloseable ownedPool;
        private ParsClient client;
        private LedgerKey key;
        private ParsValidator validator;
        private DeadlineRules deadlines = DeadlineRules.defaults();
        private Clock clock = Clock.systemUTC();
        private int batchSize = 500;
        private String node = "pars-ledger-" + UUID.randomUUID().toString().substring(0, 8);
        private Duration lease = Duration.ofMinutes(10);
        private Duration retention = Duration.ofDays(180);
        private RetryPolicy retryWaits = waits(Duration.ofMinutes(1), Duration.ofHours(6));
        private RetryPolicy statusWaits = waits(Duration.ofHours(1), Duration.ofDays(7));

        private Builder() {}

        /** The database (pooled, for production); the ledger's tables are created in it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.ownedPool = null;
            return this;
        }

        /**
         * A JDBC URL instead of a data source, e.g. {@code jdbc:h2:file:./pars-ledger} (the
         * embedded default) or {@code jdbc:postgresql://host/db} with {@code user} and
         * {@code password} (null when the URL carries them).
         */
        public Builder jdbcUrl(String url, String user, String password) {
            Objects.requireNonNull(url, "url");
            if (url.startsWith("jdbc:h2:")) {
                // H2's own pool keeps the database open between transactions (reopening a file
                // database for each one would cost a file open per call).
                org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create(
                        url, user == null ? "" : user, password == null ? "" : password);
                this.dataSource = pool;
                this.ownedPool = pool::dispose;
            } else {
                this.dataSource = new UrlDataSource(url, user, password);
                this.ownedPool = null;
            }
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

        /** Entries taken up per drain step (default 500). */
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
         *     the data already stored
         */
        public ReportingLedger build() {
            StringBuilder missing = new StringBuilder();
            if (dataSource == null) {
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
