/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.modulepath;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.Sponsorship;
import org.parsjava.excel.LearnerUploadReader;
import org.parsjava.excel.LearnerUploadWriter;
import org.parsjava.excel.TemplateRow;
import org.parsjava.ledger.DrainSummary;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.ParsSimulator;

/**
 * Reports one completion through {@link ParsClient}, writes and reads back an Excel upload, and
 * records and sends one completion through a {@link ReportingLedger} on H2, and checks a roster
 * with the reporting job, all against the
 * simulator: each published module used from a named module.
 */
public final class ModulePathConsumer {

    /**
     * What the run saw.
     *
     * @param clientAccepted records the client reported accepted
     * @param excelCompletions completions read back from the written template
     * @param ledgerAccepted entries the ledger's drain settled as accepted
     * @param creditsHeld credit lines the simulator holds at the end
     * @param jobValid roster rows the reporting job found valid (a check: nothing sent)
     */
    public record Outcome(
            int clientAccepted, int excelCompletions, int ledgerAccepted, int creditsHeld, long jobValid) {}

    private ModulePathConsumer() {}

    /** Runs the three paths with files under {@code workDir}. */
    public static Outcome run(Path workDir) throws IOException {
        Activity activity = activity();
        try (ParsSimulator pars = ParsSimulator.builder().build().start()) {
            pars.addActivity(activity);
            try (ParsClient client = ParsClient.builder()
                    .baseUrl(pars.baseUrl())
                    .providerId(ParsSimulator.DEFAULT_PROVIDER_ID)
                    .providerName("Module Path Health CME")
                    .credentials(ParsCredentials.of(ParsSimulator.DEFAULT_USER, ParsSimulator.DEFAULT_PASSWORD))
                    .build()) {
                org.parsjava.client.SubmissionResult sent =
                        client.learners().submit(List.of(completion(activity, "mp-1", 3)));
                int clientAccepted = sent.acceptedCount();

                Path upload = workDir.resolve("upload.xlsx");
                try (OutputStream out = Files.newOutputStream(upload);
                        LearnerUploadWriter writer = LearnerUploadWriter.create(out)) {
                    if (!writer.add(completion(activity, "mp-2", 4)).isEmpty()) {
                        throw new IllegalStateException("the template refused a valid completion");
                    }
                }
                int excelCompletions = 0;
                try (LearnerUploadReader reader = LearnerUploadReader.open(
                        upload,
                        id -> activity.accmeActivityId().filter(id::equals).map(known -> activity))) {
                    while (reader.hasNext()) {
                        TemplateRow row = reader.next();
                        if (row.row().completion().isPresent()) {
                            excelCompletions++;
                        }
                    }
                }

                int ledgerAccepted;
                try (ReportingLedger ledger = ReportingLedger.builder()
                        .jdbcUrl("jdbc:h2:file:" + workDir.resolve("ledger").toAbsolutePath(), null, null)
                        .client(client)
                        .key(LedgerKey.generate())
                        .build()) {
                    ledger.record(completion(activity, "mp-3", 5));
                    DrainSummary drained = ledger.drain();
                    ledgerAccepted = drained.accepted();
                }
                Path roster = Files.writeString(
                        workDir.resolve("roster.csv"),
                        String.join(",", org.parsjava.core.batch.RosterColumns.ALL)
                                        .replace(",profession", "") + "\n"
                                + "mp-4,201234567,Jane,Sample,2/29,1234567893,CA,A99999,,"
                                + LocalDate.now().minusDays(6) + ",1.5,,yes\n");
                org.parsjava.job.JobSummary checked = org.parsjava.job.ReportingJob.builder()
                        .client(client)
                        .destination(org.parsjava.job.Destination.checkOnly())
                        .build()
                        .run(org.parsjava.job.Roster.file(roster));
                return new Outcome(
                        clientAccepted,
                        excelCompletions,
                        ledgerAccepted,
                        pars.credits().size(),
                        checked.count(org.parsjava.job.RowStatus.VALID));
            }
        }
    }

    /** Runs in a temporary directory and prints the outcome. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("pars-modulepath");
        System.out.println(run(dir));
    }

    static Activity activity() {
        LocalDate today = LocalDate.now();
        return Activity.builder()
                .providerId(ParsSimulator.DEFAULT_PROVIDER_ID)
                .providerActivityId("MODULE-PATH-1")
                .accmeActivityId("201234567")
                .title("Modular Reporting")
                .description("An activity reported from a named module.")
                .sponsorship(Sponsorship.DIRECT)
                .type(ActivityType.INTERNET_ENDURING_MATERIAL)
                .startDate(today.minusMonths(2))
                .endDate(today.plusYears(1))
                .maxCmeCredits("2")
                .build();
    }

    static LearnerCompletion completion(Activity activity, String key, int daysAgo) {
        return LearnerCompletion.builder()
                .completionKey(key)
                .activity(activity)
                .learner(Learner.builder()
                        .firstName("Jane")
                        .lastName("Sample-" + key)
                        .birthDate(2, 29)
                        .npi("1234567893")
                        .license(LicensingJurisdiction.CA, "A99999")
                        .boardId(Board.ABIM, "000000")
                        .build())
                .completionDate(LocalDate.now().minusDays(daysAgo))
                .cmeCredits("1.5")
                .consent(true)
                .build();
    }
}
