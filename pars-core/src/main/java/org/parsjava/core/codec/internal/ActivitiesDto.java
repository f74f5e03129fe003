/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import java.math.BigDecimal;
import java.util.List;

/**
 * Wire shape of the activity document {@code ACCMEActivities} (docs/pars-reference.md 3.3 and 3.5, draft
 * activity schema v0.1.2 [S23]). Every field of the draft the SDK models; the Pharmacy and
 * state-content fields are not modelled yet.
 */
@JsonRootName("ACCMEActivities")
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ActivitiesDto {

    @JsonProperty("MedicalEducationMetrics")
    @JacksonXmlElementWrapper(useWrapping = false)
    public List<Metrics> medicalEducationMetrics;

    /** One activity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "ReportDescription",
        "ActivityDescription",
        "Lom",
        "healthcareMetadata",
        "ParticipationMetrics",
        "XtensibleInfo"
    })
    public static final class Metrics {
        @JsonProperty("ReportDescription")
        public ReportDescription reportDescription;

        @JsonProperty("ActivityDescription")
        public ActivityDescription activityDescription;

        @JsonProperty("Lom")
        public Lom lom;

        @JsonProperty("healthcareMetadata")
        public HealthcareMetadata healthcareMetadata;

        @JsonProperty("ParticipationMetrics")
        public ParticipationMetrics participationMetrics;

        @JsonProperty("XtensibleInfo")
        public Extensions xtensibleInfo;
    }

    /** Commercial support amounts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class ActivityDescription {
        @JsonProperty("commercialSupportAmount")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<SupportAmount> commercialSupportAmount;
    }

    /** One supporter's amount. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"currency", "supportSource", "value"})
    public static final class SupportAmount {
        @JsonProperty("currency")
        public String currency;

        @JsonProperty("supportSource")
        public String supportSource;

        @JsonProperty("value")
        public BigDecimal value;
    }

    /** Participants by category. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class ParticipationMetrics {
        @JsonProperty("participantsByCategory")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<Participants> participantsByCategory;
    }

    /** One category's count. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"category", "numberOfParticipants"})
    public static final class Participants {
        @JsonProperty("category")
        public String category;

        @JsonProperty("numberOfParticipants")
        public Integer numberOfParticipants;
    }

    /** Reporting period. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ReportingStartDate", "ReportingEndDate"})
    public static final class ReportDescription {
        @JsonProperty("ReportingStartDate")
        public String reportingStartDate;

        @JsonProperty("ReportingEndDate")
        public String reportingEndDate;
    }

    /** Learning object metadata. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Lom {
        @JsonProperty("general")
        public General general;
    }

    /** Identifiers and title. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"identifier", "title", "description"})
    public static final class General {
        @JsonProperty("identifier")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<Identifier> identifier;

        @JsonProperty("title")
        public String title;

        @JsonProperty("description")
        public String description;
    }

    /** An identifier in a catalog ({@code ACCME Activity ID}, {@code Provider Activity ID}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"catalog", "entry"})
    public static final class Identifier {
        @JsonProperty("catalog")
        public String catalog;

        @JsonProperty("entry")
        public String entry;

        public Identifier() {}

        public Identifier(String catalog, String entry) {
            this.catalog = catalog;
            this.entry = entry;
        }
    }

    /** Healthcare metadata wrapper. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class HealthcareMetadata {
        @JsonProperty("healthcareEducation")
        public HealthcareEducation healthcareEducation;
    }

    /** Credits, dates and format. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "credits",
        "activityLocation",
        "startDateTime",
        "endDateTime",
        "activitySponsorship",
        "activityFormat",
        "commercialSupport",
        "targetAudience"
    })
    public static final class HealthcareEducation {
        @JsonProperty("credits")
        public Credits credits;

        @JsonProperty("activityLocation")
        public Location activityLocation;

        @JsonProperty("startDateTime")
        public String startDateTime;

        @JsonProperty("endDateTime")
        public String endDateTime;

        @JsonProperty("activitySponsorship")
        public String activitySponsorship;

        @JsonProperty("activityFormat")
        public String activityFormat;

        @JsonProperty("commercialSupport")
        public Boolean commercialSupport;

        @JsonProperty("targetAudience")
        public TargetAudience targetAudience;
    }

    /** Where a live activity takes place. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"city", "stateOrProvince", "country"})
    public static final class Location {
        @JsonProperty("city")
        public String city;

        @JsonProperty("stateOrProvince")
        public String stateOrProvince;

        @JsonProperty("country")
        public String country;
    }

    /** Professions and specialties. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"profession", "specialty"})
    public static final class TargetAudience {
        @JsonProperty("profession")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<String> profession;

        @JsonProperty("specialty")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<String> specialty;
    }

    /** Designated credits. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"activityCertification", "numberOfCredits"})
    public static final class Credits {
        @JsonProperty("activityCertification")
        public String activityCertification;

        @JsonProperty("numberOfCredits")
        public BigDecimal numberOfCredits;
    }

    /** ACCME extensions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "ProviderID",
        Vocabulary.INTERPROFESSIONAL_KEY,
        "CommendationTags",
        "InKindSupports",
        "DeliveryMethods",
        "MeasuredOutcomes",
        "MOCRegistrations",
        "ContentOutlines",
        "ForPublicList",
        "FeeForParticipation",
        "ActivityRegistration",
        "IsMeritBasedIncentivePaymentSystem",
        "REMS",
        "activityRecordAction",
        "closeActivityRecord"
    })
    public static final class Extensions {
        @JsonProperty("ProviderID")
        public String providerId;

        // Drafts before 8aa4d8b spelled the key with a trailing space; it is still read.
        @JsonProperty(Vocabulary.INTERPROFESSIONAL_KEY)
        @JsonAlias("isInterprofessional ")
        public Boolean interprofessional;

        @JsonProperty("CommendationTags")
        public Tags commendationTags;

        @JsonProperty("InKindSupports")
        public InKindSupports inKindSupports;

        @JsonProperty("DeliveryMethods")
        public DeliveryMethods deliveryMethods;

        @JsonProperty("MeasuredOutcomes")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<Outcome> measuredOutcomes;

        @JsonProperty("MOCRegistrations")
        public MocRegistrations mocRegistrations;

        @JsonProperty("ContentOutlines")
        public ContentOutlines contentOutlines;

        @JsonProperty("ForPublicList")
        public Boolean forPublicList;

        @JsonProperty("FeeForParticipation")
        public String feeForParticipation;

        @JsonProperty("ActivityRegistration")
        public String activityRegistration;

        @JsonProperty("IsMeritBasedIncentivePaymentSystem")
        public Boolean mips;

        @JsonProperty("REMS")
        public Rems rems;

        @JsonProperty("activityRecordAction")
        public String activityRecordAction;

        @JsonProperty("closeActivityRecord")
        public Boolean closeActivityRecord;
    }

    /** MOC registrations wrapper. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class MocRegistrations {
        @JsonProperty("MOCRegistration")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<MocRegistration> mocRegistration;
    }

    /** One board registration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"boardName", "mocPoints", "MOCCreditType", "CreditClaimDate"})
    public static final class MocRegistration {
        @JsonProperty("boardName")
        public String boardName;

        @JsonProperty("mocPoints")
        public BigDecimal mocPoints;

        @JsonProperty("MOCCreditType")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<String> mocCreditType;

        @JsonProperty("CreditClaimDate")
        public String creditClaimDate;
    }

    /** Commendation criteria. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Tags {
        @JsonProperty("CommendationTag")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<String> commendationTag;
    }

    /** In-kind supporters. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class InKindSupports {
        @JsonProperty("InKindSupport")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<InKindSupport> inKindSupport;
    }

    /** One in-kind supporter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class InKindSupport {
        @JsonProperty("source")
        public String source;
    }

    /** Delivery methods. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class DeliveryMethods {
        @JsonProperty("DeliveryMethod")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<String> deliveryMethod;
    }

    /** One measured outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Outcome {
        @JsonProperty("MeasuredOutcome")
        public String measuredOutcome;
    }

    /** Content outline selections. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class ContentOutlines {
        @JsonProperty("ContentOutlineSelections")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<OutlineSelection> contentOutlineSelections;
    }

    /** One outline's entries. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ContentOutlineSource", "ContentOutlineKeys"})
    public static final class OutlineSelection {
        @JsonProperty("ContentOutlineSource")
        public String contentOutlineSource;

        @JsonProperty("ContentOutlineKeys")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<OutlineKey> contentOutlineKeys;
    }

    /** One outline entry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ContentKeyword", "ContentKeywordValue"})
    public static final class OutlineKey {
        @JsonProperty("ContentKeyword")
        public String contentKeyword;

        @JsonProperty("ContentKeywordValue")
        public String contentKeywordValue;
    }

    /** A REMS program. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"REMSType", "REMSRelatedIdentifier"})
    public static final class Rems {
        @JsonProperty("REMSType")
        public String remsType;

        @JsonProperty("REMSRelatedIdentifier")
        public String remsRelatedIdentifier;
    }
}
