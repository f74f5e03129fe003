/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.List;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.validation.Batch;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.core.validation.Violation;

/**
 * Slices checked by every rule the client applies before sending (dates against today, the
 * reporting window, the activity's credits...), so "valid" means "would be sent". Nothing is sent.
 */
final class CheckSink implements Sink {

    private final JobRun run;
    private final ParsValidator validator;

    CheckSink(JobRun run, ParsValidator validator) {
        this.run = run;
        this.validator = validator;
    }

    @Override
    public int report(List<RosterRow> slice) {
        // One batch per slice, as the client validates one submission: repeated keys and learners
        // within it are found too.
        Batch batch = validator.newBatch(slice.size());
        for (RosterRow row : slice) {
            settleLocally(run, row, batch.add(row.completion().orElseThrow()), RowStatus.VALID);
        }
        return 0;
    }

    /** A row judged here rather than by PARS: {@code ok} when no error was found, else INVALID. */
    static void settleLocally(JobRun run, RosterRow row, List<Violation> found, RowStatus ok) {
        List<RowProblem> errors = JobRun.problems(found);
        if (errors.isEmpty()) {
            run.warnings(found.size());
            run.settle(row.line(), row.completionKey(), ok, List.of());
        } else {
            run.settle(row.line(), row.completionKey(), RowStatus.INVALID, errors);
        }
    }
}
