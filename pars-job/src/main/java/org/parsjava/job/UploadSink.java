/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.parsjava.core.batch.RosterRow;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.excel.LearnerUploadWriter;

/** Valid rows written to ACCME's learner upload file; invalid ones are rows to fix. */
final class UploadSink implements Sink {

    private final JobRun run;
    private final LearnerUploadWriter writer;

    private UploadSink(JobRun run, LearnerUploadWriter writer) {
        this.run = run;
        this.writer = writer;
    }

    static UploadSink create(JobRun run, Path file, ParsValidator validator) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            return new UploadSink(run, LearnerUploadWriter.create(Files.newOutputStream(file), validator));
        } catch (IOException e) {
            throw new UncheckedIOException("the upload file " + file + " cannot be written", e);
        }
    }

    @Override
    public int report(List<RosterRow> slice) {
        for (RosterRow row : slice) {
            CheckSink.settleLocally(run, row, writer.add(row.completion().orElseThrow()), RowStatus.WRITTEN);
        }
        return 0;
    }

    /** Completes the file: it is whole before the summary names it. */
    @Override
    public void close() {
        writer.close();
    }
}
