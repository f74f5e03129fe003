/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.ledger.ReportingLedger;

/**
 * Where a job reports the valid rows: through a {@link ReportingLedger} (recorded durably, then
 * sent; a rerun sends nothing already settled), straight to PARS with the job's client, into
 * ACCME's learner upload file (for an office that uploads by hand), or nowhere (a check).
 * Immutable.
 */
public final class Destination {

    /** The four kinds of destination. */
    public enum Kind {
        /** Recorded in a ledger, then sent by it. */
        LEDGER,
        /** Sent straight to PARS with the job's client; nothing is kept between runs. */
        PARS,
        /** Written to ACCME's learner upload file; nothing is sent. */
        UPLOAD_FILE,
        /** Checked by every rule applied before sending; nothing is sent or written. */
        CHECK_ONLY
    }

    private final Kind kind;
    private final ReportingLedger ledger;
    private final Path file;

    private Destination(Kind kind, ReportingLedger ledger, Path file) {
        this.kind = kind;
        this.ledger = ledger;
        this.file = file;
    }

    /** Through {@code ledger}, which sends with its own client (the job's client looks activities up). */
    public static Destination ledger(ReportingLedger ledger) {
        return new Destination(Kind.LEDGER, Objects.requireNonNull(ledger, "ledger"), null);
    }

    /** Straight to PARS, with the job's client. */
    public static Destination pars() {
        return new Destination(Kind.PARS, null, null);
    }

    /** Into ACCME's learner upload file at {@code file} (created or replaced). */
    public static Destination uploadFile(Path file) {
        return new Destination(Kind.UPLOAD_FILE, null, Objects.requireNonNull(file, "file"));
    }

    /** Nowhere: every row is checked by the rules applied before sending. */
    public static Destination checkOnly() {
        return new Destination(Kind.CHECK_ONLY, null, null);
    }

    /** Which kind. */
    public Kind kind() {
        return kind;
    }

    /** The ledger, for {@link Kind#LEDGER}. */
    public Optional<ReportingLedger> ledger() {
        return Optional.ofNullable(ledger);
    }

    /** The upload file, for {@link Kind#UPLOAD_FILE}. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public String toString() {
        return "Destination[" + kind + (file == null ? "" : ", " + file) + "]";
    }
}
