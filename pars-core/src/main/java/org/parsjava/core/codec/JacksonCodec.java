/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.codec.internal.ActivitiesDto;
import org.parsjava.core.codec.internal.Excerpts;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.codec.internal.LearnerReportsDto;
import org.parsjava.core.codec.internal.PeerCodec;
import org.parsjava.core.codec.internal.ResponsesDto;
import org.parsjava.core.codec.internal.Vocabulary;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MatchResult;

/**
 * The shared Jackson implementation behind {@link ParsXmlCodec} and {@link ParsJsonCodec}: reading
 * (hardened: no DTDs, no empty bodies, positions only in errors) and writing documents, and the
 * value encodings the options choose. The documents' content is mapped by
 * {@link LearnerReportMapping}, {@link ActivityMapping} and {@link AnswerMapping}.
 */
abstract sealed class JacksonCodec implements ParsCodec, PeerCodec permits ParsXmlCodec, ParsJsonCodec {

    /** Placeholder year for {@link WireOptions.BirthDateEncoding#PLACEHOLDER_LEAP_YEAR}: a leap year. */
    static final int PLACEHOLDER_YEAR = 2000;

    private final ObjectMapper mapper;
    private final WireOptions options;
    private final String format;
    private final LearnerReportMapping learnerReports;

    JacksonCodec(ObjectMapper mapper, WireOptions options, String format) {
        this.mapper = mapper;
        this.options = Objects.requireNonNull(options, "options");
        this.format = format;
        this.learnerReports = new LearnerReportMapping(this);
    }

    @Override
    public WireOptions options() {
        return options;
    }

    @Override
    public String redact(byte[] body) {
        return org.parsjava.core.codec.internal.Redaction.redact(body);
    }

    // ---- reading and writing ---------------------------------------------------------------

    final byte[] write(Object dto) {
        try {
            return finish(
                    options.prettyPrint()
                            ? mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(dto)
                            : mapper.writeValueAsBytes(dto));
        } catch (JsonProcessingException e) {
            throw new ParsCodecException(
                    "Could not encode " + dto.getClass().getSimpleName() + " as " + format, "", null);
        }
    }

    /** Last touch on a written document; the XML codec declares the namespace here. */
    byte[] finish(byte[] document) {
        return document;
    }

    /** Whether a body is a learner report document (the REST save answer echoes it). */
    boolean isLearnerDocument(byte[] body) {
        return false;
    }

    final <T> T read(byte[] body, Class<T> type, String what) {
        checkBody(body, what);
        try {
            checkRoot(body, type, what);
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new ParsCodecException("Empty " + what + " " + format + " body", "", null);
            }
            return value;
        } catch (IOException e) {
            throw failure(body, what, e);
        }
    }

    /**
     * Verifies the document's root names what {@code type} expects; the XML module alone would
     * read any root (an HTML error page would decode as an empty answer).
     */
    void checkRoot(byte[] body, Class<?> type, String what) throws IOException {
        // JSON: UNWRAP_ROOT_VALUE already checks the root name.
    }

    final JsonNode readTree(byte[] body, String what) {
        checkBody(body, what);
        try {
            return mapper.reader()
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.UNWRAP_ROOT_VALUE)
                    .readTree(body);
        } catch (IOException e) {
            throw failure(body, what, e);
        }
    }

    final ObjectMapper mapper() {
        return mapper;
    }

    /** Refuses empty bodies and any DTD before the parser sees it (no XXE, no entity bombs). */
    private void checkBody(byte[] body, String what) {
        Objects.requireNonNull(body, "body");
        if (body.length == 0 || isBlank(body)) {
            throw new ParsCodecException("Empty " + what + " body; expected " + format, "", null);
        }
        if (format.equals("XML") && containsDoctype(body)) {
            throw new ParsCodecException(
                    "Refused " + what + " body: it declares a DTD, which PARS "
                            + "documents never do (external entities and entity expansion are not processed)",
                    Excerpts.of(body),
                    null);
        }
    }

    static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the prolog (everything before the root element, where a DOCTYPE must stand)
     * declares a DTD. Only the prolog is scanned, so the check costs nothing on large bodies.
     */
    private static boolean containsDoctype(byte[] body) {
        if (body.length >= 2
                && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                        || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
            return new String(body, java.nio.charset.StandardCharsets.UTF_16)
                    .toUpperCase(java.util.Locale.ROOT)
                    .contains("<!DOCTYPE");
        }
        int end = body.length;
        for (int i = 0; i + 1 < body.length; i++) {
            byte next = body[i + 1];
            if (body[i] == '<' && next != '?' && next != '!') {
                end = i; // the root element starts here
                break;
            }
        }
        byte[] needle = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                int c = body[i + j];
                if (c >= 'a' && c <= 'z') {
                    c -= 32;
                }
                if (c != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private ParsCodecException failure(byte[] body, String what, IOException e) {
        String where = "";
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            JsonLocation loc = jpe.getLocation();
            where = " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        }
        String kind = e instanceof MismatchedInputException ? "unexpected structure" : "malformed " + format;
        // The parser's own message may quote body text (personal data): keep only its position.
        return new ParsCodecException("Could not read " + what + " body: " + kind + where, Excerpts.of(body), null);
    }

    /** Credits as a plain decimal without trailing zeros: 1.5, 2, 0.25 (docs/pars-reference.md 2.10). */
    static BigDecimal credits(BigDecimal amount) {
        BigDecimal s = amount.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** A birth month and day in the options' encoding. */
    String birthDate(MonthDay md) {
        int m = md.getMonthValue();
        int d = md.getDayOfMonth();
        char[] mmdd = {(char) ('0' + m / 10), (char) ('0' + m % 10), '-', (char) ('0' + d / 10), (char) ('0' + d % 10)};
        return switch (options.birthDateEncoding()) {
            case PLACEHOLDER_LEAP_YEAR -> PLACEHOLDER_YEAR + "-" + new String(mmdd);
            case MONTH_DAY -> new String(mmdd);
            case XML_GMONTHDAY -> "--" + new String(mmdd);
        };
    }

    /** A calendar date in the options' encoding. */
    String date(LocalDate d) {
        return options.dateEncoding() == WireOptions.DateEncoding.DATE ? d.toString() : d + "T00:00:00";
    }

    /** Reads any of the birth date encodings; empty when unreadable. */
    static Optional<MonthDay> parseBirthDate(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.strip();
        try {
            if (t.startsWith("--")) {
                return Optional.of(MonthDay.parse(t));
            }
            if (t.length() == 5) {
                return Optional.of(MonthDay.parse("--" + t));
            }
            if (t.length() >= 10) {
                return Optional.of(MonthDay.from(LocalDate.parse(t.substring(0, 10))));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Reads {@code YYYY-MM-DD} with or without a time part; empty when unreadable. */
    static Optional<LocalDate> parseDate(String s) {
        if (s == null || s.strip().length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s.strip().substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Trimmed, empty for null. */
    static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    // ---- learner reports -------------------------------------------------------------------

    @Override
    public byte[] encodeLearnerReports(
            List<LearnerCompletion> completions, LearnerRecordAction action, ReportHeader header) {
        return write(learnerReports.document(completions, action, header));
    }

    @Override
    public List<LearnerReportRecord> decodeLearnerReports(byte[] body) {
        return LearnerReportMapping.records(
                read(body, LearnerReportsDto.class, "learner report"), options().rules());
    }

    // ---- activities -------------------------------------------------------------------------

    @Override
    public byte[] encodeActivity(Activity a, ActivityAction action) {
        Objects.requireNonNull(a, "activity");
        Objects.requireNonNull(action, "action");
        ActivitiesDto doc = new ActivitiesDto();
        doc.medicalEducationMetrics = List.of(ActivityMapping.metrics(a, action));
        return write(doc);
    }

    @Override
    public String activityTypeName(ActivityType type) {
        return Vocabulary.ACTIVITY_FORMAT.get(Objects.requireNonNull(type, "type"));
    }

    @Override
    public ActivityAction decodeActivityAction(byte[] body) {
        return ActivityMapping.action(firstActivity(body));
    }

    private ActivitiesDto.Metrics firstActivity(byte[] body) {
        ActivitiesDto doc = read(body, ActivitiesDto.class, "activity");
        if (doc.medicalEducationMetrics == null
                || doc.medicalEducationMetrics.isEmpty()
                || doc.medicalEducationMetrics.get(0) == null) {
            throw new ParsCodecException("Activity body holds no activity", Excerpts.of(body), null);
        }
        return doc.medicalEducationMetrics.get(0);
    }

    @Override
    public Activity decodeActivity(byte[] body) {
        return ActivityMapping.toActivity(firstActivity(body), options().rules());
    }

    @Override
    public List<Activity> decodeActivities(byte[] body) {
        if (body.length == 0 || isBlank(body)) {
            return List.of();
        }
        List<Activity> out = new ArrayList<>();
        for (ActivitiesDto doc : readActivityDocuments(body)) {
            if (doc != null && doc.medicalEducationMetrics != null) {
                for (ActivitiesDto.Metrics m : doc.medicalEducationMetrics) {
                    if (m != null) {
                        out.add(ActivityMapping.toActivity(m, options().rules()));
                    }
                }
            }
        }
        return out;
    }

    /** The activity documents of a body: one, or (in JSON) an array of them. */
    List<ActivitiesDto> readActivityDocuments(byte[] body) {
        return List.of(read(body, ActivitiesDto.class, "activity"));
    }

    @Override
    public byte[] encodeActivities(List<Activity> activities) {
        List<ActivitiesDto.Metrics> all = new ArrayList<>();
        for (Activity a : activities) {
            all.add(ActivityMapping.metrics(a, ActivityAction.UPDATE));
        }
        ActivitiesDto doc = new ActivitiesDto();
        doc.medicalEducationMetrics = all;
        return write(doc);
    }

    @Override
    public List<CreditStatus> decodeLearnerRecords(byte[] body) {
        List<CreditStatus> out = new ArrayList<>();
        for (LearnerReportRecord r : decodeLearnerReports(body)) {
            for (LearnerReportRecord.CreditLine line : r.creditLines()) {
                out.add(new CreditStatus(
                        line.creditId(),
                        Optional.of(r.accmeActivityId()),
                        r.completionDate(),
                        CreditStatus.State.ACCEPTED,
                        Vocabulary.MODULE_STATUS_COMPLETED));
            }
        }
        return out;
    }

    @Override
    public List<org.parsjava.core.model.LearnerTranscript> decodeTranscripts(byte[] body) {
        return org.parsjava.core.codec.internal.TranscriptJson.decodeTranscripts(body);
    }

    @Override
    public org.parsjava.core.model.TranscriptTotal decodeTranscriptTotal(byte[] body) {
        return org.parsjava.core.codec.internal.TranscriptJson.decodeTotal(body);
    }

    // ---- answers ----------------------------------------------------------------------------

    @Override
    public byte[] encodeSaveResult(List<RecordVerdict> verdicts) {
        return write(AnswerMapping.saveResult(verdicts));
    }

    @Override
    public List<RecordVerdict> decodeSaveResult(byte[] body) {
        if (body.length == 0 || isBlank(body)) {
            return List.of();
        }
        if (isLearnerDocument(body)) {
            return AnswerMapping.savedDocument(decodeLearnerReports(body));
        }
        return AnswerMapping.verdicts(read(body, ResponsesDto.SaveResult.class, "save result"));
    }

    @Override
    public byte[] encodeStatuses(List<CreditStatus> statuses) {
        return write(AnswerMapping.statusList(statuses, this));
    }

    @Override
    public List<CreditStatus> decodeStatuses(byte[] body) {
        return AnswerMapping.statuses(readStatuses(body));
    }

    List<ResponsesDto.Status> readStatuses(byte[] body) {
        ResponsesDto.StatusList doc = read(body, ResponsesDto.StatusList.class, "learner status");
        return doc.statuses == null ? List.of() : doc.statuses;
    }

    @Override
    public byte[] encodeMatchRequest(Learner learner, String providerId) {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(providerId, "providerId");
        return write(AnswerMapping.matchRequest(learner, providerId, this));
    }

    @Override
    public Learner decodeMatchRequest(byte[] body) {
        return AnswerMapping.learner(
                read(body, ResponsesDto.MatchRequest.class, "learner match request"),
                options().rules());
    }

    @Override
    public byte[] encodeMatchResult(MatchResult result) {
        return write(AnswerMapping.matchResult(result));
    }

    @Override
    public MatchResult decodeMatchResult(byte[] body) {
        return AnswerMapping.matchResult(read(body, ResponsesDto.MatchResult.class, "learner match"));
    }

    @Override
    public byte[] encodeFault(ParsFault fault) {
        return write(AnswerMapping.fault(fault));
    }

    @Override
    public ParsFault decodeFault(byte[] body) {
        return AnswerMapping.fault(body, this);
    }
}
