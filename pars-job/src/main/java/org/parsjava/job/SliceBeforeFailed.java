/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

/**
 * A slice recorded through a ledger is not sent: the slice before it failed, so the run stops.
 * Its rows are recorded, and a later run sends them. Never the run's failure: the slice before's
 * is, as the older one.
 */
final class SliceBeforeFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SliceBeforeFailed(Throwable failure) {
        super("not sent: the slice before it failed", failure);
    }
}
