/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules ACCME's draft JSON schemas state (learner reports v0.5, activity v0.1.2, as of
 * {@code elliott-foxbox/tempSchema} commit {@code 8aa4d8b}, docs/pars-reference.md 12), written
 * out as checks on a JSON document: required members, enums, patterns, lengths, types. The
 * activity rules are the draft's as published; the learner rules read {@code UniqueID} as the
 * array its description implies, the one erratum they patch (see {@code Vocabulary}). Paths are
 * dotted; {@code []} steps into every element of an array.
 */
public final class DraftSchemaRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern CREDIT_ID = Pattern.compile("^ccid:[^:]+:[^:]+$");

    private final JsonNode root;
    private final List<String> problems = new ArrayList<>();

    private DraftSchemaRules(byte[] json) {
        try {
            this.root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON", e);
        }
    }

    /** Checks a learner-reports document; fails the test listing every broken rule. */
    public static void assertLearnerReports(byte[] json) {
        DraftSchemaRules r = new DraftSchemaRules(json);
        String doc = "ACCMELearnerReports";
        String rep = doc + ".ActivityReports.ActivityReport[]";
        String mod = rep + ".Activity.Module";
        String cert = mod + ".CreditCertificate[]";
        r.only("", "ACCMELearnerReports");
        r.only(doc, "ActivityReports");
        r.required(doc, "ActivityReports");
        r.only(doc + ".ActivityReports", "DateTimeCreated", "ActivityReport");
        r.required(doc + ".ActivityReports", "DateTimeCreated", "ActivityReport");
        r.pattern(doc + ".ActivityReports.DateTimeCreated", DATE_TIME);
        r.minItems(doc + ".ActivityReports.ActivityReport", 1);
        r.only(rep, "ReportingOrganization", "Member", "Participants", "Activity", "XtensibleInfo");
        r.required(rep, "ReportingOrganization", "Member", "Activity", "XtensibleInfo");
        r.required(rep + ".Member", "Name");
        r.required(rep + ".Member.Name", "GivenName", "FamilyName");
        r.only(rep + ".Member.PersonalInfo", "BirthDate");
        r.pattern(rep + ".Member.PersonalInfo.BirthDate", Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})$"));
        r.required(rep + ".Activity", "ProviderOrganization", "Module");
        r.required(mod, "ModuleName", "Status", "CompletedDateTime", "CreditCertificate");
        r.required(mod + ".ModuleName", "value", "moduleID");
        r.oneOf(mod + ".Status", "Completed");
        r.pattern(mod + ".CompletedDateTime", DATE_TIME);
        r.minItems(mod + ".CreditCertificate", 1);
        r.required(cert, "UniqueID", "CreditReceived", "CreditID");
        // Erratum: declared an object with `items`; read as the array of {value, domain} it describes.
        r.minItems(cert + ".UniqueID", 1);
        r.required(cert + ".UniqueID[]", "value", "domain");
        r.required(cert + ".CreditReceived", "activityCertification", "creditUnit", "numberOfCredits");
        r.oneOf(cert + ".CreditReceived.creditUnit", "Point");
        r.multipleOf(cert + ".CreditReceived.numberOfCredits", new BigDecimal("0.25"));
        r.pattern(cert + ".CreditID", CREDIT_ID);
        r.maxLength(cert + ".CreditID", 300);
        r.required(rep + ".XtensibleInfo", "LearnerRecordAction");
        r.oneOf(rep + ".XtensibleInfo.LearnerRecordAction", "add", "delete");
        r.report("learner reports");
    }

    /** Checks an activity document; fails the test listing every broken rule. */
    public static void assertActivity(byte[] json) {
        DraftSchemaRules r = new DraftSchemaRules(json);
        String rec = "ACCMEActivities.MedicalEducationMetrics[]";
        String he = rec + ".healthcareMetadata.healthcareEducation";
        String x = rec + ".XtensibleInfo";
        r.minItems("ACCMEActivities.MedicalEducationMetrics", 1);
        r.required(
                rec,
                "ReportDescription",
                "ActivityDescription",
                "Lom",
                "healthcareMetadata",
                "ParticipationMetrics",
                "XtensibleInfo");
        r.required(rec + ".ReportDescription", "ReportingStartDate", "ReportingEndDate");
        r.pattern(rec + ".ReportDescription.ReportingStartDate", DATE);
        r.pattern(rec + ".ReportDescription.ReportingEndDate", DATE);
        r.required(rec + ".ActivityDescription.commercialSupportAmount[]", "currency", "supportSource", "value");
        r.number(rec + ".ActivityDescription.commercialSupportAmount[].value");
        r.required(rec + ".Lom.general", "identifier", "title", "description");
        r.required(rec + ".Lom.general.identifier[]", "catalog", "entry");
        r.maxLength(rec + ".Lom.general.description", 2500);
        r.required(rec + ".Lom.general.keyword[]", "id", "source", "string");
        r.required(rec + ".healthcareMetadata", "healthcareEducation");
        r.required(he, "credits", "startDateTime", "endDateTime", "activitySponsorship", "activityFormat");
        r.required(he + ".credits", "activityCertification", "numberOfCredits");
        r.oneOf(
                he + ".credits.activityCertification",
                "IPCE",
                "AMA PRA Category 1",
                "Nursing",
                "Pharmacy",
                "AAPA Category 1",
                "Psychologist",
                "Optometrist",
                "Social Worker",
                "Dentist",
                "Dietetic CPEU",
                "Athletic Training CEU");
        r.minimum(he + ".credits.numberOfCredits", new BigDecimal("0.25"));
        r.pattern(he + ".startDateTime", DATE_TIME);
        r.pattern(he + ".endDateTime", DATE_TIME);
        r.oneOf(he + ".activitySponsorship", "direct", "joint");
        r.pattern(he + ".activityLocation.country", Pattern.compile("[A-Z]{3}"));
        r.bool(he + ".commercialSupport");
        r.required(he + ".targetAudience", "profession");
        r.oneOf(
                he + ".targetAudience.profession[]",
                "Physician",
                "Nurse",
                "Pharmacist",
                "Pharmacy Technician",
                "Physician Assistant",
                "Psychologist",
                "Optometrist",
                "Social Worker",
                "Dentist",
                "Allied Dental Staff",
                "Registered Dietitian",
                "Dietetic Technician Registered",
                "Athletic Trainer");
        r.required(rec + ".ParticipationMetrics.participantsByCategory[]", "category", "numberOfParticipants");
        r.oneOf(
                rec + ".ParticipationMetrics.participantsByCategory[].category",
                "physician",
                "nurse",
                "pharmacist",
                "pharmacy technician",
                "physician assistant",
                "psychologist",
                "optometrist",
                "social worker",
                "dentist",
                "allied dental staff",
                "registered dietitians",
                "dietetic technicians registered",
                "athletic trainers",
                "other");
        r.minimum(rec + ".ParticipationMetrics.participantsByCategory[].numberOfParticipants", BigDecimal.ZERO);
        r.bool(x + ".isInterprofessional");
        r.required(x + ".InKindSupports.InKindSupport[]", "source");
        r.required(x + ".MeasuredOutcomes[]", "MeasuredOutcome");
        r.oneOf(
                x + ".MeasuredOutcomes[].MeasuredOutcome",
                "Learner Competence",
                "Learner Performance",
                "Patient Health",
                "Community Health",
                "Learner Knowledge");
        r.required(x + ".MOCRegistrations.MOCRegistration[]", "boardName", "mocPoints", "MOCCreditType");
        r.oneOf(
                x + ".MOCRegistrations.MOCRegistration[].boardName",
                "ABA",
                "ABIM",
                "ABOHNS",
                "ABOS",
                "ABP",
                "ABPATH",
                "ABS",
                "ABTS");
        r.number(x + ".MOCRegistrations.MOCRegistration[].mocPoints");
        r.minItems(x + ".MOCRegistrations.MOCRegistration[].MOCCreditType", 1);
        r.pattern(x + ".MOCRegistrations.MOCRegistration[].CreditClaimDate", DATE);
        r.bool(x + ".ForPublicList");
        r.oneOf(x + ".FeeForParticipation", "Yes", "No, it\u2019s free", "Variable");
        r.oneOf(x + ".ActivityRegistration", "Open to all", "Limited");
        r.bool(x + ".IsMeritBasedIncentivePaymentSystem");
        r.required(x + ".REMS", "REMSType", "REMSRelatedIdentifier");
        r.oneOf(x + ".REMS.REMSType", "Opioid Analgesic", "Mycophenolate");
        r.oneOf(x + ".activityRecordAction", "Add", "Update", "Delete");
        r.bool(x + ".closeActivityRecord");
        r.report("activity");
    }

    private List<JsonNode> select(String path) {
        List<JsonNode> nodes = List.of(root);
        if (path.isEmpty()) {
            return nodes;
        }
        for (String step : path.split("\\.(?=[^ ])")) {
            boolean each = step.endsWith("[]");
            String name = each ? step.substring(0, step.length() - 2) : step;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : nodes) {
                JsonNode child = n.get(name);
                if (child == null) {
                    continue;
                }
                if (each) {
                    if (!child.isArray()) {
                        problems.add(path + ": " + name + " is not an array");
                        continue;
                    }
                    child.forEach(next::add);
                } else {
                    next.add(child);
                }
            }
            nodes = next;
        }
        return nodes;
    }

    private void required(String path, String... names) {
        for (JsonNode n : select(path)) {
            for (String name : names) {
                JsonNode v = n.get(name);
                if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                    problems.add(path + ": required " + name + " missing");
                }
            }
        }
    }

    private void only(String path, String... names) {
        Set<String> allowed = Set.of(names);
        for (JsonNode n : select(path)) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    problems.add(path + ": " + f + " not allowed (additionalProperties false)");
                }
            }
        }
    }

    private void oneOf(String path, String... values) {
        Set<String> allowed = Set.of(values);
        for (JsonNode n : select(path)) {
            if (!n.isTextual() || !allowed.contains(n.asText())) {
                problems.add(path + ": " + n + " is not one of " + allowed);
            }
        }
    }

    private void pattern(String path, Pattern p) {
        for (JsonNode n : select(path)) {
            if (!n.isTextual() || !p.matcher(n.asText()).matches()) {
                problems.add(path + ": " + n + " does not match " + p);
            }
        }
    }

    private void maxLength(String path, int max) {
        for (JsonNode n : select(path)) {
            if (n.asText().length() > max) {
                problems.add(path + ": longer than " + max);
            }
        }
    }

    private void minItems(String path, int min) {
        for (JsonNode n : select(path)) {
            if (!n.isArray() || n.size() < min) {
                problems.add(path + ": needs an array of at least " + min);
            }
        }
    }

    private void number(String path) {
        for (JsonNode n : select(path)) {
            if (!n.isNumber()) {
                problems.add(path + ": " + n + " is not a number");
            }
        }
    }

    private void bool(String path) {
        for (JsonNode n : select(path)) {
            if (!n.isBoolean()) {
                problems.add(path + ": " + n + " is not a boolean");
            }
        }
    }

    private void minimum(String path, BigDecimal min) {
        for (JsonNode n : select(path)) {
            if (!n.isNumber() || n.decimalValue().compareTo(min) < 0) {
                problems.add(path + ": " + n + " is below " + min);
            }
        }
    }

    private void multipleOf(String path, BigDecimal step) {
        for (JsonNode n : select(path)) {
            if (!n.isNumber() || n.decimalValue().remainder(step).signum() != 0) {
                problems.add(path + ": " + n + " is not a multiple of " + step);
            }
        }
    }

    private void report(String what) {
        if (!problems.isEmpty()) {
            fail("the " + what + " document breaks the draft schema's rules:\n  " + String.join("\n  ", problems) + "\n"
                    + root.toPrettyString());
        }
    }
}
