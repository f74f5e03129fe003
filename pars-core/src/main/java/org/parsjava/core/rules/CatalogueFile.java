/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.Profession;

/**
 * Reads the JSON form of a {@link RulesCatalogue}. Unknown field names are refused, so a typo
 * never silently turns a rule off; every message names the file, the entry and the field.
 */
final class CatalogueFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of(
            "version",
            "effectiveDate",
            "note",
            "sources",
            "extends",
            "mocEligibleProfessions",
            "mocEligibilitySources",
            "boards");
    private static final Set<String> BOARD = Set.of(
            "code",
            "acronym",
            "name",
            "activityName",
            "idFormat",
            "idRequired",
            "oneRecordPerDiplomateActivityDay",
            "uniformCredit",
            "dailyCreditCap",
            "activitiesFrom",
            "completionsFrom",
            "incompatibleCreditTypes",
            "creditTypes",
            "sources",
            "note");
    private static final Set<String> CREDIT_TYPE =
            Set.of("code", "name", "wireName", "patientSafety", "validFrom", "validUntil", "sources");

    private final String file;

    private CatalogueFile(String file) {
        this.file = file;
    }

    static RulesCatalogue read(InputStream in, String file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new RulesCatalogueException(file + ": not JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new RulesCatalogueException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return new CatalogueFile(file).catalogue(root);
    }

    private RulesCatalogue catalogue(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fail("the catalogue", "(root)", "must be a JSON object");
        }
        known(root, TOP, "the catalogue");
        RulesCatalogue.Builder b;
        JsonNode ext = root.get("extends");
        if (ext == null) {
            b = RulesCatalogue.builder();
            b.version(text(root, "version", "the catalogue"));
            b.effectiveDate(date(root, "effectiveDate", "the catalogue"));
        } else {
            if (!"defaults".equals(ext.asText())) {
                throw fail("the catalogue", "extends", "can only be \"defaults\"");
            }
            b = RulesCatalogue.defaults().toBuilder();
            if (root.has("version")) {
                b.version(RulesCatalogue.defaults().version() + "+" + text(root, "version", "the catalogue"));
            }
            if (root.has("effectiveDate")) {
                b.effectiveDate(date(root, "effectiveDate", "the catalogue"));
            }
        }
        JsonNode sources = root.get("sources");
        if (sources != null) {
            if (!sources.isObject()) {
                throw fail("the catalogue", "sources", "must be an object of key to citation");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sources.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.source(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode professions = root.get("mocEligibleProfessions");
        if (professions != null) {
            Set<Profession> set = EnumSet.noneOf(Profession.class);
            for (String p : strings(root, "mocEligibleProfessions", "the catalogue")) {
                try {
                    set.add(Profession.valueOf(p));
                } catch (IllegalArgumentException e) {
                    throw fail("the catalogue", "mocEligibleProfessions", "has unknown profession \"" + p + "\"");
                }
            }
            b.mocEligibleProfessions(set);
        }
        JsonNode boards = root.get("boards");
        if (boards != null) {
            if (!boards.isArray()) {
                throw fail("the catalogue", "boards", "must be an array");
            }
            for (JsonNode n : boards) {
                b.board(board(n));
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new RulesCatalogueException(file + ": " + e.getMessage());
        }
    }

    private BoardRules board(JsonNode n) {
        if (!n.isObject()) {
            throw fail("a board", "(entry)", "must be an object");
        }
        String code = n.hasNonNull("code") ? n.get("code").asText() : "?";
        String entry = "board " + code;
        known(n, BOARD, entry);
        Board board;
        try {
            board = Board.of(
                    text(n, "code", entry),
                    text(n, "acronym", entry),
                    text(n, "name", entry),
                    n.has("activityName") ? text(n, "activityName", entry) : code);
        } catch (IllegalArgumentException e) {
            throw fail(entry, "code", "must be 2 to 12 upper-case letters");
        }
        BoardRules.Builder r = BoardRules.builder(board);
        try {
            if (n.has("idFormat")) {
                r.idFormat(text(n, "idFormat", entry));
            }
        } catch (IllegalArgumentException e) {
            throw fail(entry, "idFormat", "is not a regular expression");
        }
        r.idRequired(bool(n, "idRequired", entry, true));
        r.oneRecordPerDiplomateActivityDay(bool(n, "oneRecordPerDiplomateActivityDay", entry, false));
        r.uniformCredit(bool(n, "uniformCredit", entry, false));
        if (n.has("dailyCreditCap")) {
            JsonNode cap = n.get("dailyCreditCap");
            if (!cap.isNumber() || cap.decimalValue().signum() <= 0) {
                throw fail(entry, "dailyCreditCap", "must be a positive number");
            }
            r.dailyCreditCap(new BigDecimal(cap.asText()));
        }
        if (n.has("activitiesFrom")) {
            r.activitiesFrom(date(n, "activitiesFrom", entry));
        }
        if (n.has("completionsFrom")) {
            r.completionsFrom(date(n, "completionsFrom", entry));
        }
        if (n.has("note")) {
            r.note(text(n, "note", entry));
        }
        r.sources(n.has("sources") ? strings(n, "sources", entry) : List.of());
        JsonNode types = n.get("creditTypes");
        if (types == null || !types.isArray() || types.isEmpty()) {
            throw fail(entry, "creditTypes", "must list at least one credit type");
        }
        List<MocCreditType> declared = new ArrayList<>();
        for (JsonNode t : types) {
            CreditTypeRules ct = creditType(t, board, entry);
            declared.add(ct.type());
            r.creditType(ct);
        }
        JsonNode pairs = n.get("incompatibleCreditTypes");
        if (pairs != null) {
            if (!pairs.isArray()) {
                throw fail(entry, "incompatibleCreditTypes", "must be an array of pairs");
            }
            for (JsonNode pair : pairs) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw fail(entry, "incompatibleCreditTypes", "must hold pairs of two credit type codes");
                }
                r.incompatible(
                        declaredType(declared, pair.get(0).asText(), entry),
                        declaredType(declared, pair.get(1).asText(), entry));
            }
        }
        return r.build();
    }

    private MocCreditType declaredType(List<MocCreditType> declared, String code, String entry) {
        for (MocCreditType t : declared) {
            if (t.code().equals(code)) {
                return t;
            }
        }
        throw fail(
                entry, "incompatibleCreditTypes", "names " + code + ", which is not one of the board's credit types");
    }

    private CreditTypeRules creditType(JsonNode t, Board board, String boardEntry) {
        if (!t.isObject()) {
            throw fail(boardEntry, "creditTypes", "must hold objects");
        }
        String code = t.hasNonNull("code") ? t.get("code").asText() : "?";
        String entry = "credit type " + code + " of " + boardEntry;
        known(t, CREDIT_TYPE, entry);
        String name = text(t, "name", entry);
        MocCreditType type;
        try {
            type = t.has("wireName")
                    ? MocCreditType.of(text(t, "code", entry), board, name, text(t, "wireName", entry))
                    : MocCreditType.of(text(t, "code", entry), board, name);
        } catch (IllegalArgumentException e) {
            throw fail(entry, "code", "must be " + board.code() + "_ followed by upper-case letters, digits or _");
        }
        CreditTypeRules.Builder c = CreditTypeRules.builder(type);
        c.patientSafety(bool(t, "patientSafety", entry, false));
        if (t.has("validFrom")) {
            c.validFrom(date(t, "validFrom", entry));
        }
        if (t.has("validUntil")) {
            c.validUntil(date(t, "validUntil", entry));
        }
        c.sources(t.has("sources") ? strings(t, "sources", entry) : List.of());
        try {
            return c.build();
        } catch (IllegalArgumentException e) {
            throw fail(entry, "validUntil", "is before validFrom");
        }
    }

    private void known(JsonNode n, Set<String> allowed, String entry) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw fail(entry, f, "is not a known field (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    private String text(JsonNode n, String field, String entry) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw fail(entry, field, "is required");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw fail(entry, field, "must be a non-blank string");
        }
        return v.asText();
    }

    private boolean bool(JsonNode n, String field, String entry, boolean fallback) {
        JsonNode v = n.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw fail(entry, field, "must be true or false");
        }
        return v.asBoolean();
    }

    private LocalDate date(JsonNode n, String field, String entry) {
        String s = text(n, field, entry);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw fail(entry, field, "must be a date written YYYY-MM-DD");
        }
    }

    private List<String> strings(JsonNode n, String field, String entry) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw fail(entry, field, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : v) {
            if (!s.isTextual()) {
                throw fail(entry, field, "must be an array of strings");
            }
            out.add(s.asText());
        }
        return out;
    }

    private RulesCatalogueException fail(String entry, String field, String problem) {
        return new RulesCatalogueException(file + ": " + entry + ": " + field + " " + problem);
    }
}
