/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.codec.internal.Excerpts;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.codec.internal.LearnerReportsDto.UniqueId;
import org.parsjava.core.codec.internal.ResponsesDto;
import org.parsjava.core.codec.internal.Vocabulary;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.Npi;
import org.parsjava.core.model.StateLicense;
import org.parsjava.core.rules.RulesCatalogue;

/**
 * PARS's answers to and from their documents: save results (verdicts per record), credit
 * statuses, learner match requests and results, faults. Every shape here is inferred
 * (docs/pars-reference.md 2.7): PARS publishes none.
 */
final class AnswerMapping {

    private AnswerMapping() {}

    /** The save result document of {@code verdicts} (the WCF generation's answer, as inferred). */
    static ResponsesDto.SaveResult saveResult(List<RecordVerdict> verdicts) {
        ResponsesDto.SaveResult doc = new ResponsesDto.SaveResult();
        List<ResponsesDto.ReportResult> list = new ArrayList<>(verdicts.size());
        for (RecordVerdict v : verdicts) {
            ResponsesDto.ReportResult r = new ResponsesDto.ReportResult();
            r.index = v.index();
            r.creditId = v.creditId().orElse(null);
            r.status = v.accepted() ? Vocabulary.RESULT_ACCEPTED : Vocabulary.RESULT_REJECTED;
            r.errorCode = v.code().orElse(null);
            r.field = v.field().orElse(null);
            r.message = v.message().orElse(null);
            list.add(r);
        }
        doc.results = list;
        return doc;
    }

    /**
     * Verdicts for a REST save answered with the saved document itself: every report in it was
     * saved (docs/pars-reference.md 2.2; assumed, see ParsEndpoints).
     */
    static List<RecordVerdict> savedDocument(List<LearnerReportRecord> saved) {
        List<RecordVerdict> out = new ArrayList<>(saved.size());
        for (int i = 0; i < saved.size(); i++) {
            List<LearnerReportRecord.CreditLine> lines = saved.get(i).creditLines();
            out.add(new RecordVerdict(
                    i,
                    lines.isEmpty()
                            ? Optional.empty()
                            : Optional.of(lines.get(0).creditId()),
                    true,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
        }
        return out;
    }

    /** The verdicts of a save result document. */
    static List<RecordVerdict> verdicts(ResponsesDto.SaveResult doc) {
        if (doc.results == null) {
            return List.of();
        }
        List<RecordVerdict> out = new ArrayList<>(doc.results.size());
        for (int i = 0; i < doc.results.size(); i++) {
            ResponsesDto.ReportResult r = doc.results.get(i);
            if (r == null) {
                continue;
            }
            boolean accepted = r.status != null
                    && (r.status.equalsIgnoreCase(Vocabulary.RESULT_ACCEPTED)
                            || CreditStatus.State.fromText(r.status) == CreditStatus.State.ACCEPTED);
            out.add(new RecordVerdict(
                    r.index == null ? i : r.index,
                    Optional.ofNullable(r.creditId),
                    accepted,
                    Optional.ofNullable(r.errorCode),
                    Optional.ofNullable(r.field),
                    Optional.ofNullable(Excerpts.scrubDigits(r.message))));
        }
        return out;
    }

    /** The status list document of {@code statuses}, dates written by {@code codec}. */
    static ResponsesDto.StatusList statusList(List<CreditStatus> statuses, JacksonCodec codec) {
        ResponsesDto.StatusList doc = new ResponsesDto.StatusList();
        List<ResponsesDto.Status> list = new ArrayList<>(statuses.size());
        for (CreditStatus s : statuses) {
            ResponsesDto.Status w = new ResponsesDto.Status();
            w.creditId = s.creditId();
            w.moduleId = s.accmeActivityId().orElse(null);
            w.completedDateTime = s.completionDate().map(codec::date).orElse(null);
            w.status = s.rawStatus();
            w.statusReason = s.boardReason().map(Vocabulary::boardReasonText).orElse(null);
            list.add(w);
        }
        doc.statuses = list;
        return doc;
    }

    /** The statuses of a status list. */
    static List<CreditStatus> statuses(List<ResponsesDto.Status> list) {
        List<CreditStatus> out = new ArrayList<>(list.size());
        for (ResponsesDto.Status s : list) {
            if (s == null) {
                continue;
            }
            String raw = s.status == null ? "" : s.status.strip();
            out.add(new CreditStatus(
                    s.creditId == null ? "" : s.creditId.strip(),
                    Optional.ofNullable(s.moduleId),
                    JacksonCodec.parseDate(s.completedDateTime),
                    CreditStatus.State.fromText(raw),
                    raw,
                    s.statusReason == null || s.statusReason.isBlank()
                            ? Optional.empty()
                            : Optional.of(Vocabulary.boardReason(s.statusReason))));
        }
        return out;
    }

    /** The learner match request of {@code learner}, birth date written by {@code codec}. */
    static ResponsesDto.MatchRequest matchRequest(Learner learner, String providerId, JacksonCodec codec) {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(providerId, "providerId");
        ResponsesDto.MatchRequest r = new ResponsesDto.MatchRequest();
        r.providerId = providerId;
        r.givenName = learner.firstName();
        r.familyName = learner.lastName();
        r.birthDate = codec.birthDate(learner.birthDate());
        r.uniqueId = LearnerReportMapping.identifiers(learner);
        return r;
    }

    /** The learner a match request describes. */
    static Learner learner(ResponsesDto.MatchRequest r, RulesCatalogue rules) {
        try {
            Learner.Builder b =
                    Learner.builder().firstName(JacksonCodec.nz(r.givenName)).lastName(JacksonCodec.nz(r.familyName));
            b.birthDate(JacksonCodec.parseBirthDate(r.birthDate)
                    .orElseThrow(() -> new IllegalArgumentException("BirthDate is missing or not a month and day")));
            if (r.uniqueId != null) {
                for (UniqueId u : r.uniqueId) {
                    String domain = JacksonCodec.nz(u.domain);
                    Board board = rules.board(domain).orElse(null);
                    if (Vocabulary.NPI_DOMAIN.equalsIgnoreCase(domain)) {
                        b.npi(Npi.of(JacksonCodec.nz(u.value)));
                    } else if (board != null) {
                        b.boardId(board, JacksonCodec.nz(u.value));
                    } else {
                        b.license(StateLicense.of(LicensingJurisdiction.of(domain), JacksonCodec.nz(u.value)));
                    }
                }
            }
            return b.build();
        } catch (RuntimeException e) {
            throw new ParsCodecException("Learner match request is invalid: " + e.getMessage(), "", null);
        }
    }

    /** The match result document of {@code result}. */
    static ResponsesDto.MatchResult matchResult(MatchResult result) {
        ResponsesDto.MatchResult r = new ResponsesDto.MatchResult();
        r.result = switch (result.outcome()) {
            case MATCHED -> Vocabulary.MATCH_MATCHED;
            case NOT_MATCHED -> Vocabulary.MATCH_NOT_MATCHED;
            case AMBIGUOUS -> Vocabulary.MATCH_AMBIGUOUS;
            case ERROR -> "Error";
        };
        r.message = result.message().orElse(null);
        return r;
    }

    /** The outcome a match result document gives. */
    static MatchResult matchResult(ResponsesDto.MatchResult r) {
        String s = r.result == null ? "" : r.result.strip().replace(" ", "").replace("_", "");
        MatchResult.Outcome outcome;
        if (s.equalsIgnoreCase(Vocabulary.MATCH_MATCHED) || s.equalsIgnoreCase("Match")) {
            outcome = MatchResult.Outcome.MATCHED;
        } else if (s.equalsIgnoreCase(Vocabulary.MATCH_NOT_MATCHED) || s.equalsIgnoreCase("NoMatch")) {
            outcome = MatchResult.Outcome.NOT_MATCHED;
        } else if (s.equalsIgnoreCase(Vocabulary.MATCH_AMBIGUOUS) || s.equalsIgnoreCase("MultipleMatches")) {
            outcome = MatchResult.Outcome.AMBIGUOUS;
        } else {
            outcome = MatchResult.Outcome.ERROR;
        }
        return new MatchResult(outcome, Optional.ofNullable(Excerpts.scrubDigits(r.message)));
    }

    /** The fault document of {@code fault}. */
    static ResponsesDto.Fault fault(ParsFault fault) {
        ResponsesDto.Fault f = new ResponsesDto.Fault();
        f.code = fault.code().orElse(null);
        f.message = fault.message();
        return f;
    }

    /** The code and message an error body carries, found wherever they stand; else an excerpt of it. */
    static ParsFault fault(byte[] body, JacksonCodec codec) {
        if (body == null || body.length == 0 || JacksonCodec.isBlank(body)) {
            return new ParsFault(Optional.empty(), "(empty body)");
        }
        try {
            JsonNode tree = codec.readTree(body, "error");
            String code = firstText(tree, "code", "Code", "ErrorCode", "faultcode", "Value");
            String message = firstText(tree, "message", "Message", "Reason", "Text", "faultstring", "Detail");
            if (code != null || message != null) {
                return new ParsFault(
                        Optional.ofNullable(code == null ? null : code.strip()),
                        message == null ? "(no message)" : Excerpts.scrubDigits(message.strip()));
            }
        } catch (RuntimeException notStructured) {
            // Not XML/JSON (an HTML error page, plain text, a truncated body): fall through.
        }
        return new ParsFault(Optional.empty(), Excerpts.of(body));
    }

    /** Depth-first search for the first text value under any of {@code names}. */
    private static String firstText(JsonNode node, String... names) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            for (String name : names) {
                JsonNode v = node.get(name);
                if (v != null && v.isObject() && v.has("")) {
                    v = v.get(""); // XML element with attributes: its text is under ""
                }
                if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                    return v.asText();
                }
            }
            for (var it = node.elements(); it.hasNext(); ) {
                String found = firstText(it.next(), names);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                String found = firstText(child, names);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
