package org.parsjava.core.codec.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import java.math.BigDecimal;
import java.util.List;

/**
 * Wire shape of the activity document {@code ACCMEActivities} (REFERENCE.md 3.3 and 3.5, draft
 * activity schema v0.1.2 [S23]). Only the fields the SDK models are written.
 */
@JsonRootName("ACCMEActivities")
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ActivitiesDto {

    @JsonProperty("MedicalEducationMetrics")
    @JacksonXmlElementWrapper(useWrapping = false)
    public List<Metrics> medicalEducationMetrics;

    /** One activity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ReportDescription", "Lom", "healthcareMetadata", "XtensibleInfo"})
    public static final class Metrics {
        @JsonProperty("ReportDescription")
        public ReportDescription reportDescription;

        @JsonProperty("Lom")
        public Lom lom;

        @JsonProperty("healthcareMetadata")
        public HealthcareMetadata healthcareMetadata;

        @JsonProperty("XtensibleInfo")
        public Extensions xtensibleInfo;
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
    @JsonPropertyOrder({"identifier", "title"})
    public static final class General {
        @JsonProperty("identifier")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<Identifier> identifier;

        @JsonProperty("title")
        public String title;
    }

    /** An identifier in a catalog ({@code ACCME Activity ID}, {@code Provider Activity ID}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"catalog", "entry"})
    public static final class Identifier {
        @JsonProperty("catalog")
        public String catalog;

        @JsonProperty("entry")
        public String entry;

        public Identifier() {
        }

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
    @JsonPropertyOrder({"credits", "startDateTime", "endDateTime", "activityFormat"})
    public static final class HealthcareEducation {
        @JsonProperty("credits")
        public Credits credits;

        @JsonProperty("startDateTime")
        public String startDateTime;

        @JsonProperty("endDateTime")
        public String endDateTime;

        @JsonProperty("activityFormat")
        public String activityFormat;
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
    @JsonPropertyOrder({"ProviderID", "MOCRegistrations", "activityRecordAction", "closeActivityRecord"})
    public static final class Extensions {
        @JsonProperty("ProviderID")
        public String providerId;

        @JsonProperty("MOCRegistrations")
        public MocRegistrations mocRegistrations;

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
}
