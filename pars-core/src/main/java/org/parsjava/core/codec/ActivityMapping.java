/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parsjava.core.codec.internal.ActivitiesDto;
import org.parsjava.core.codec.internal.ActivityDetailsMapping;
import org.parsjava.core.codec.internal.Vocabulary;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityStatus;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.MocRegistration;
import org.parsjava.core.rules.RulesCatalogue;

/**
 * Activities to and from the activity document ({@code ACCMEActivities}): identifiers, title,
 * credits, dates, format, MOC registrations and the action, with the draft's other details by
 * {@link ActivityDetailsMapping}.
 */
final class ActivityMapping {

    private ActivityMapping() {}

    /** The activity document entry of {@code a}, with {@code action}. */
    static ActivitiesDto.Metrics metrics(Activity a, ActivityAction action) {
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
        he.credits.numberOfCredits = JacksonCodec.credits(a.maxCmeCredits());
        // Time is ignored by PARS; the draft asks for T00:00:00 (docs/pars-reference.md 3.3).
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
                w.boardName = r.board().activityName();
                w.mocPoints = JacksonCodec.credits(r.points());
                w.mocCreditType = r.creditTypes().stream()
                        .sorted()
                        .map(MocCreditType::wireName)
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

    /** The action an activity document entry asks for (add when it names none). */
    static ActivityAction action(ActivitiesDto.Metrics m) {
        String action = m.xtensibleInfo == null ? null : m.xtensibleInfo.activityRecordAction;
        if (Vocabulary.ACTIVITY_DELETE.equalsIgnoreCase(action)) {
            return ActivityAction.DELETE;
        }
        return Vocabulary.ACTIVITY_UPDATE.equalsIgnoreCase(action) ? ActivityAction.UPDATE : ActivityAction.ADD;
    }

    /** The activity an activity document entry describes. */
    static Activity toActivity(ActivitiesDto.Metrics m, RulesCatalogue rules) {
        try {
            Activity.Builder b = Activity.builder();
            if (m.xtensibleInfo != null && m.xtensibleInfo.providerId != null) {
                b.providerId(m.xtensibleInfo.providerId);
            }
            if (m.lom != null && m.lom.general != null) {
                if (m.lom.general.identifier != null) {
                    for (ActivitiesDto.Identifier id : m.lom.general.identifier) {
                        if (Vocabulary.CATALOG_ACCME_ID.equalsIgnoreCase(JacksonCodec.nz(id.catalog))
                                && id.entry != null) {
                            b.accmeActivityId(id.entry);
                        } else if (Vocabulary.CATALOG_PROVIDER_ID.equalsIgnoreCase(JacksonCodec.nz(id.catalog))
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
                JacksonCodec.parseDate(he.startDateTime).ifPresent(b::startDate);
                JacksonCodec.parseDate(he.endDateTime).ifPresent(b::endDate);
                ActivityType type = Vocabulary.reverse(Vocabulary.ACTIVITY_FORMAT, he.activityFormat);
                b.type(type == null ? ActivityType.OTHER : type);
            }
            if (m.xtensibleInfo != null) {
                if (m.xtensibleInfo.mocRegistrations != null
                        && m.xtensibleInfo.mocRegistrations.mocRegistration != null) {
                    for (ActivitiesDto.MocRegistration w : m.xtensibleInfo.mocRegistrations.mocRegistration) {
                        b.mocRegistration(registration(w, rules));
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

    private static MocRegistration registration(ActivitiesDto.MocRegistration w, RulesCatalogue rules) {
        String name = JacksonCodec.nz(w.boardName).strip();
        // A board the catalogue does not list keeps the activity readable: its MOC lines are then
        // refused by the validator (BOARD_UNKNOWN), the activity's other credit still reported.
        Board board = rules.board(name).orElseGet(() -> unlisted(name));
        Set<MocCreditType> types = new LinkedHashSet<>();
        if (w.mocCreditType != null) {
            for (String s : w.mocCreditType) {
                String type = JacksonCodec.nz(s).strip();
                types.add(rules.creditType(type)
                        .filter(x -> x.board().equals(board))
                        .orElseGet(() -> MocCreditType.of(
                                board.code() + "_"
                                        + type.toUpperCase(java.util.Locale.ROOT)
                                                .replaceAll("[^A-Z0-9]+", "_"),
                                board,
                                type,
                                type)));
            }
        }
        return new MocRegistration(
                board,
                w.mocPoints == null ? BigDecimal.ZERO : w.mocPoints,
                types,
                JacksonCodec.parseDate(w.creditClaimDate));
    }

    private static Board unlisted(String name) {
        String code = name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
        if (code.length() < 2 || code.length() > 12) {
            throw new IllegalArgumentException("boardName in MOC registration is not a board name");
        }
        return Board.of(code, name, name, name);
    }
}
