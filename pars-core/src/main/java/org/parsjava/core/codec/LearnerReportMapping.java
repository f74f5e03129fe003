/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parsjava.core.codec.internal.LearnerReportRecord;
import org.parsjava.core.codec.internal.LearnerReportsDto;
import org.parsjava.core.codec.internal.LearnerReportsDto.ActivityReport;
import org.parsjava.core.codec.internal.LearnerReportsDto.CreditCertificate;
import org.parsjava.core.codec.internal.LearnerReportsDto.UniqueId;
import org.parsjava.core.codec.internal.Vocabulary;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.rules.RulesCatalogue;

/**
 * Learner completions to and from the learner report document ({@code ACCMELearnerReports}): one
 * {@code ActivityReport} per completion, one {@code CreditCertificate} per credit line, identifiers
 * where {@link WireOptions#identifierPlacement()} puts them.
 */
final class LearnerReportMapping {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final JacksonCodec codec;

    LearnerReportMapping(JacksonCodec codec) {
        this.codec = codec;
    }

    /** The learner report document of {@code completions}. */
    LearnerReportsDto document(List<LearnerCompletion> completions, LearnerRecordAction action, ReportHeader header) {
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
        return doc;
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
        r.member.personalInfo.birthDate = codec.birthDate(learner.birthDate());
        boolean underMember = codec.options().identifierPlacement() == WireOptions.IdentifierPlacement.MEMBER;
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
        module.completedDateTime = codec.date(c.completionDate());
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
                    m.type().wireName(),
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
        cert.creditReceived.numberOfCredits = JacksonCodec.credits(amount);
        cert.creditId = creditId;
        return cert;
    }

    /** Every identifier: NPI, then the state license (domain = state code), then board IDs. */
    static List<UniqueId> identifiers(Learner learner) {
        List<UniqueId> ids = personIdentifiers(learner);
        learner.boardIds().forEach((board, id) -> ids.add(new UniqueId(id, board.acronym())));
        return ids;
    }

    /** Identifiers of a CME line, read by state boards: NPI and license (sample in docs/pars-reference.md 2.9). */
    private static List<UniqueId> personIdentifiers(Learner learner) {
        List<UniqueId> ids = new ArrayList<>(3);
        learner.npi().ifPresent(n -> ids.add(new UniqueId(n.value(), Vocabulary.NPI_DOMAIN)));
        learner.license()
                .ifPresent(
                        l -> ids.add(new UniqueId(l.number(), l.jurisdiction().code())));
        return ids;
    }

    /**
     * Identifiers of a MOC line: the learner's ID at that board (sample in docs/pars-reference.md 2.9);
     * without one (ABS allows it) the NPI and license, so the board can still match.
     */
    private static List<UniqueId> boardIdentifiers(Learner learner, Board board) {
        return learner.boardId(board)
                .map(id -> new ArrayList<>(List.of(new UniqueId(id, board.acronym()))))
                .orElseGet(() -> new ArrayList<>(personIdentifiers(learner)));
    }

    /** The records of a learner report document. */
    static List<LearnerReportRecord> records(LearnerReportsDto doc, RulesCatalogue rules) {
        if (doc.activityReports == null || doc.activityReports.activityReport == null) {
            return List.of();
        }
        List<LearnerReportRecord> out = new ArrayList<>(doc.activityReports.activityReport.size());
        for (ActivityReport r : doc.activityReports.activityReport) {
            out.add(record(r, rules));
        }
        return out;
    }

    private static LearnerReportRecord record(ActivityReport r, RulesCatalogue rules) {
        LearnerRecordAction action = r.xtensibleInfo != null
                        && Vocabulary.ACTION_DELETE.equalsIgnoreCase(
                                JacksonCodec.nz(r.xtensibleInfo.learnerRecordAction))
                ? LearnerRecordAction.DELETE
                : LearnerRecordAction.ADD;
        String providerId = r.xtensibleInfo != null && r.xtensibleInfo.providerId != null
                ? r.xtensibleInfo.providerId
                : r.activity == null ? "" : JacksonCodec.nz(r.activity.providerOrganization);
        LearnerReportsDto.Module module = r.activity == null ? null : r.activity.module;
        String moduleId =
                module == null || module.moduleName == null ? "" : JacksonCodec.nz(module.moduleName.moduleId);
        String first = r.member == null || r.member.name == null ? "" : JacksonCodec.nz(r.member.name.givenName);
        String last = r.member == null || r.member.name == null ? "" : JacksonCodec.nz(r.member.name.familyName);
        Optional<MonthDay> birth = r.member == null || r.member.personalInfo == null
                ? Optional.empty()
                : JacksonCodec.parseBirthDate(r.member.personalInfo.birthDate);
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
                String certification =
                        cert.creditReceived == null ? "" : JacksonCodec.nz(cert.creditReceived.activityCertification);
                BigDecimal amount = cert.creditReceived == null || cert.creditReceived.numberOfCredits == null
                        ? BigDecimal.ZERO
                        : cert.creditReceived.numberOfCredits;
                MocCreditType type = rules.creditType(certification).orElse(null);
                lines.add(new LearnerReportRecord.CreditLine(
                        Optional.ofNullable(type), certification, amount, JacksonCodec.nz(cert.creditId)));
            }
        }
        Optional<LocalDate> completed =
                module == null ? Optional.empty() : JacksonCodec.parseDate(module.completedDateTime);
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
}
