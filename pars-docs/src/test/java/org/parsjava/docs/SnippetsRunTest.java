/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.client.ParsClient;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.TranscriptTotal;
import org.parsjava.excel.TemplateRow;
import org.parsjava.job.JobSummary;
import org.parsjava.job.RowStatus;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.LedgerWorker;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.ParsSimulator;
import org.parsjava.testkit.demo.DemoActivities;

/** The docs' snippets run against the simulator: what they say they do, they do. */
class SnippetsRunTest {

    @TempDir
    Path dir;

    private ParsSimulator simulator;

    /**
     * The demo activity running from two months ago for a year, judged by the system clock as the
     * snippets' clients are: the tests hold on any day.
     */
    private final org.parsjava.core.model.Activity activity = DemoActivities.SEPSIS.toBuilder()
            .startDate(LocalDate.now().minusMonths(2))
            .endDate(LocalDate.now().plusYears(1))
            .build();

    @BeforeEach
    void start() {
        simulator = ParsSimulator.builder().build().start();
        simulator.addActivity(activity);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private LearnerCompletion completion() {
        return ModelSnippets.completion(activity).toBuilder()
                .completionDate(LocalDate.now().minusDays(3))
                .build();
    }

    @Test
    void theQuickStartReportsACompletion() {
        QuickStart.report(
                simulator.baseUrl(), ParsSimulator.DEFAULT_USER, ParsSimulator.DEFAULT_PASSWORD, completion());
        assertEquals(2, simulator.credits().size(), "a CME line and an ABIM line");
    }

    @Test
    void theModelSnippetsBuildValidRecords() {
        assertEquals(
                List.of(),
                org.parsjava.core.validation.ParsValidator.defaults()
                        .validateActivity(ModelSnippets.activity())
                        .errors());
        byte[] xml = ClientSnippets.validateAndEncode(List.of(completion()), List.of(completion()));
        assertTrue(new String(xml, StandardCharsets.UTF_8).contains("201234567"), "the activity ID");
    }

    @Test
    void theRestClientReportsToo() {
        try (ParsSimulator rest = ParsSimulator.builder()
                        .endpoints(
                                org.parsjava.client.ParsEndpoints.of(org.parsjava.client.ParsEndpoints.Generation.REST))
                        .build()
                        .start();
                ParsClient pars = ClientSnippets.rest(
                        rest.baseUrl(), ParsSimulator.DEFAULT_USER, ParsSimulator.DEFAULT_PASSWORD)) {
            rest.addActivity(activity);
            assertEquals(1, pars.learners().submit(List.of(completion())).acceptedCount());
            Optional<TranscriptTotal> total;
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            try {
                total = ClientSnippets.transcripts(pars, pdf, LocalDate.now().minusYears(1), LocalDate.now());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            assertTrue(total.isPresent(), "the physician's credit is on a transcript");
            assertTrue(pdf.size() > 0);
        }
    }

    @Test
    void theLedgerSnippetRecordsAndItsWorkerSends() throws Exception {
        try (ParsClient client = simulator.clientBuilder().build()) {
            String url = "jdbc:h2:file:" + dir.resolve("ledger");
            org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL(url);
            String key = LedgerKey.generate().toBase64();
            try (LedgerWorker worker = LedgerSnippets.start(dataSource, client, key, completion())) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (simulator.credits().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertEquals(2, simulator.credits().size(), "the worker sent the recorded completion");
        }
    }

    @Test
    void theUploadFileSnippetWritesARowAndReadsItBack() throws Exception {
        List<TemplateRow> rows = ExcelSnippets.writeAndCheck(
                dir.resolve("upload.xlsx"),
                completion(),
                id -> activity.accmeActivityId().filter(id::equals).map(x -> activity));
        assertEquals(1, rows.size());
    }

    @Test
    void theJobSnippetReportsARosterThroughALedger() throws Exception {
        Path csv = dir.resolve("roster.csv");
        Files.writeString(
                csv,
                "completion_key,activity_id,first_name,last_name,birth_date,npi,completion_date,cme_credits,consent\n"
                        + "enrolment-1,201234567,Jane,Sample,02/29,1234567893,"
                        + LocalDate.now().minusDays(3) + ",1.5,yes\n"
                        + "enrolment-2,201234567,John,Sample,13/01,1245319599,"
                        + LocalDate.now().minusDays(3) + ",1.5,yes\n");
        try (ParsClient client = simulator.clientBuilder().build();
                ReportingLedger ledger = ReportingLedger.builder()
                        .jdbcUrl("jdbc:h2:file:" + dir.resolve("job-ledger"), null, null)
                        .client(client)
                        .key(LedgerKey.generate())
                        .build()) {
            JobSummary summary = JobSnippets.backfill(client, ledger, csv, dir.resolve("rows-to-fix.csv"));
            assertEquals(2, summary.rowsRead());
            assertEquals(1, summary.count(RowStatus.ACCEPTED));
            assertEquals(1, summary.count(RowStatus.INVALID), "13/01 is no birth day");
            assertEquals(1, summary.exitStatus().code());
            assertTrue(Files.readString(dir.resolve("rows-to-fix.csv")).contains("BIRTH_DATE_INVALID"));
        }
    }
}
