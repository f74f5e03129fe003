/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import java.math.BigDecimal;
import java.util.List;

/**
 * Wire shape of the learner report document {@code ACCMELearnerReports} (docs/pars-reference.md 2.5,
 * draft schema v0.5 [S23]). Element names live only here and in the other DTOs of this package.
 * One tree serves XML and JSON: XML attributes and text become {@code domain}/{@code value}
 * keys in JSON, which is how the draft JSON schema spells them.
 */
@JsonRootName("ACCMELearnerReports")
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class LearnerReportsDto {

    @JsonProperty("ActivityReports")
    public ActivityReports activityReports;

    /** {@code ActivityReports}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"DateTimeCreated", "ActivityReport"})
    public static final class ActivityReports {
        @JsonProperty("DateTimeCreated")
        public String dateTimeCreated;

        @JsonProperty("ActivityReport")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<ActivityReport> activityReport;
    }

    /** One learner completion. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ReportingOrganization", "Member", "Activity", "XtensibleInfo"})
    public static final class ActivityReport {
        @JsonProperty("ReportingOrganization")
        public String reportingOrganization;

        @JsonProperty("Member")
        public Member member;

        @JsonProperty("Activity")
        public ActivityRef activity;

        @JsonProperty("XtensibleInfo")
        public ReportExtensions xtensibleInfo;
    }

    /** The learner. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"Name", "PersonalInfo", "UniqueID"})
    public static final class Member {
        @JsonProperty("Name")
        public Name name;

        @JsonProperty("PersonalInfo")
        public PersonalInfo personalInfo;

        /** Only when identifiers are placed under Member (MedBiquitous layout). */
        @JsonProperty("UniqueID")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<UniqueId> uniqueId;
    }

    /** Learner name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"GivenName", "FamilyName"})
    public static final class Name {
        @JsonProperty("GivenName")
        public String givenName;

        @JsonProperty("FamilyName")
        public String familyName;
    }

    /** Birth date holder. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class PersonalInfo {
        @JsonProperty("BirthDate")
        public String birthDate;
    }

    /** An identifier with its domain: NPI, a board acronym or a state code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"value", "domain"})
    public static final class UniqueId {
        @JacksonXmlText
        @JsonProperty("value")
        public String value;

        @JacksonXmlProperty(isAttribute = true, localName = "domain")
        @JsonProperty("domain")
        public String domain;

        public UniqueId() {}

        public UniqueId(String value, String domain) {
            this.value = value;
            this.domain = domain;
        }
    }

    /** The activity the completion belongs to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ProviderOrganization", "Module"})
    public static final class ActivityRef {
        @JsonProperty("ProviderOrganization")
        public String providerOrganization;

        @JsonProperty("Module")
        public Module module;
    }

    /** The completed module. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ModuleName", "Status", "CompletedDateTime", "CreditCertificate"})
    public static final class Module {
        @JsonProperty("ModuleName")
        public ModuleName moduleName;

        @JsonProperty("Status")
        public String status;

        @JsonProperty("CompletedDateTime")
        public String completedDateTime;

        @JsonProperty("CreditCertificate")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<CreditCertificate> creditCertificate;
    }

    /** Title (text) and ACCME Activity ID (attribute). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"value", "moduleID"})
    public static final class ModuleName {
        @JacksonXmlText
        @JsonProperty("value")
        public String value;

        @JacksonXmlProperty(isAttribute = true, localName = "moduleID")
        @JsonProperty("moduleID")
        public String moduleId;
    }

    /** One credit line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"UniqueID", "CreditReceived", "CreditID"})
    public static final class CreditCertificate {
        @JsonProperty("UniqueID")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<UniqueId> uniqueId;

        @JsonProperty("CreditReceived")
        public CreditReceived creditReceived;

        @JsonProperty("CreditID")
        public String creditId;
    }

    /** Credit category, unit and amount. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"activityCertification", "creditUnit", "numberOfCredits"})
    public static final class CreditReceived {
        @JsonProperty("activityCertification")
        public String activityCertification;

        @JsonProperty("creditUnit")
        public String creditUnit;

        @JsonProperty("numberOfCredits")
        public BigDecimal numberOfCredits;
    }

    /** ACCME extensions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"LearnerRecordAction", "ProviderID"})
    public static final class ReportExtensions {
        @JsonProperty("LearnerRecordAction")
        public String learnerRecordAction;

        @JsonProperty("ProviderID")
        public String providerId;
    }
}
