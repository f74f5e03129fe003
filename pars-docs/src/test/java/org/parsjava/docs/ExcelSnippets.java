/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.validation.Violation;
import org.parsjava.excel.LearnerUploadReader;
import org.parsjava.excel.LearnerUploadWriter;
import org.parsjava.excel.TemplateRow;

/** docs/excel.md. */
final class ExcelSnippets {

    private ExcelSnippets() {}

    static List<TemplateRow> writeAndCheck(
            Path path, LearnerCompletion completion, Function<String, Optional<Activity>> activityLookup)
            throws IOException {
        List<TemplateRow> rows = new ArrayList<>();
        // tag::upload[]
        try (LearnerUploadWriter upload = LearnerUploadWriter.create(Files.newOutputStream(path))) {
            List<Violation> problems = upload.add(completion); // empty: written; upload.delete(...) for removals
            problems.forEach(System.out::println);
        }
        try (LearnerUploadReader check = LearnerUploadReader.open(path, activityLookup)) {
            check.forEachRemaining(rows::add); // an office's file, checked before uploading
        }
        // end::upload[]
        return rows;
    }
}
