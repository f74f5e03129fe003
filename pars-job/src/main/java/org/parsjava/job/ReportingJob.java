/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.parsjava.client.ParsClient;
import org.parsjava.core.model.Activity;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.core.validation.ParsValidator;

/**
 * The reporting job: reads a {@link Roster}, looks each row's activity up, validates every row,
 * reports the valid ones to its {@link Destination} in slices (memory stays flat on any roster),
 * tells every row's outcome to its {@link RowListener}s and returns a {@link JobSummary} that
 * accounts for every row read. The CLI's {@code pars report}, the Spring Boot starter and the
 * examples all run this job.
 *
 * <pre>{@code
 * ReportingJob job = ReportingJob.builder()
 *     .client(parsClient)                          // looks activities up (and sends, for Destination.pars())
 *     .destination(Destination.ledger(ledger))     // or pars(), uploadFile(path), checkOnly()
 *     .listener(new RowsToFixFile(Path.of("rows-to-fix.csv")))
 *     .build();
 * JobSummary summary = job.run(Roster.file(Path.of("roster.csv")));
 * System.exit(summary.exitStatus().code());
 * }</pre>
 *
 * <p>Immutable; {@link #run(Roster)} may be called again (a rerun through a ledger sends nothing
 * already settled), but not twice at once on one instance when the destination is a file.
 */
public final class ReportingJob {

    /** Rows held in memory at once, at most. */
    public static final int MAX_SLICE = 100_000;

    private final ParsClient client;
    private final Destination destination;
    private final Function<String, Optional<Activity>> activities;
    private final ParsValidator validator;
    private final int sliceSize;
    private final int slicesAtOnce;
    private final List<RowListener> listeners;
    private final boolean simulated;

    private ReportingJob(Builder b) {
        this.client = b.client;
        this.destination = b.destination;
        this.activities = b.activities;
        this.validator = b.validator != null
                ? b.validator
                : ParsValidator.builder()
                        .clock(b.clock)
                        .rules(b.client != null ? b.client.rules() : RulesCatalogue.defaults())
                        .build();
        this.sliceSize = b.sliceSize;
        this.slicesAtOnce = b.slicesAtOnce;
        this.listeners = List.copyOf(b.listeners);
        this.simulated = b.simulated;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the job over {@code roster}. A run that meets bad rows, PARS refusals or transport
     * failures ends normally with them counted; one that cannot go on (credentials refused, the
     * ledger failing) stops and says so in {@link JobSummary#stop()}, every row read until then
     * accounted for.
     *
     * @throws RosterException when the roster cannot be opened as one (nothing was reported)
     */
    public JobSummary run(Roster roster) {
        Objects.requireNonNull(roster, "roster");
        return new JobRun(this, RowListener.all(listeners)).run(roster);
    }

    ParsClient client() {
        return client;
    }

    Destination destination() {
        return destination;
    }

    Function<String, Optional<Activity>> activities() {
        return activities;
    }

    ParsValidator validator() {
        return validator;
    }

    int sliceSize() {
        return sliceSize;
    }

    /** Slices reported at once through a ledger; 0: as its database suits. */
    int slicesAtOnce() {
        return slicesAtOnce;
    }

    boolean simulated() {
        return simulated;
    }

    @Override
    public String toString() {
        return "ReportingJob[" + destination + ", slice=" + sliceSize + (simulated ? ", simulated" : "") + "]";
    }

    /** Configures a {@link ReportingJob}; not thread safe. */
    public static final class Builder {
        private ParsClient client;
        private Destination destination;
        private Function<String, Optional<Activity>> activities;
        private ParsValidator validator;
        private Clock clock = Clock.systemDefaultZone();
        private int sliceSize = 5_000;
        private int slicesAtOnce;
        private final List<RowListener> listeners = new ArrayList<>();
        private boolean simulated;

        private Builder() {}

        /**
         * The client: activities are looked up through it (unless {@link #activities} is set), and
         * {@link Destination#pars()} sends through it. Required except for an upload file or a
         * check with {@link #activities} set.
         */
        public Builder client(ParsClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Where the valid rows go. Required. */
        public Builder destination(Destination destination) {
            this.destination = Objects.requireNonNull(destination, "destination");
            return this;
        }

        /**
         * Finds an activity by ACCME Activity ID instead of asking PARS (for an office that has no
         * web-service access and writes the upload file, say). Asked once per activity and run.
         */
        public Builder activities(Function<String, Optional<Activity>> activities) {
            this.activities = Objects.requireNonNull(activities, "activities");
            return this;
        }

        /**
         * The validator rows are judged by when they are checked or written to the upload file
         * (default: PARS's rules, dates judged by {@link #clock}). Rows sent are judged by the
         * client's validator, and through a ledger by the ledger's.
         */
        public Builder validator(ParsValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** "Today" for the default validator (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Rows read and reported at a time (default 5,000; 1 to {@value ReportingJob#MAX_SLICE}). */
        public Builder sliceSize(int rows) {
            if (rows < 1 || rows > MAX_SLICE) {
                throw new IllegalArgumentException("sliceSize must be 1 to " + MAX_SLICE + " rows");
            }
            this.sliceSize = rows;
            return this;
        }

        /**
         * Slices reported at once through a ledger, at least 1 (by default as the ledger's
         * database suits: see {@link LedgerSink#slicesAtOnce}). For the tests of this package.
         */
        Builder slicesAtOnce(int slices) {
            if (slices < 1) {
                throw new IllegalArgumentException("slicesAtOnce must be at least 1");
            }
            this.slicesAtOnce = slices;
            return this;
        }

        /** Adds a listener; each hears every row's outcome, in the order added. */
        public Builder listener(RowListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Says the client speaks to a simulator, not PARS: the summary then says that nothing
         * reached PARS. Default false.
         */
        public Builder simulated(boolean simulated) {
            this.simulated = simulated;
            return this;
        }

        /**
         * Builds the job.
         *
         * @throws IllegalStateException naming what is missing
         */
        public ReportingJob build() {
            if (destination == null) {
                throw new IllegalStateException("Invalid ReportingJob configuration: destination is required");
            }
            boolean local = destination.kind() == Destination.Kind.UPLOAD_FILE
                    || destination.kind() == Destination.Kind.CHECK_ONLY;
            if (client == null && !(local && activities != null)) {
                throw new IllegalStateException("Invalid ReportingJob configuration: client is required"
                        + (local ? " (or activities, to look activities up without PARS)" : ""));
            }
            if (activities == null) {
                ParsClient c = client;
                activities = id -> c.activities().get(id);
            }
            return new ReportingJob(this);
        }
    }
}
