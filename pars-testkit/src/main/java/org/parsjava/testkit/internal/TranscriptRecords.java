/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.LearnerTranscript;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.TranscriptTotal;
import org.parsjava.testkit.SimulatorErrors;
import org.parsjava.testkit.StoredCredit;

/** The draft transcript API's three reads, answered from the credits held. */
public final class TranscriptRecords extends Part {

    /** Transcripts of {@code state}. */
    public TranscriptRecords(SimulatorState state) {
        super(state);
    }

    /** The three transcript reads, from the credits held. */
    Answer transcript(Operation op, Map<Parameter, String> p) {
        String npi = p.get(Parameter.NPI);
        String state = p.get(Parameter.STATE_OF_LICENSURE);
        String license = p.get(Parameter.STATE_MEDICAL_LICENSE_ID);
        String first = p.get(Parameter.FIRST_NAME);
        String last = p.get(Parameter.LAST_NAME);
        if (npi == null && (state == null || license == null) && (first == null || last == null)) {
            return new Answer(
                    fault(400, SimulatorErrors.QUERY_INVALID, "an NPI, a license or both names are required"), 0);
        }
        if ((npi != null && !npi.matches("[0-9]{10}")) || (state != null && !state.matches("[A-Z]{2}"))) {
            return new Answer(fault(400, SimulatorErrors.QUERY_INVALID, "npi or stateOfLicensure is malformed"), 0);
        }
        LocalDate from;
        LocalDate to;
        try {
            boolean byDate = op == Operation.GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE;
            String start = p.get(byDate ? Parameter.START_DATE : Parameter.COMPLETION_DATE_RANGE_START);
            String end = p.get(byDate ? Parameter.END_DATE : Parameter.COMPLETION_DATE_RANGE_END);
            if (byDate && (start == null || end == null)) {
                return new Answer(fault(400, SimulatorErrors.QUERY_INVALID, "startDate and endDate are required"), 0);
            }
            from = start == null ? LocalDate.MIN : LocalDate.parse(start);
            to = end == null ? LocalDate.MAX : LocalDate.parse(end);
        } catch (java.time.format.DateTimeParseException e) {
            return new Answer(fault(400, SimulatorErrors.QUERY_INVALID, "a date is not YYYY-MM-DD"), 0);
        }
        java.util.function.Predicate<Person> who =
                person -> (npi == null || person.id("NPI").filter(npi::equals).isPresent())
                        && (state == null
                                || license == null
                                || person.id(state).filter(license::equals).isPresent())
                        && (first == null || person.givenName().equalsIgnoreCase(first))
                        && (last == null || person.familyName().equalsIgnoreCase(last));
        Map<String, List<StoredCredit>> byPerson = new LinkedHashMap<>();
        Map<String, Person> persons = new LinkedHashMap<>();
        synchronized (lock) {
            for (StoredCredit c : creditsOf(who)) {
                if (!c.completionDate().isBefore(from) && !c.completionDate().isAfter(to)) {
                    byPerson.computeIfAbsent(c.learnerKey(), k -> new ArrayList<>())
                            .add(c);
                    persons.put(c.learnerKey(), people.get(c.learnerKey()));
                }
            }
        }
        if (op == Operation.GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE) {
            if (byPerson.isEmpty()) {
                return new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no transcript matches"), 0);
            }
            BigDecimal total = byPerson.values().stream()
                    .flatMap(List::stream)
                    .filter(c -> c.mocType().isEmpty())
                    .map(StoredCredit::credits)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Person person = persons.values().iterator().next();
            return new Answer(
                    ok(
                            200,
                            peer.encodeTranscriptTotal(new TranscriptTotal(
                                    Optional.of(person.givenName()),
                                    Optional.of(person.familyName()),
                                    total,
                                    "Point"))),
                    0);
        }
        List<LearnerTranscript> transcripts = new ArrayList<>();
        synchronized (lock) {
            byPerson.forEach((key, lines) -> transcripts.add(transcriptOf(persons.get(key), lines)));
        }
        if (transcripts.isEmpty()) {
            return new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no transcript matches"), 0);
        }
        if (op == Operation.GET_LEARNER_TRANSCRIPT_PDF) {
            return new Answer(
                    new MockResponse.Builder()
                            .code(200)
                            .setHeader("Content-Type", "application/pdf")
                            .body(new okio.Buffer().write(TranscriptPdf.render(transcripts)))
                            .build(),
                    0);
        }
        return new Answer(
                new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .body(text(peer.encodeTranscripts(transcripts)))
                        .build(),
                0);
    }

    LearnerTranscript transcriptOf(Person who, List<StoredCredit> lines) {
        Map<String, List<StoredCredit>> byCompletion = new LinkedHashMap<>();
        for (StoredCredit c : lines) {
            byCompletion
                    .computeIfAbsent(c.accmeActivityId() + "|" + c.completionDate(), k -> new ArrayList<>())
                    .add(c);
        }
        List<LearnerTranscript.Completion> completions = new ArrayList<>();
        for (List<StoredCredit> group : byCompletion.values()) {
            StoredCredit first = group.get(0);
            Activity a = activities.get(first.accmeActivityId());
            List<LearnerTranscript.Credit> credit = group.stream()
                    .map(c -> new LearnerTranscript.Credit(
                            c.creditId(),
                            c.mocType().map(MocCreditType::code).orElse("AMA PRA Category 1 Credit"),
                            c.credits(),
                            "Point"))
                    .toList();
            completions.add(new LearnerTranscript.Completion(
                    providerId,
                    Optional.empty(),
                    first.accmeActivityId(),
                    a == null ? "" : a.title(),
                    "Completed",
                    Optional.of(first.completionDate()),
                    credit,
                    List.of(),
                    List.of()));
        }
        Optional<LearnerReportRecord.Identifier> license = who.license();
        return new LearnerTranscript(
                who.givenName(),
                who.familyName(),
                license.map(LearnerReportRecord.Identifier::domain),
                license.map(LearnerReportRecord.Identifier::value),
                who.id("NPI"),
                completions,
                Optional.of(providerId),
                Optional.empty());
    }
}
