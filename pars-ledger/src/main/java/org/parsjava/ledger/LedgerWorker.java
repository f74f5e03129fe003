/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's background work on this node, run by db-scheduler on the ledger's database:
 * a drain every interval, board-status checks and the personal-data purge on their own
 * schedules. On several nodes each recurring task runs on one node at a time, and the entries
 * themselves are claimed with {@code SKIP LOCKED}, so nothing is sent twice. Start it with
 * {@link ReportingLedger#startWorker(Duration)} and close it with the application.
 */
public final class LedgerWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerWorker.class);

    /** db-scheduler's table for the ledger's tasks (created by the ledger's migration). */
    static final String TABLE = "pars_scheduled_tasks";

    private final Scheduler scheduler;

    private LedgerWorker(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    static LedgerWorker start(ReportingLedger ledger, DataSource dataSource, Duration interval, String node) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        RecurringTask<Void> drain = Tasks.recurring("pars-ledger-drain", FixedDelay.of(interval))
                .execute((instance, context) -> guarded("drain", () -> {
                    DrainSummary s = ledger.drain();
                    if (s.taken() > 0) {
                        LOG.info(
                                "PARS ledger drain: {} taken, {} accepted, {} rejected, {} invalid, {} retrying, "
                                        + "{} withdrawn, {} resumed",
                                s.taken(),
                                s.accepted(),
                                s.rejected(),
                                s.invalid(),
                                s.retrying(),
                                s.withdrawn(),
                                s.resumed());
                    }
                }));
        RecurringTask<Void> status = Tasks.recurring("pars-ledger-status-sync", FixedDelay.of(interval.multipliedBy(5)))
                .execute((instance, context) -> guarded("status sync", ledger::syncStatuses));
        RecurringTask<Void> purge = Tasks.recurring("pars-ledger-purge", FixedDelay.ofHours(24))
                .execute((instance, context) -> {
                    guarded("purge", ledger::purgePersonalData);
                    guarded("history", ledger::pruneHistory);
                });
        Duration poll = interval.compareTo(Duration.ofSeconds(10)) < 0 ? interval : Duration.ofSeconds(10);
        Scheduler scheduler = Scheduler.create(dataSource)
                .tableName(TABLE)
                .startTasks(drain, status, purge)
                .threads(1)
                .pollingInterval(poll)
                .schedulerName(new SchedulerName.Fixed(node))
                .build();
        scheduler.start();
        return new LedgerWorker(scheduler);
    }

    /** Runs one piece of work; a failure is logged (class only) and retried at the next run. */
    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn(
                    "PARS ledger {} failed with {}; it runs again at its next time",
                    what,
                    e.getClass().getName());
        }
    }

    /** Stops the worker; work in progress finishes first. */
    @Override
    public void close() {
        scheduler.stop();
    }
}
