/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parsjava.core.codec.ParsCodecException;
import org.parsjava.core.model.LearnerTranscript;
import org.parsjava.core.model.TranscriptTotal;

/**
 * The draft transcript documents ({@code accme-pars-learner-transcript.schema_v0_1.json}, and
 * the {@code GetLearnerTranscriptCreditsByDate} answer). The draft defines them in JSON only, so
 * they are JSON whatever the codec of the learner and activity documents. Property names are
 * matched ignoring case. The credits-by-date answer is read both as written in the draft (names
 * beside {@code learner}, an indentation slip) and as intended (inside {@code learner}).
 */
public final class TranscriptJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private TranscriptJson() {}

    /** Reads a transcript answer. */
    public static List<LearnerTranscript> decodeTranscripts(byte[] body) {
        JsonNode root = tree(body, "transcript");
        JsonNode list = field(root, "ACCMETranscripts");
        if (list == null || !list.isArray()) {
            throw new ParsCodecException(
                    "Could not read transcript body: no ACCMETranscripts array", Excerpts.of(body), null);
        }
        List<LearnerTranscript> out = new ArrayList<>(list.size());
        for (JsonNode t : list) {
            JsonNode member = field(t, "Member");
            JsonNode name = field(member, "Name");
            JsonNode info = field(member, "PersonalInfo");
            List<LearnerTranscript.Completion> completions = new ArrayList<>();
            JsonNode items = field(t, "ActivityTranscript");
            if (items != null && items.isArray()) {
                for (JsonNode item : items) {
                    completions.add(completion(field(item, "Activity"), body));
                }
            }
            JsonNode x = field(t, "XtensibleInfo");
            out.add(new LearnerTranscript(
                    text(name, "GivenName").orElse(""),
                    text(name, "FamilyName").orElse(""),
                    text(info, "StateOfLicensure"),
                    text(info, "StateMedicalLicenseID"),
                    text(info, "NPI"),
                    completions,
                    text(x, "ProviderID"),
                    text(x, "Notes")));
        }
        return out;
    }

    private static LearnerTranscript.Completion completion(JsonNode activity, byte[] body) {
        JsonNode module = field(activity, "Module");
        if (activity == null || module == null) {
            throw new ParsCodecException(
                    "Could not read transcript body: an ActivityTranscript has no Activity/Module",
                    Excerpts.of(body),
                    null);
        }
        JsonNode moduleName = field(module, "ModuleName");
        List<LearnerTranscript.Credit> credits = new ArrayList<>();
        JsonNode certs = field(module, "CreditCertificate");
        if (certs != null && certs.isArray()) {
            for (JsonNode c : certs) {
                JsonNode received = field(c, "CreditReceived");
                credits.add(new LearnerTranscript.Credit(
                        text(c, "CreditID").orElse(""),
                        text(received, "activityCertification").orElse(""),
                        number(received, "numberOfCredits").orElse(BigDecimal.ZERO),
                        text(received, "creditUnit").orElse("")));
            }
        }
        List<String> delivery = strings(field(field(module, "DeliveryMethods"), "DeliveryMethod"));
        List<LearnerTranscript.Moc> mocs = new ArrayList<>();
        JsonNode regs = field(field(module, "MOCRegistrations"), "MOCRegistration");
        if (regs != null && regs.isArray()) {
            for (JsonNode r : regs) {
                mocs.add(new LearnerTranscript.Moc(
                        text(r, "boardName").orElse(""),
                        number(r, "mocPoints").orElse(BigDecimal.ZERO),
                        strings(field(r, "MOCCreditType")),
                        text(r, "CreditClaimDate").flatMap(TranscriptJson::date)));
            }
        }
        return new LearnerTranscript.Completion(
                text(activity, "ProviderOrganization").orElse(""),
                text(activity, "ReportingOrganization"),
                text(moduleName, "moduleID").orElse(""),
                text(moduleName, "value").orElse(""),
                text(module, "Status").orElse(""),
                text(module, "CompletedDateTime").flatMap(TranscriptJson::date),
                credits,
                delivery,
                mocs);
    }

    /** Reads a credits-by-date answer. */
    public static TranscriptTotal decodeTotal(byte[] body) {
        JsonNode root = tree(body, "transcript credits");
        if (!root.isObject()) {
            throw new ParsCodecException(
                    "Could not read transcript credits body: expected an object", Excerpts.of(body), null);
        }
        JsonNode learner = field(root, "learner");
        Optional<BigDecimal> total = number(root, "totalCredits");
        if (total.isEmpty()) {
            throw new ParsCodecException(
                    "Could not read transcript credits body: no totalCredits", Excerpts.of(body), null);
        }
        return new TranscriptTotal(
                text(learner, "GivenName").or(() -> text(root, "GivenName")),
                text(learner, "FamilyName").or(() -> text(root, "FamilyName")),
                total.get(),
                text(root, "unit").orElse(""));
    }

    /** Writes a transcript answer (for PARS doubles). */
    public static byte[] encodeTranscripts(List<LearnerTranscript> transcripts) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("ACCMETranscripts");
        for (LearnerTranscript t : transcripts) {
            ObjectNode item = list.addObject();
            ObjectNode member = item.putObject("Member");
            ObjectNode name = member.putObject("Name");
            name.put("GivenName", t.givenName());
            name.put("FamilyName", t.familyName());
            if (t.stateOfLicensure().isPresent()
                    || t.stateMedicalLicenseId().isPresent()
                    || t.npi().isPresent()) {
                ObjectNode info = member.putObject("PersonalInfo");
                t.stateOfLicensure().ifPresent(v -> info.put("StateOfLicensure", v));
                t.stateMedicalLicenseId().ifPresent(v -> info.put("StateMedicalLicenseID", v));
                t.npi().ifPresent(v -> info.put("NPI", v));
            }
            ArrayNode activities = item.putArray("ActivityTranscript");
            for (LearnerTranscript.Completion c : t.completions()) {
                ObjectNode activity = activities.addObject().putObject("Activity");
                activity.put("ProviderOrganization", c.providerId());
                c.reportingOrganization().ifPresent(v -> activity.put("ReportingOrganization", v));
                ObjectNode module = activity.putObject("Module");
                ObjectNode moduleName = module.putObject("ModuleName");
                moduleName.put("value", c.title());
                moduleName.put("moduleID", c.accmeActivityId());
                module.put("Status", c.status());
                c.completionDate().ifPresent(d -> module.put("CompletedDateTime", d + "T00:00:00Z"));
                ArrayNode certs = module.putArray("CreditCertificate");
                for (LearnerTranscript.Credit credit : c.credits()) {
                    ObjectNode cert = certs.addObject();
                    cert.put("CreditID", credit.creditId());
                    ObjectNode received = cert.putObject("CreditReceived");
                    received.put("activityCertification", credit.certification());
                    received.put("creditUnit", credit.unit());
                    received.put("numberOfCredits", credit.credits());
                }
                if (!c.deliveryMethods().isEmpty()) {
                    ArrayNode d = module.putObject("DeliveryMethods").putArray("DeliveryMethod");
                    c.deliveryMethods().forEach(d::add);
                }
                if (!c.mocRegistrations().isEmpty()) {
                    ArrayNode regs = module.putObject("MOCRegistrations").putArray("MOCRegistration");
                    for (LearnerTranscript.Moc m : c.mocRegistrations()) {
                        ObjectNode r = regs.addObject();
                        r.put("boardName", m.board());
                        r.put("mocPoints", m.points());
                        ArrayNode types = r.putArray("MOCCreditType");
                        m.creditTypes().forEach(types::add);
                        m.claimDate().ifPresent(d -> r.put("CreditClaimDate", d.toString()));
                    }
                }
            }
            if (t.providerId().isPresent() || t.notes().isPresent()) {
                ObjectNode x = item.putObject("XtensibleInfo");
                t.providerId().ifPresent(v -> x.put("ProviderID", v));
                t.notes().ifPresent(v -> x.put("Notes", v));
            }
        }
        return bytes(root);
    }

    /** Writes a credits-by-date answer as the draft intends it (names inside {@code learner}). */
    public static byte[] encodeTotal(TranscriptTotal total) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode learner = root.putObject("learner");
        total.givenName().ifPresent(v -> learner.put("GivenName", v));
        total.familyName().ifPresent(v -> learner.put("FamilyName", v));
        root.put("totalCredits", total.totalCredits());
        root.put("unit", total.unit());
        return bytes(root);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new ParsCodecException("Could not encode a transcript document", "", null);
        }
    }

    private static JsonNode tree(byte[] body, String what) {
        if (body == null || body.length == 0) {
            throw new ParsCodecException("Empty " + what + " body", "", null);
        }
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new ParsCodecException("Empty " + what + " body", "", null);
            }
            return n;
        } catch (IOException e) {
            throw new ParsCodecException("Could not read " + what + " body: not JSON", Excerpts.of(body), null);
        }
    }

    /** A property by name, ignoring case; null when absent. */
    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) {
                return node.get(f);
            }
        }
        return null;
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode v = field(node, name);
        return v == null || v.isNull() || v.isContainerNode()
                ? Optional.empty()
                : Optional.of(v.asText().strip());
    }

    private static Optional<BigDecimal> number(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(v.decimalValue());
        }
        try {
            return Optional.of(new BigDecimal(v.asText().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node != null && node.isValueNode()) {
            out.add(node.asText());
        }
        return out;
    }

    private static Optional<LocalDate> date(String text) {
        if (text.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
