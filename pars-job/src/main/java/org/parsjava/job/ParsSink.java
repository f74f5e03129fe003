/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.List;
import org.parsjava.client.ChunkProgress;
import org.parsjava.client.ParsClient;
import org.parsjava.client.RecordResult;
import org.parsjava.client.SubmissionResult;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.model.LearnerCompletion;

/** Slices sent straight to PARS with the job's client; each row settled by PARS's answer. */
final class ParsSink implements Sink {

    private final JobRun run;
    private final ParsClient client;

    ParsSink(JobRun run, ParsClient client) {
        this.run = run;
        this.client = client;
    }

    @Override
    public int report(List<RosterRow> slice) {
        List<LearnerCompletion> completions =
                slice.stream().map(r -> r.completion().orElseThrow()).toList();
        SubmissionResult result;
        try {
            result = client.learners().submit(completions, (ChunkProgress p) -> run.progress(p.fraction()));
        } catch (ParsAuthenticationException e) {
            // Account for the slice (its records are FAILED, not sent), then stop the run.
            e.partialResult().ifPresent(r -> settle(slice, r));
            throw e;
        }
        settle(slice, result);
        return 0;
    }

    private void settle(List<RosterRow> slice, SubmissionResult result) {
        for (RecordResult r : result.records()) {
            RosterRow row = slice.get(r.index());
            run.warnings(r.violations().stream().filter(v -> !v.isError()).count());
            switch (r.outcome()) {
                case ACCEPTED ->
                    run.settle(
                            row.line(),
                            r.completionKey(),
                            r.alreadyHeld() ? RowStatus.ALREADY_HELD : RowStatus.ACCEPTED,
                            List.of());
                case REJECTED ->
                    run.settle(
                            row.line(),
                            r.completionKey(),
                            RowStatus.REJECTED,
                            List.of(new RowProblem(
                                    "", r.parsCode().orElse(""), r.message().orElse(""))));
                case INVALID ->
                    run.settle(row.line(), r.completionKey(), RowStatus.INVALID, JobRun.problems(r.violations()));
                case FAILED ->
                    run.settle(
                            row.line(),
                            r.completionKey(),
                            RowStatus.FAILED,
                            List.of(new RowProblem("", "", r.message().orElse("not confirmed by PARS"))));
            }
        }
    }
}
