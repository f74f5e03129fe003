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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parsjava.core.codec.internal.ActivitiesDto;
import org.parsjava.core.codec.internal.ActivityDetailsMapping;
import org.parsjava.core.codec.internal.Excerpts;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.codec.internal.LearnerReportsDto;
import org.parsjava.core.codec.internal.LearnerReportsDto.ActivityReport;
import org.parsjava.core.codec.internal.LearnerReportsDto.CreditCertificate;
import org.parsjava.core.codec.internal.LearnerReportsDto.UniqueId;
import org.parsjava.core.codec.internal.PeerCodec;
import org.parsjava.core.codec.internal.ResponsesDto;
import org.parsjava.core.codec.internal.Vocabulary;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityStatus;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.CreditStatus;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MatchResult;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.model.Npi;
import org.parsjava.core.model.StateLicense;

/** The shared Jackson implementation behind {@link ParsXmlCodec} and {@link ParsJsonCodec}. */
abstract sealed class JacksonCodec implements ParsCodec, PeerCodec permits ParsXmlCodec, ParsJsonCodec {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    /** Placeholder year for {@link WireOptions.BirthDateEncoding#PLACEHOLDER_LEAP_YEAR}: a leap year. */
    static final int PLACEHOLDER_YEAR = 2000;

    private final ObjectMapper mapper;
    private final WireOptions options;
    private final String format;

    JacksonCodec(ObjectMapper mapper, WireOptions options, String format) {
        this.mapper = mapper;
        this.options = Objects.requireNonNull(options, "options");
        this.format = format;
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

    private static boolean isBlank(byte[] body) {
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

    // ---- learner reports -------------------------------------------------------------------

    @Override
    public byte[] encodeLearnerReports(
            List<LearnerCompletion> completions, LearnerRecordAction action, ReportHeader header) {
        Objects.requireNonNull(completions, "completions");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(header, "header");
        LearnerReportsDto doc = new LearnerReportsDto();
        doc.activityReports = new LearnerReportsDto.ActivityReports();
        doc.activityReports.dateTimeCreated = DATE_TIME.format(header.createdAt());
        List<ActivityReport> reports = new ArrayList<>(completions.size());
        for (LearnerCompletion c : completions) {
            reports.add(report(Objects.requireNonNull(c, "completion"), action, header));
        }
        doc.activityReports.activityReport = reports;
        return write(doc);
    }

    private ActivityReport report(LearnerCompletion c, LearnerRecordAction action, ReportHeader header) {
        Activity activity = c.activity();
        Learner learner = c.learner();
        ActivityReport r = new ActivityReport();
        r.reportingOrganization = header.reportingOrganization();
        r.member = new LearnerReportsDto.Member();
        r.member.name = new LearnerReportsDto.Name();
        r.member.name.givenName = learner.firstName();
        r.member.name.familyName = learner.lastName();
        r.member.personalInfo = new LearnerReportsDto.PersonalInfo();
        r.member.personalInfo.birthDate = birthDate(learner.birthDate());
        boolean underMember = options.identifierPlacement() == WireOptions.IdentifierPlacement.MEMBER;
        if (underMember) {
            r.member.uniqueId = identifiers(learner);
        }
        r.activity = new LearnerReportsDto.ActivityRef();
        r.activity.providerOrganization = activity.providerId();
        LearnerReportsDto.Module module = new LearnerReportsDto.Module();
        module.moduleName = new LearnerReportsDto.ModuleName();
        module.moduleName.value = activity.title();
        module.moduleName.moduleId = activity.accmeActivityId()
                .orElseThrow(() -> new ParsCodecException(
                        "Completion " + c.completionKey()
                                + ": the activity has no ACCME Activity ID; save it in PARS first",
                        "",
                        null));
        module.status = Vocabulary.MODULE_STATUS_COMPLETED;
        module.completedDateTime = date(c.completionDate());
        List<CreditCertificate> certs = new ArrayList<>(1 + c.mocCredits().size());
        if (c.cmeCredits().isPresent()) {
            certs.add(certificate(
                    underMember ? null : personIdentifiers(learner),
                    Vocabulary.CME_CERTIFICATION,
                    c.cmeCredits().get(),
                    CreditIds.cme(c)));
        }
        for (MocCredit m : c.mocCredits()) {
            certs.add(certificate(
                    underMember ? null : boardIdentifiers(learner, m.board()),
                    Vocabulary.MOC_CREDIT_TYPE.get(m.type()),
                    m.points(),
                    CreditIds.moc(c, m.type())));
        }
        module.creditCertificate = certs;
        r.activity.module = module;
        r.xtensibleInfo = new LearnerReportsDto.ReportExtensions();
        r.xtensibleInfo.learnerRecordAction =
                action == LearnerRecordAction.ADD ? Vocabulary.ACTION_ADD : Vocabulary.ACTION_DELETE;
        r.xtensibleInfo.providerId = activity.providerId();
        return r;
    }

    private static CreditCertificate certificate(
            List<UniqueId> ids, String certification, BigDecimal amount, String creditId) {
        CreditCertificate cert = new CreditCertificate();
        cert.uniqueId = ids;
        cert.creditReceived = new LearnerReportsDto.CreditReceived();
        cert.creditReceived.activityCertification = certification;
        cert.creditReceived.creditUnit = Vocabulary.CREDIT_UNIT;
        cert.creditReceived.numberOfCredits = credits(amount);
        cert.creditId = creditId;
        return cert;
    }

    /** Every identifier: NPI, then the state license (domain = state code), then board IDs. */
    private static List<UniqueId> identifiers(Learner learner) {
        List<UniqueId> ids = personIdentifiers(learner);
        learner.boardIds()
                .forEach((board, id) -> ids.add(new UniqueId(id, Vocabulary.LEARNER_BOARD_DOMAIN.get(board))));
        return ids;
    }

    /** Identifiers of a CME line, read by state boards: NPI and license (sample in REFERENCE.md 2.9). */
    private static List<UniqueId> personIdentifiers(Learner learner) {
        List<UniqueId> ids = new ArrayList<>(3);
        learner.npi().ifPresent(n -> ids.add(new UniqueId(n.value(), Vocabulary.NPI_DOMAIN)));
        learner.license()
                .ifPresent(
                        l -> ids.add(new UniqueId(l.number(), l.jurisdiction().code())));
        return ids;
    }

    /**
     * Identifiers of a MOC line: the learner's ID at that board (sample in REFERENCE.md 2.9);
     * without one (ABS allows it) the NPI and license, so the board can still match.
     */
    private static List<UniqueId> boardIdentifiers(Learner learner, Board board) {
        return learner.boardId(board)
                .map(id -> new ArrayList<>(List.of(new UniqueId(id, Vocabulary.LEARNER_BOARD_DOMAIN.get(board)))))
                .orElseGet(() -> new ArrayList<>(personIdentifiers(learner)));
    }

    /** Credits as a plain decimal without trailing zeros: 1.5, 2, 0.25 (REFERENCE.md 2.10). */
    static BigDecimal credits(BigDecimal amount) {
        BigDecimal s = amount.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

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

    @Override
    public List<LearnerReportRecord> decodeLearnerReports(byte[] body) {
        LearnerReportsDto doc = read(body, LearnerReportsDto.class, "learner report");
        if (doc.activityReports == null || doc.activityReports.activityReport == null) {
            return List.of();
        }
        List<LearnerReportRecord> out = new ArrayList<>(doc.activityReports.activityReport.size());
        for (ActivityReport r : doc.activityReports.activityReport) {
            out.add(record(r));
        }
        return out;
    }

    private static LearnerReportRecord record(ActivityReport r) {
        LearnerRecordAction action = r.xtensibleInfo != null
                        && Vocabulary.ACTION_DELETE.equalsIgnoreCase(nz(r.xtensibleInfo.learnerRecordAction))
                ? LearnerRecordAction.DELETE
                : LearnerRecordAction.ADD;
        String providerId = r.xtensibleInfo != null && r.xtensibleInfo.providerId != null
                ? r.xtensibleInfo.providerId
                : r.activity == null ? "" : nz(r.activity.providerOrganization);
        LearnerReportsDto.Module module = r.activity == null ? null : r.activity.module;
        String moduleId = module == null || module.moduleName == null ? "" : nz(module.moduleName.moduleId);
        String first = r.member == null || r.member.name == null ? "" : nz(r.member.name.givenName);
        String last = r.member == null || r.member.name == null ? "" : nz(r.member.name.familyName);
        Optional<MonthDay> birth = r.member == null || r.member.personalInfo == null
                ? Optional.empty()
                : parseBirthDate(r.member.personalInfo.birthDate);
        Set<LearnerReportRecord.Identifier> ids = new LinkedHashSet<>();
        if (r.member != null && r.member.uniqueId != null) {
            addIds(r.member.uniqueId, ids);
        }
        List<LearnerReportRecord.CreditLine> lines = new ArrayList<>();
        if (module != null && module.creditCertificate != null) {
            for (CreditCertificate cert : module.creditCertificate) {
                if (cert.uniqueId != null) {
                    addIds(cert.uniqueId, ids);
                }
                String certification = cert.creditReceived == null ? "" : nz(cert.creditReceived.activityCertification);
                BigDecimal amount = cert.creditReceived == null || cert.creditReceived.numberOfCredits == null
                        ? BigDecimal.ZERO
                        : cert.creditReceived.numberOfCredits;
                MocCreditType type = Vocabulary.reverse(Vocabulary.MOC_CREDIT_TYPE, certification);
                lines.add(new LearnerReportRecord.CreditLine(
                        Optional.ofNullable(type), certification, amount, nz(cert.creditId)));
            }
        }
        Optional<LocalDate> completed = module == null ? Optional.empty() : parseDate(module.completedDateTime);
        return new LearnerReportRecord(
                action, providerId, moduleId, first, last, birth, completed, new ArrayList<>(ids), lines);
    }

    private static void addIds(List<UniqueId> source, Set<LearnerReportRecord.Identifier> into) {
        for (UniqueId u : source) {
            if (u != null && u.value != null && u.domain != null) {
                into.add(new LearnerReportRecord.Identifier(u.domain.strip(), u.value.strip()));
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    // ---- activities -------------------------------------------------------------------------

    @Override
    public byte[] encodeActivity(Activity a, ActivityAction action) {
        Objects.requireNonNull(a, "activity");
        Objects.requireNonNull(action, "action");
        ActivitiesDto doc = new ActivitiesDto();
        doc.medicalEducationMetrics = List.of(metrics(a, action));
        return write(doc);
    }

    private ActivitiesDto.Metrics metrics(Activity a, ActivityAction action) {
        ActivitiesDto.Metrics m = new ActivitiesDto.Metrics();
        m.reportDescription = new ActivitiesDto.ReportDescription();
        m.reportDescription.reportingStartDate = a.startDate().toString();
        m.reportDescription.reportingEndDate = a.endDate().toString();
        m.lom = new ActivitiesDto.Lom();
        m.lom.general = new ActivitiesDto.General();
        List<ActivitiesDto.Identifier> ids = new ArrayList<>(2);
        a.accmeActivityId().ifPresent(id -> ids.add(new ActivitiesDto.Identifier(Vocabulary.CATALOG_ACCME_ID, id)));
        ids.add(new ActivitiesDto.Identifier(Vocabulary.CATALOG_PROVIDER_ID, a.providerActivityId()));
        m.lom.general.identifier = ids;
        m.lom.general.title = a.title();
        m.healthcareMetadata = new ActivitiesDto.HealthcareMetadata();
        ActivitiesDto.HealthcareEducation he = new ActivitiesDto.HealthcareEducation();
        he.credits = new ActivitiesDto.Credits();
        he.credits.activityCertification = Vocabulary.CME_CERTIFICATION;
        he.credits.numberOfCredits = credits(a.maxCmeCredits());
        // Time is ignored by PARS; the draft asks for T00:00:00 (REFERENCE.md 3.3).
        he.startDateTime = a.startDate() + "T00:00:00";
        he.endDateTime = a.endDate() + "T00:00:00";
        he.activityFormat = Vocabulary.ACTIVITY_FORMAT.get(a.type());
        m.healthcareMetadata.healthcareEducation = he;
        m.xtensibleInfo = new ActivitiesDto.Extensions();
        m.xtensibleInfo.providerId = a.providerId();
        if (!a.mocRegistrations().isEmpty()) {
            m.xtensibleInfo.mocRegistrations = new ActivitiesDto.MocRegistrations();
            List<ActivitiesDto.MocRegistration> regs = new ArrayList<>();
            for (MocRegistration r : a.mocRegistrations().values()) {
                ActivitiesDto.MocRegistration w = new ActivitiesDto.MocRegistration();
                w.boardName = Vocabulary.ACTIVITY_BOARD_NAME.get(r.board());
                w.mocPoints = credits(r.points());
                w.mocCreditType = r.creditTypes().stream()
                        .sorted()
                        .map(Vocabulary.MOC_CREDIT_TYPE::get)
                        .toList();
                w.creditClaimDate = r.creditClaimDate().map(LocalDate::toString).orElse(null);
                regs.add(w);
            }
            m.xtensibleInfo.mocRegistrations.mocRegistration = regs;
        }
        m.xtensibleInfo.activityRecordAction = switch (action) {
            case ADD -> Vocabulary.ACTIVITY_ADD;
            case UPDATE -> Vocabulary.ACTIVITY_UPDATE;
            case DELETE -> Vocabulary.ACTIVITY_DELETE;
        };
        m.xtensibleInfo.closeActivityRecord = a.status() == ActivityStatus.CLOSED;
        ActivityDetailsMapping.write(a, m);
        return m;
    }

    @Override
    public String activityTypeName(ActivityType type) {
        return Vocabulary.ACTIVITY_FORMAT.get(Objects.requireNonNull(type, "type"));
    }

    @Override
    public ActivityAction decodeActivityAction(byte[] body) {
        ActivitiesDto.Metrics m = firstActivity(body);
        String action = m.xtensibleInfo == null ? null : m.xtensibleInfo.activityRecordAction;
        if (Vocabulary.ACTIVITY_DELETE.equalsIgnoreCase(action)) {
            return ActivityAction.DELETE;
        }
        return Vocabulary.ACTIVITY_UPDATE.equalsIgnoreCase(action) ? ActivityAction.UPDATE : ActivityAction.ADD;
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
        return toActivity(firstActivity(body));
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
                        out.add(toActivity(m));
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
            all.add(metrics(a, ActivityAction.UPDATE));
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

    private Activity toActivity(ActivitiesDto.Metrics m) {
        try {
            Activity.Builder b = Activity.builder();
            if (m.xtensibleInfo != null && m.xtensibleInfo.providerId != null) {
                b.providerId(m.xtensibleInfo.providerId);
            }
            if (m.lom != null && m.lom.general != null) {
                if (m.lom.general.identifier != null) {
                    for (ActivitiesDto.Identifier id : m.lom.general.identifier) {
                        if (Vocabulary.CATALOG_ACCME_ID.equalsIgnoreCase(nz(id.catalog)) && id.entry != null) {
                            b.accmeActivityId(id.entry);
                        } else if (Vocabulary.CATALOG_PROVIDER_ID.equalsIgnoreCase(nz(id.catalog))
                                && id.entry != null) {
                            b.providerActivityId(id.entry);
                        }
                    }
                }
                if (m.lom.general.title != null) {
                    b.title(m.lom.general.title);
                }
            }
            ActivitiesDto.HealthcareEducation he =
                    m.healthcareMetadata == null ? null : m.healthcareMetadata.healthcareEducation;
            if (he != null) {
                if (he.credits != null && he.credits.numberOfCredits != null) {
                    b.maxCmeCredits(he.credits.numberOfCredits);
                }
                parseDate(he.startDateTime).ifPresent(b::startDate);
                parseDate(he.endDateTime).ifPresent(b::endDate);
                ActivityType type = Vocabulary.reverse(Vocabulary.ACTIVITY_FORMAT, he.activityFormat);
                b.type(type == null ? ActivityType.OTHER : type);
            }
            if (m.xtensibleInfo != null) {
                if (m.xtensibleInfo.mocRegistrations != null
                        && m.xtensibleInfo.mocRegistrations.mocRegistration != null) {
                    for (ActivitiesDto.MocRegistration w : m.xtensibleInfo.mocRegistrations.mocRegistration) {
                        b.mocRegistration(registration(w));
                    }
                }
                if (Boolean.TRUE.equals(m.xtensibleInfo.closeActivityRecord)) {
                    b.status(ActivityStatus.CLOSED);
                }
            }
            ActivityDetailsMapping.read(m, b);
            return b.build();
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new ParsCodecException("Activity body is incomplete or invalid: " + e.getMessage(), "", null);
        }
    }

    private static MocRegistration registration(ActivitiesDto.MocRegistration w) {
        Board board = Vocabulary.reverse(Vocabulary.ACTIVITY_BOARD_NAME, w.boardName);
        if (board == null) {
            throw new IllegalArgumentException("unknown boardName in MOC registration");
        }
        Set<MocCreditType> types = new LinkedHashSet<>();
        if (w.mocCreditType != null) {
            for (String s : w.mocCreditType) {
                MocCreditType t = Vocabulary.reverse(Vocabulary.MOC_CREDIT_TYPE, s);
                if (t == null) {
                    throw new IllegalArgumentException("unknown MOCCreditType in MOC registration");
                }
                types.add(t);
            }
        }
        return new MocRegistration(
                board, w.mocPoints == null ? BigDecimal.ZERO : w.mocPoints, types, parseDate(w.creditClaimDate));
    }

    // ---- answers ----------------------------------------------------------------------------

    @Override
    public byte[] encodeSaveResult(List<RecordVerdict> verdicts) {
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
        return write(doc);
    }

    @Override
    public List<RecordVerdict> decodeSaveResult(byte[] body) {
        if (body.length == 0 || isBlank(body)) {
            return List.of();
        }
        if (isLearnerDocument(body)) {
            // The draft REST save answers 201 with the saved document itself: every report in
            // it was saved (REFERENCE.md 2.2; assumed, see ParsEndpoints).
            List<LearnerReportRecord> saved = decodeLearnerReports(body);
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
        ResponsesDto.SaveResult doc = read(body, ResponsesDto.SaveResult.class, "save result");
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

    @Override
    public byte[] encodeStatuses(List<CreditStatus> statuses) {
        ResponsesDto.StatusList doc = new ResponsesDto.StatusList();
        List<ResponsesDto.Status> list = new ArrayList<>(statuses.size());
        for (CreditStatus s : statuses) {
            ResponsesDto.Status w = new ResponsesDto.Status();
            w.creditId = s.creditId();
            w.moduleId = s.accmeActivityId().orElse(null);
            w.completedDateTime = s.completionDate().map(this::date).orElse(null);
            w.status = s.rawStatus();
            list.add(w);
        }
        doc.statuses = list;
        return write(doc);
    }

    @Override
    public List<CreditStatus> decodeStatuses(byte[] body) {
        List<ResponsesDto.Status> list = readStatuses(body);
        List<CreditStatus> out = new ArrayList<>(list.size());
        for (ResponsesDto.Status s : list) {
            if (s == null) {
                continue;
            }
            String raw = s.status == null ? "" : s.status.strip();
            out.add(new CreditStatus(
                    s.creditId == null ? "" : s.creditId.strip(),
                    Optional.ofNullable(s.moduleId),
                    parseDate(s.completedDateTime),
                    CreditStatus.State.fromText(raw),
                    raw));
        }
        return out;
    }

    List<ResponsesDto.Status> readStatuses(byte[] body) {
        ResponsesDto.StatusList doc = read(body, ResponsesDto.StatusList.class, "learner status");
        return doc.statuses == null ? List.of() : doc.statuses;
    }

    @Override
    public byte[] encodeMatchRequest(Learner learner, String providerId) {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(providerId, "providerId");
        ResponsesDto.MatchRequest r = new ResponsesDto.MatchRequest();
        r.providerId = providerId;
        r.givenName = learner.firstName();
        r.familyName = learner.lastName();
        r.birthDate = birthDate(learner.birthDate());
        r.uniqueId = identifiers(learner);
        return write(r);
    }

    @Override
    public Learner decodeMatchRequest(byte[] body) {
        ResponsesDto.MatchRequest r = read(body, ResponsesDto.MatchRequest.class, "learner match request");
        try {
            Learner.Builder b = Learner.builder().firstName(nz(r.givenName)).lastName(nz(r.familyName));
            b.birthDate(parseBirthDate(r.birthDate)
                    .orElseThrow(() -> new IllegalArgumentException("BirthDate is missing or not a month and day")));
            if (r.uniqueId != null) {
                for (UniqueId u : r.uniqueId) {
                    String domain = nz(u.domain);
                    Board board = Vocabulary.reverse(Vocabulary.LEARNER_BOARD_DOMAIN, domain);
                    if (Vocabulary.NPI_DOMAIN.equalsIgnoreCase(domain)) {
                        b.npi(Npi.of(nz(u.value)));
                    } else if (board != null) {
                        b.boardId(board, nz(u.value));
                    } else {
                        b.license(StateLicense.of(LicensingJurisdiction.of(domain), nz(u.value)));
                    }
                }
            }
            return b.build();
        } catch (RuntimeException e) {
            throw new ParsCodecException("Learner match request is invalid: " + e.getMessage(), "", null);
        }
    }

    @Override
    public byte[] encodeMatchResult(MatchResult result) {
        ResponsesDto.MatchResult r = new ResponsesDto.MatchResult();
        r.result = switch (result.outcome()) {
            case MATCHED -> Vocabulary.MATCH_MATCHED;
            case NOT_MATCHED -> Vocabulary.MATCH_NOT_MATCHED;
            case AMBIGUOUS -> Vocabulary.MATCH_AMBIGUOUS;
            case ERROR -> "Error";
        };
        r.message = result.message().orElse(null);
        return write(r);
    }

    @Override
    public MatchResult decodeMatchResult(byte[] body) {
        ResponsesDto.MatchResult r = read(body, ResponsesDto.MatchResult.class, "learner match");
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

    @Override
    public byte[] encodeFault(ParsFault fault) {
        ResponsesDto.Fault f = new ResponsesDto.Fault();
        f.code = fault.code().orElse(null);
        f.message = fault.message();
        return write(f);
    }

    @Override
    public ParsFault decodeFault(byte[] body) {
        if (body == null || body.length == 0 || isBlank(body)) {
            return new ParsFault(Optional.empty(), "(empty body)");
        }
        try {
            JsonNode tree = readTree(body, "error");
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
