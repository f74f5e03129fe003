/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import java.io.IOException;
import java.nio.file.Path;
import org.parsjava.client.ParsClient;
import org.parsjava.job.Destination;
import org.parsjava.job.JobSummary;
import org.parsjava.job.ReportingJob;
import org.parsjava.job.Roster;
import org.parsjava.job.RowsToFixFile;
import org.parsjava.job.SummaryText;
import org.parsjava.ledger.ReportingLedger;

/** docs/reporting-job.md. */
final class JobSnippets {

    private JobSnippets() {}

    static JobSummary backfill(ParsClient client, ReportingLedger ledger, Path csv, Path rowsToFixCsv)
            throws IOException {
        // tag::job[]
        try (RowsToFixFile rowsToFix = new RowsToFixFile(rowsToFixCsv)) { // no names or identifiers in it
            JobSummary summary = ReportingJob.builder()
                    .client(client)
                    .destination(Destination.ledger(ledger)) // or Destination.pars(), Destination.uploadFile(path)
                    .listener(rowsToFix) // hears every row's outcome
                    .build()
                    .run(Roster.file(csv)); // CSV or .xlsx; every row accounted for
            SummaryText.print(summary, System.out); // the summary the pars command prints
            return summary; // summary.count(RowStatus.ACCEPTED), summary.exitStatus().code(), ...
        }
        // end::job[]
    }
}
