/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.docs;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.TranscriptQuery;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsXmlCodec;
import org.parsjava.core.codec.ReportHeader;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LearnerTranscript;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.TranscriptTotal;
import org.parsjava.core.validation.ParsValidator;
import org.parsjava.core.validation.ValidationReport;

/** docs/client.md and docs/api-generations.md. */
final class ClientSnippets {

    private ClientSnippets() {}

    static byte[] validateAndEncode(List<LearnerCompletion> completions, List<LearnerCompletion> validOnes) {
        // tag::validate[]
        ParsValidator validator = ParsValidator.defaults(); // thread safe, share it
        ValidationReport report = validator.validate(completions); // every violation of every record
        report.errors().forEach(System.out::println); // "record 12 [lms-881] learner.npi NPI_CHECK_DIGIT: ..."
        byte[] xml = ParsXmlCodec.create()
                .encodeLearnerReports(
                        validOnes,
                        LearnerRecordAction.ADD,
                        new ReportHeader("Example Health CME", LocalDateTime.now(ZoneId.of("America/Chicago"))));
        // end::validate[]
        return xml;
    }

    static ParsClient rest(String baseUrl, String user, String password) {
        // tag::rest[]
        ParsClient pars = ParsClient.builder()
                .generation(ParsEndpoints.Generation.REST) // default WCF; REST also switches the format to JSON
                .baseUrl(baseUrl)
                .providerId("0001234")
                .providerName("Example Health Continuing Education")
                .credentials(ParsCredentials.of(user, password))
                .build();
        // end::rest[]
        return pars;
    }

    static Optional<TranscriptTotal> transcripts(ParsClient pars, OutputStream pdf, LocalDate start, LocalDate end)
            throws IOException {
        // tag::transcripts[]
        TranscriptQuery who = TranscriptQuery.builder()
                .npi("1234567893") // or .license(CA, "A99999"), or both names
                .completedFrom(LocalDate.of(2026, 1, 1))
                .build(); // NPI check digit, state code, range order checked here
        List<LearnerTranscript> transcripts = pars.transcripts().find(who); // typed: completions, credit lines, MOC
        long bytes = pars.transcripts().pdf(who, pdf); // streamed, never held in memory
        Optional<TranscriptTotal> total =
                pars.transcripts().creditsBetween(who, start, end); // empty: no such physician
        // end::transcripts[]
        System.out.println(transcripts.size() + " transcripts, " + bytes + " bytes of PDF");
        return total;
    }

    static TranscriptQuery byLicense() {
        return TranscriptQuery.builder()
                .license(LicensingJurisdiction.CA, "A99999")
                .build();
    }
}
