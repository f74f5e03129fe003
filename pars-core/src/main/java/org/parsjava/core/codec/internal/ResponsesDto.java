/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import java.util.List;

/**
 * Wire shapes of PARS responses and of the learner-match request. No source documents them
 * (docs/pars-reference.md 2.6, 2.7, 11 items 8): these are inferred from the draft OpenAPI and the
 * MedBiquitous naming, and are the first thing to correct against the PARS sandbox.
 */
public final class ResponsesDto {

    private ResponsesDto() {}

    /** Per-record verdicts of a {@code SaveLearnerActivity} call. */
    @JsonRootName("ACCMELearnerReportsResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SaveResult {
        @JsonProperty("ActivityReportResult")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<ReportResult> results;
    }

    /** Verdict for one {@code ActivityReport}, by its position in the request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"Index", "CreditID", "Status", "ErrorCode", "Field", "Message"})
    public static final class ReportResult {
        @JsonProperty("Index")
        public Integer index;

        @JsonProperty("CreditID")
        public String creditId;

        @JsonProperty("Status")
        public String status;

        @JsonProperty("ErrorCode")
        public String errorCode;

        @JsonProperty("Field")
        public String field;

        @JsonProperty("Message")
        public String message;
    }

    /** Answer of {@code GetLearnerStatusByCreditId} / {@code ...ByLearner}. */
    @JsonRootName("LearnerStatuses")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class StatusList {
        @JsonProperty("LearnerStatus")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<Status> statuses;
    }

    /** One credit line's status; identity fields the draft echoes are ignored (PII). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"moduleID", "CompletedDateTime", "CreditID", "Status", "StatusReason"})
    public static final class Status {
        @JsonProperty("moduleID")
        public String moduleId;

        @JsonProperty("CompletedDateTime")
        public String completedDateTime;

        @JsonProperty("CreditID")
        public String creditId;

        @JsonProperty("Status")
        public String status;

        /** The board's reason for a rejection (inferred name; docs/pars-reference.md 12 [N2]). */
        @JsonProperty("StatusReason")
        public String statusReason;
    }

    /** {@code GetLearnerMatch} request. */
    @JsonRootName("LearnerMatchRequest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"ProviderID", "GivenName", "FamilyName", "BirthDate", "UniqueID"})
    public static final class MatchRequest {
        @JsonProperty("ProviderID")
        public String providerId;

        @JsonProperty("GivenName")
        public String givenName;

        @JsonProperty("FamilyName")
        public String familyName;

        @JsonProperty("BirthDate")
        public String birthDate;

        @JsonProperty("UniqueID")
        @JacksonXmlElementWrapper(useWrapping = false)
        public List<LearnerReportsDto.UniqueId> uniqueId;
    }

    /** {@code GetLearnerMatch} answer. */
    @JsonRootName("LearnerMatchResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"Result", "Message"})
    public static final class MatchResult {
        @JsonProperty("Result")
        public String result;

        @JsonProperty("Message")
        public String message;
    }

    /** Error body: WCF-fault-like XML or the draft's JSON {@code {code, message}}. */
    @JsonRootName("Fault")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"Code", "Message"})
    public static final class Fault {
        @JsonProperty("Code")
        public String code;

        @JsonProperty("Message")
        public String message;
    }
}
