/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.ParsEndpoints.Parameter;
import org.parsjava.core.codec.CreditIds;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.RecordVerdict;
import org.parsjava.core.codec.ReportHeader;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Npi;
import org.parsjava.core.rules.BoardRules;
import org.parsjava.core.validation.ReportingWindow;
import org.parsjava.testkit.SimulatorErrors;
import org.parsjava.testkit.StoredCredit;

/**
 * The learner service as PARS answers it: saves (adds and deletes) under PARS's acceptance rules,
 * status lookups by CreditID and by learner, reads and deletes by learner identifier, and
 * learner match. Each save is applied whole or, on the REST generation, refused whole.
 */
public final class LearnerRecords extends Part {

    /** Learner records of {@code state}. */
    public LearnerRecords(SimulatorState state) {
        super(state);
    }

    Answer saveLearners(byte[] body) {
        return saveLearners(body, Integer.MAX_VALUE);
    }

    /** Applies the first {@code limit} reports and answers with verdicts for those alone. */
    Answer saveLearners(byte[] body, int limit) {
        List<LearnerReportRecord> reports = peer.decodeLearnerReports(body);
        List<RecordVerdict> verdicts = new ArrayList<>(Math.min(limit, reports.size()));
        boolean rest = endpoints.generation() == ParsEndpoints.Generation.REST;
        synchronized (lock) {
            List<Runnable> undo = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, reports.size()); i++) {
                LearnerReportRecord r = reports.get(i);
                String[] problem = r.action() == LearnerRecordAction.DELETE ? delete(r, undo) : add(r, undo);
                if (problem != null && rest) {
                    // The draft REST save has no per-record verdicts: a document with a refused
                    // report is refused whole (400), and nothing of it is kept.
                    for (int u = undo.size() - 1; u >= 0; u--) {
                        undo.get(u).run();
                    }
                    if (state.restRefusalsPerRecord) {
                        return new Answer(
                                ok(
                                        400,
                                        peer.encodeSaveResult(List.of(
                                                RecordVerdict.rejected(i, problem[0], problem[1], problem[2])))),
                                0);
                    }
                    return new Answer(fault(400, problem[0], problem[2]), 0);
                }
                verdicts.add(
                        problem == null
                                ? RecordVerdict.accepted(i)
                                : RecordVerdict.rejected(i, problem[0], problem[1], problem[2]));
            }
        }
        if (rest) {
            // 201 and the saved document itself; a partial apply answers 201 without a body,
            // since the draft's answer cannot name which reports were kept.
            return new Answer(
                    ok(success(Operation.SAVE_LEARNER_ACTIVITY), limit < reports.size() ? new byte[0] : body),
                    Math.min(limit, reports.size()));
        }
        return new Answer(ok(200, peer.encodeSaveResult(verdicts)), reports.size());
    }

    /** Applies PARS's acceptance rules; returns {code, field, message} or null when stored. */
    String[] add(LearnerReportRecord r, List<Runnable> undo) {
        if (!providerId.equals(r.providerId())) {
            return err(SimulatorErrors.PROVIDER_MISMATCH, "ProviderID", "the report names another provider");
        }
        Activity activity = activities.get(r.accmeActivityId());
        if (activity == null) {
            return err(SimulatorErrors.ACTIVITY_NOT_FOUND, "moduleID", "no such activity for this provider");
        }
        if (!activity.status().acceptsLearners()) {
            return err(SimulatorErrors.ACTIVITY_CLOSED, "moduleID", "the activity does not accept learners");
        }
        if (r.firstName().isBlank() || r.lastName().isBlank()) {
            return err(SimulatorErrors.NAME_MISSING, "Name", "given and family name are required");
        }
        if (r.birthDate().isEmpty()) {
            return err(SimulatorErrors.BIRTH_DATE_INVALID, "BirthDate", "birth month and day are required");
        }
        Optional<String> npi = r.identifier("NPI");
        String licenseKey = null;
        for (LearnerReportRecord.Identifier id : r.identifiers()) {
            if (LicensingJurisdiction.parse(id.domain()).isPresent()
                    && id.domain().length() == 2) {
                licenseKey = keyOf(id);
            }
        }
        if (npi.isPresent() && !Npi.isValid(npi.get())) {
            return err(SimulatorErrors.NPI_INVALID, "UniqueID", "the NPI check digit does not match");
        }
        // A CME line needs an NPI or a state license (docs/pars-reference.md 5.7); a MOC-only report needs
        // some identifier (board IDs are checked per line below).
        boolean hasCme = r.creditLines().stream().anyMatch(LearnerReportRecord.CreditLine::isCme);
        if (npi.isEmpty() && licenseKey == null && (hasCme || r.identifiers().isEmpty())) {
            return err(SimulatorErrors.IDENTITY_MISSING, "UniqueID", "an NPI or a state license is required");
        }
        if (r.completionDate().isEmpty()) {
            return err(SimulatorErrors.COMPLETION_DATE_INVALID, "CompletedDateTime", "completion date is required");
        }
        LocalDate date = r.completionDate().get();
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            return err(
                    SimulatorErrors.COMPLETION_DATE_IN_FUTURE, "CompletedDateTime", "completion date is in the future");
        }
        if (window.check(date, today) == ReportingWindow.Verdict.OUTSIDE) {
            return err(
                    SimulatorErrors.COMPLETION_DATE_OUTSIDE_WINDOW,
                    "CompletedDateTime",
                    "the reporting year is closed");
        }
        // One learner, one key: the NPI, else the state license, else (a MOC-only report) the
        // board IDs it carries. Name and birth day are not a key: two physicians share them.
        String learnerKey = npi.isPresent()
                ? "NPI:" + npi.get()
                : licenseKey != null
                        ? licenseKey
                        : r.identifiers().stream()
                                .map(Part::keyOf)
                                .sorted()
                                .collect(java.util.stream.Collectors.joining("|"));
        Map<Board, BigDecimal> mocPerBoard = new HashMap<>(4);
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            BigDecimal c = line.credits();
            if (c.signum() <= 0
                    || c.multiply(BigDecimal.valueOf(4)).stripTrailingZeros().scale() > 0) {
                return err(
                        SimulatorErrors.CREDITS_INVALID, "numberOfCredits", "credits must be positive quarter steps");
            }
            if (line.isCme()) {
                if (c.compareTo(activity.maxCmeCredits()) > 0) {
                    return err(
                            SimulatorErrors.CREDITS_ABOVE_MAXIMUM,
                            "numberOfCredits",
                            "credits exceed the activity's designation");
                }
            } else if (line.mocType().isPresent()) {
                MocCreditType type = line.mocType().get();
                MocRegistration reg = activity.mocRegistrations().get(type.board());
                if (reg == null) {
                    return err(
                            SimulatorErrors.BOARD_NOT_REGISTERED,
                            "activityCertification",
                            "the activity is not registered with "
                                    + type.board().acronym());
                }
                boolean idRequired = state.rules
                        .rules(type.board())
                        .map(BoardRules::idRequired)
                        .orElse(true);
                if (idRequired && r.identifier(type.board().acronym()).isEmpty()) {
                    return err(
                            SimulatorErrors.BOARD_ID_MISSING,
                            "UniqueID",
                            "MOC credit needs the learner's " + type.board().acronym() + " ID");
                }
                BigDecimal sum = mocPerBoard.merge(type.board(), c, BigDecimal::add);
                if (sum.compareTo(reg.points()) > 0) {
                    return err(
                            SimulatorErrors.CREDITS_ABOVE_MAXIMUM,
                            "numberOfCredits",
                            "MOC points exceed the registration");
                }
            } else {
                return err(SimulatorErrors.CREDITS_INVALID, "activityCertification", "unknown credit category");
            }
        }
        String dayKey = r.accmeActivityId() + "|" + learnerKey + "|" + date;
        String firstCredit =
                r.creditLines().isEmpty() ? "" : r.creditLines().get(0).creditId();
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            if (credits.containsKey(line.creditId())) {
                state.heldResent.incrementAndGet();
                return err(SimulatorErrors.DUPLICATE_RECORD, "CreditID", "this CreditID is already held");
            }
        }
        String existing = learnerDays.get(dayKey);
        if (existing != null && !existing.equals(firstCredit)) {
            return err(
                    SimulatorErrors.DUPLICATE_RECORD,
                    "Member",
                    "the learner already has a record for this activity on this day");
        }
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            // The activity's own ID string is shared by all its credits, not one copy per report.
            credits.put(
                    line.creditId(),
                    new StoredCredit(
                            line.creditId(),
                            activity.accmeActivityId().orElseThrow(),
                            learnerKey,
                            date,
                            line.mocType(),
                            line.credits()));
            state.storedAt.put(line.creditId(), clock.instant());
        }
        String previousDay = learnerDays.put(dayKey, firstCredit);
        Person before = people.put(learnerKey, Person.of(r));
        undo.add(() -> {
            r.creditLines().forEach(line -> credits.remove(line.creditId()));
            if (previousDay == null) {
                learnerDays.remove(dayKey);
            } else {
                learnerDays.put(dayKey, previousDay);
            }
            if (before != null) {
                people.put(learnerKey, before);
            } else {
                people.remove(learnerKey);
            }
        });
        return null;
    }

    String[] delete(LearnerReportRecord r, List<Runnable> undo) {
        boolean any = false;
        for (LearnerReportRecord.CreditLine line : r.creditLines()) {
            StoredCredit removed = credits.remove(line.creditId());
            if (removed != null) {
                any = true;
                String day = null;
                for (Map.Entry<String, String> d : learnerDays.entrySet()) {
                    if (d.getValue().equals(line.creditId())) {
                        day = d.getKey();
                        break;
                    }
                }
                if (day != null) {
                    learnerDays.remove(day);
                }
                String dayKey = day;
                undo.add(() -> {
                    credits.put(removed.creditId(), removed);
                    if (dayKey != null) {
                        learnerDays.put(dayKey, removed.creditId());
                    }
                });
            }
        }
        return any ? null : err(SimulatorErrors.RECORD_NOT_FOUND, "CreditID", "no record with these CreditIDs");
    }

    Answer status(String creditId) {
        CreditStatus status;
        synchronized (lock) {
            StoredCredit c = creditId == null ? null : credits.get(creditId);
            status = c == null ? null : statusOf(c);
        }
        if (status == null) {
            return new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no record with this CreditID"), 0);
        }
        return new Answer(ok(200, peer.encodeStatuses(List.of(status))), 0);
    }

    /** Status by activity, birth date, completion date and identifier (approach A). */
    Answer statusByLearner(Map<Parameter, String> p) {
        String module = p.get(Parameter.MODULE_ID);
        String birth = p.get(Parameter.BIRTH_DATE);
        String date = p.get(Parameter.COMPLETION_DATE);
        String unique = p.get(Parameter.UNIQUE_ID);
        if (module == null || birth == null || date == null || unique == null) {
            return new Answer(
                    fault(
                            400,
                            SimulatorErrors.QUERY_INVALID,
                            "moduleID, BirthDate, CompletionDate and UniqueID are required"),
                    0);
        }
        String monthDay = birth.length() > 5 ? birth.substring(birth.length() - 5) : birth;
        List<CreditStatus> found = new ArrayList<>();
        synchronized (lock) {
            for (StoredCredit c : credits.values()) {
                Person who = people.get(c.learnerKey());
                if (c.accmeActivityId().equals(module)
                        && c.completionDate().toString().equals(date)
                        && who != null
                        && who.holds(unique)
                        && String.format(
                                        java.util.Locale.ROOT,
                                        "%02d-%02d",
                                        who.birthDate().getMonthValue(),
                                        who.birthDate().getDayOfMonth())
                                .equals(monthDay)) {
                    found.add(statusOf(c));
                }
            }
        }
        return found.isEmpty()
                ? new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no record matches"), 0)
                : new Answer(ok(200, peer.encodeStatuses(found)), 0);
    }

    /** {@code GET learner-activities/{learnerId}}: the learner's records as a learner document. */
    Answer learnerRecords(String learnerId) {
        List<LearnerCompletion> completions = new ArrayList<>();
        synchronized (lock) {
            Map<String, List<StoredCredit>> byRecord = new LinkedHashMap<>();
            for (StoredCredit c : creditsOf(p -> p.holds(learnerId))) {
                byRecord.computeIfAbsent(
                                c.learnerKey() + "|" + c.accmeActivityId() + "|" + c.completionDate(),
                                k -> new ArrayList<>())
                        .add(c);
            }
            for (List<StoredCredit> lines : byRecord.values()) {
                completions.add(completionOf(lines));
            }
        }
        if (completions.isEmpty()) {
            return new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no record for this learner"), 0);
        }
        return new Answer(
                ok(
                        success(Operation.GET_LEARNER_ACTIVITY),
                        codec.encodeLearnerReports(
                                completions,
                                LearnerRecordAction.ADD,
                                new ReportHeader("PARS", java.time.LocalDateTime.now(clock)))),
                0);
    }

    /** Rebuilds the completion a group of held credit lines came from (same key, activity, day). */
    LearnerCompletion completionOf(List<StoredCredit> lines) {
        StoredCredit first = lines.get(0);
        Person p = people.get(first.learnerKey());
        Learner.Builder learner = Learner.builder()
                .firstName(p.givenName())
                .lastName(p.familyName())
                .birthDate(p.birthDate());
        p.id("NPI").ifPresent(learner::npi);
        p.license().ifPresent(l -> learner.license(LicensingJurisdiction.of(l.domain()), l.value()));
        for (LearnerReportRecord.Identifier id : p.identifiers()) {
            Board.parse(id.domain()).ifPresent(board -> learner.boardId(board, id.value()));
        }
        LearnerCompletion.Builder c = LearnerCompletion.builder()
                .completionKey(completionKeyOf(first))
                .activity(activities.get(first.accmeActivityId()))
                .learner(learner.build())
                .completionDate(first.completionDate())
                .consent(true);
        for (StoredCredit line : lines) {
            if (line.mocType().isPresent()) {
                c.mocCredit(line.mocType().get(), line.credits().toPlainString());
            } else {
                c.cmeCredits(line.credits());
            }
        }
        return c.build();
    }

    /** The completion key inside a CreditID ({@code ccid:<provider>:<key>-<kind>}). */
    static String completionKeyOf(StoredCredit c) {
        String rest = c.creditId().substring(c.creditId().indexOf(':', CreditIds.PREFIX.length()) + 1);
        String kind = c.mocType()
                .map(t -> {
                    String k = t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                    return k.endsWith("-cme") ? k.substring(0, k.length() - 4) : k;
                })
                .orElse("cme");
        return rest.endsWith("-" + kind) ? rest.substring(0, rest.length() - kind.length() - 1) : rest;
    }

    /** {@code DELETE learner-activities/{learnerId}}: every record of the learner. */
    Answer deleteLearnerRecords(String learnerId) {
        int removed = 0;
        synchronized (lock) {
            for (StoredCredit c : creditsOf(p -> p.holds(learnerId))) {
                credits.remove(c.creditId());
                learnerDays.values().remove(c.creditId());
                removed++;
            }
        }
        return removed == 0
                ? new Answer(fault(404, SimulatorErrors.RECORD_NOT_FOUND, "no record for this learner"), 0)
                : new Answer(
                        new MockResponse.Builder()
                                .code(success(Operation.DELETE_LEARNER_ACTIVITY))
                                .build(),
                        0);
    }

    Answer match(byte[] body) {
        Learner l = peer.decodeMatchRequest(body);
        List<Learner> found = new ArrayList<>();
        boolean empty;
        synchronized (lock) {
            empty = physicians.isEmpty();
            for (Learner p : physicians) {
                boolean sameId = (l.npi().isPresent() && l.npi().equals(p.npi()))
                        || (l.license().isPresent() && l.license().equals(p.license()));
                if (sameId
                        && p.lastName().equalsIgnoreCase(l.lastName())
                        && p.birthDate().equals(l.birthDate())) {
                    found.add(p);
                }
            }
        }
        MatchResult result;
        if (empty) {
            result = new MatchResult(
                    l.npi().isPresent() || l.license().isPresent()
                            ? MatchResult.Outcome.MATCHED
                            : MatchResult.Outcome.NOT_MATCHED,
                    Optional.empty());
        } else if (found.size() == 1) {
            result = new MatchResult(MatchResult.Outcome.MATCHED, Optional.empty());
        } else if (found.isEmpty()) {
            result = new MatchResult(MatchResult.Outcome.NOT_MATCHED, Optional.of("no physician matches"));
        } else {
            result = new MatchResult(MatchResult.Outcome.AMBIGUOUS, Optional.of(found.size() + " physicians match"));
        }
        return new Answer(ok(200, peer.encodeMatchResult(result)), 0);
    }
}
