/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows-to-fix file as a spreadsheet reads it: one cell per value, nothing run as a formula. */
class RowsToFixFileTest {

    @TempDir
    Path dir;

    @Test
    void keysWithCommasStayOneCellAndFormulasStayText() throws Exception {
        Path file = dir.resolve("fix.csv");
        try (RowsToFixFile f = new RowsToFixFile(file)) {
            f.row(new RowOutcome(
                    2,
                    "-lead,1",
                    RowStatus.INVALID,
                    List.of(new RowProblem("learner.npi", "NPI_CHECK_DIGIT", "=bad"))));
            f.row(new RowOutcome(
                    3,
                    "plain-2",
                    RowStatus.INVALID,
                    List.of(new RowProblem("consent", "CONSENT_MISSING", "say \"yes\""))));
        }
        assertEquals(
                List.of(
                        RowsToFixFile.HEADER,
                        "2,\"'-lead,1\",INVALID,learner.npi,NPI_CHECK_DIGIT,\"'=bad\"",
                        "3,plain-2,INVALID,consent,CONSENT_MISSING,\"say \"\"yes\"\"\""),
                Files.readAllLines(file));
    }
}
