/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityDetails;
import org.parsjava.core.model.CreditType;
import org.parsjava.core.model.Sponsorship;

/**
 * Maps an activity's description, sponsorship, credit type and {@link ActivityDetails} to and
 * from the draft activity schema's elements. Empty values are not written.
 */
public final class ActivityDetailsMapping {

    private ActivityDetailsMapping() {}

    /** Fills {@code m} (whose Lom, healthcare and extension parts exist) from {@code a}. */
    public static void write(Activity a, ActivitiesDto.Metrics m) {
        a.description().ifPresent(d -> m.lom.general.description = d);
        ActivitiesDto.HealthcareEducation he = m.healthcareMetadata.healthcareEducation;
        a.sponsorship().ifPresent(s -> he.activitySponsorship = s.code());
        he.credits.activityCertification = a.creditType().label();
        // Both are required members of a record as drafted at 8aa4d8b: written even when empty.
        m.activityDescription = new ActivitiesDto.ActivityDescription();
        m.participationMetrics = new ActivitiesDto.ParticipationMetrics();
        ActivityDetails d = a.details();
        if (d.isEmpty()) {
            return;
        }
        d.location().ifPresent(l -> {
            he.activityLocation = new ActivitiesDto.Location();
            he.activityLocation.city = l.city();
            he.activityLocation.stateOrProvince = l.stateOrProvince();
            he.activityLocation.country = l.country();
        });
        d.commercialSupport().ifPresent(c -> he.commercialSupport = c);
        if (!d.professions().isEmpty() || !d.specialties().isEmpty()) {
            he.targetAudience = new ActivitiesDto.TargetAudience();
            // The draft requires profession whenever targetAudience is written.
            he.targetAudience.profession = d.professions().stream()
                    .map(ActivityDetails.Profession::label)
                    .toList();
            he.targetAudience.specialty = d.specialties().isEmpty() ? null : d.specialties();
        }
        if (!d.commercialSupportAmounts().isEmpty()) {
            m.activityDescription.commercialSupportAmount = d.commercialSupportAmounts().stream()
                    .map(c -> {
                        ActivitiesDto.SupportAmount w = new ActivitiesDto.SupportAmount();
                        w.currency = c.currency();
                        w.supportSource = c.source();
                        w.value = c.amount();
                        return w;
                    })
                    .toList();
        }
        if (!d.participants().isEmpty()) {
            m.participationMetrics.participantsByCategory = d.participants().entrySet().stream()
                    .map(e -> {
                        ActivitiesDto.Participants w = new ActivitiesDto.Participants();
                        w.category = e.getKey().label();
                        w.numberOfParticipants = e.getValue();
                        return w;
                    })
                    .toList();
        }
        ActivitiesDto.Extensions x = m.xtensibleInfo;
        d.interprofessional().ifPresent(v -> x.interprofessional = v);
        if (!d.commendationTags().isEmpty()) {
            x.commendationTags = new ActivitiesDto.Tags();
            x.commendationTags.commendationTag = d.commendationTags();
        }
        if (!d.inKindSupporters().isEmpty()) {
            x.inKindSupports = new ActivitiesDto.InKindSupports();
            x.inKindSupports.inKindSupport = d.inKindSupporters().stream()
                    .map(name -> {
                        ActivitiesDto.InKindSupport w = new ActivitiesDto.InKindSupport();
                        w.source = name;
                        return w;
                    })
                    .toList();
        }
        if (!d.deliveryMethods().isEmpty()) {
            x.deliveryMethods = new ActivitiesDto.DeliveryMethods();
            x.deliveryMethods.deliveryMethod = d.deliveryMethods();
        }
        if (!d.measuredOutcomes().isEmpty()) {
            x.measuredOutcomes = d.measuredOutcomes().stream()
                    .map(o -> {
                        ActivitiesDto.Outcome w = new ActivitiesDto.Outcome();
                        w.measuredOutcome = o.label();
                        return w;
                    })
                    .toList();
        }
        if (!d.contentOutlines().isEmpty()) {
            Map<String, List<ActivitiesDto.OutlineKey>> bySource = new LinkedHashMap<>();
            for (ActivityDetails.ContentOutline o : d.contentOutlines()) {
                ActivitiesDto.OutlineKey k = new ActivitiesDto.OutlineKey();
                k.contentKeyword = o.keyword();
                k.contentKeywordValue = o.value();
                bySource.computeIfAbsent(o.source(), s -> new ArrayList<>()).add(k);
            }
            x.contentOutlines = new ActivitiesDto.ContentOutlines();
            x.contentOutlines.contentOutlineSelections = bySource.entrySet().stream()
                    .map(e -> {
                        ActivitiesDto.OutlineSelection w = new ActivitiesDto.OutlineSelection();
                        w.contentOutlineSource = e.getKey();
                        w.contentOutlineKeys = e.getValue();
                        return w;
                    })
                    .toList();
        }
        d.forPublicList().ifPresent(v -> x.forPublicList = v);
        d.fee().ifPresent(f -> x.feeForParticipation = Vocabulary.FEE.get(f));
        d.registration().ifPresent(r -> x.activityRegistration = Vocabulary.REGISTRATION.get(r));
        d.mips().ifPresent(v -> x.mips = v);
        d.rems().ifPresent(r -> {
            x.rems = new ActivitiesDto.Rems();
            x.rems.remsType = Vocabulary.REMS_TYPE.get(r.type());
            x.rems.remsRelatedIdentifier = r.identifier();
        });
    }

    /**
     * Reads what {@link #write} writes into {@code b}. Values the SDK does not know (a new
     * profession, say) are skipped rather than failing the whole activity.
     */
    public static void read(ActivitiesDto.Metrics m, Activity.Builder b) {
        if (m.lom != null && m.lom.general != null && m.lom.general.description != null) {
            b.description(m.lom.general.description);
        }
        ActivityDetails.Builder d = ActivityDetails.builder();
        ActivitiesDto.HealthcareEducation he =
                m.healthcareMetadata == null ? null : m.healthcareMetadata.healthcareEducation;
        if (he != null) {
            for (Sponsorship s : Sponsorship.values()) {
                if (s.code().equalsIgnoreCase(nz(he.activitySponsorship))) {
                    b.sponsorship(s);
                }
            }
            if (he.credits != null) {
                for (CreditType t : CreditType.values()) {
                    if (t.label().equalsIgnoreCase(nz(he.credits.activityCertification))) {
                        b.creditType(t);
                    }
                }
            }
            if (he.activityLocation != null && he.activityLocation.country != null) {
                d.location(new ActivityDetails.Location(
                        nz(he.activityLocation.city),
                        nz(he.activityLocation.stateOrProvince),
                        he.activityLocation.country));
            }
            if (he.commercialSupport != null) {
                d.commercialSupport(he.commercialSupport);
            }
            if (he.targetAudience != null) {
                for (String p : list(he.targetAudience.profession)) {
                    for (ActivityDetails.Profession v : ActivityDetails.Profession.values()) {
                        if (v.label().equalsIgnoreCase(p.strip())) {
                            d.profession(v);
                        }
                    }
                }
                list(he.targetAudience.specialty).stream()
                        .filter(s -> !s.isBlank())
                        .forEach(d::specialty);
            }
        }
        if (m.activityDescription != null) {
            for (ActivitiesDto.SupportAmount w : list(m.activityDescription.commercialSupportAmount)) {
                if (w.supportSource != null && w.currency != null && w.value != null) {
                    d.commercialSupport(new ActivityDetails.CommercialSupport(w.supportSource, w.currency, w.value));
                }
            }
        }
        if (m.participationMetrics != null) {
            for (ActivitiesDto.Participants w : list(m.participationMetrics.participantsByCategory)) {
                for (ActivityDetails.ParticipantCategory c : ActivityDetails.ParticipantCategory.values()) {
                    if (c.label().equalsIgnoreCase(nz(w.category)) && w.numberOfParticipants != null) {
                        d.participants(c, w.numberOfParticipants);
                    }
                }
            }
        }
        ActivitiesDto.Extensions x = m.xtensibleInfo;
        if (x != null) {
            if (x.interprofessional != null) {
                d.interprofessional(x.interprofessional);
            }
            if (x.commendationTags != null) {
                list(x.commendationTags.commendationTag).stream()
                        .filter(s -> !s.isBlank())
                        .forEach(d::commendationTag);
            }
            if (x.inKindSupports != null) {
                list(x.inKindSupports.inKindSupport).stream()
                        .filter(w -> w.source != null && !w.source.isBlank())
                        .forEach(w -> d.inKindSupporter(w.source));
            }
            if (x.deliveryMethods != null) {
                list(x.deliveryMethods.deliveryMethod).stream()
                        .filter(s -> !s.isBlank())
                        .forEach(d::deliveryMethod);
            }
            for (ActivitiesDto.Outcome w : list(x.measuredOutcomes)) {
                for (ActivityDetails.MeasuredOutcome o : ActivityDetails.MeasuredOutcome.values()) {
                    if (o.label().equalsIgnoreCase(nz(w.measuredOutcome))) {
                        d.measuredOutcome(o);
                    }
                }
            }
            if (x.contentOutlines != null) {
                for (ActivitiesDto.OutlineSelection sel : list(x.contentOutlines.contentOutlineSelections)) {
                    for (ActivitiesDto.OutlineKey k : list(sel.contentOutlineKeys)) {
                        if (!nz(sel.contentOutlineSource).isEmpty()
                                && !nz(k.contentKeyword).isEmpty()) {
                            d.contentOutline(new ActivityDetails.ContentOutline(
                                    sel.contentOutlineSource, k.contentKeyword, nz(k.contentKeywordValue)));
                        }
                    }
                }
            }
            if (x.forPublicList != null) {
                d.forPublicList(x.forPublicList);
            }
            ActivityDetails.Fee fee = Vocabulary.reverse(Vocabulary.FEE, x.feeForParticipation);
            if (fee == null && x.feeForParticipation != null) { // an ASCII apostrophe, as people type it
                fee = Vocabulary.reverse(Vocabulary.FEE, x.feeForParticipation.replace('\'', '\u2019'));
            }
            if (fee != null) {
                d.fee(fee);
            }
            ActivityDetails.Registration reg = Vocabulary.reverse(Vocabulary.REGISTRATION, x.activityRegistration);
            if (reg != null) {
                d.registration(reg);
            }
            if (x.mips != null) {
                d.mips(x.mips);
            }
            if (x.rems != null && x.rems.remsRelatedIdentifier != null) {
                ActivityDetails.RemsType type = Vocabulary.reverse(Vocabulary.REMS_TYPE, x.rems.remsType);
                if (type != null) {
                    d.rems(new ActivityDetails.Rems(type, x.rems.remsRelatedIdentifier));
                }
            }
        }
        b.details(d.build());
    }

    private static <T> List<T> list(List<T> values) {
        return values == null
                ? List.of()
                : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
