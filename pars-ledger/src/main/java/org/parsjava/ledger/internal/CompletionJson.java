/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.parsjava.core.codec.ActivityAction;
import org.parsjava.core.codec.ParsJsonCodec;
import org.parsjava.core.codec.WireOptions;
import org.parsjava.core.model.Activity;
import org.parsjava.core.model.ActivityStatus;
import org.parsjava.core.model.Board;
import org.parsjava.core.model.Learner;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.LicensingJurisdiction;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.MocCreditType;
import org.parsjava.core.model.Profession;
import org.parsjava.core.rules.RulesCatalogue;
import org.parsjava.ledger.LedgerException;

/**
 * A completion as the bytes the ledger encrypts: a small, stable JSON form of every learner and
 * completion field, with the activity by reference (its fingerprint; the activity itself, which
 * holds no personal data, is stored once in its own table). The same completion always gives
 * the same bytes, so its fingerprint tells a changed record from a repeated one.
 */
public final class CompletionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final RulesCatalogue rules;
    private final ParsJsonCodec activityCodec;

    /** Stored forms whose boards and credit types are read back through {@code rules}. */
    public CompletionJson(RulesCatalogue rules) {
        this.rules = rules;
        this.activityCodec =
                ParsJsonCodec.create(WireOptions.builder().rules(rules).build());
    }

    /** Stored form; field order fixed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @com.fasterxml.jackson.annotation.JsonPropertyOrder(alphabetic = true)
    public static final class Dto {
        public String key;
        public String activityRef;
        public String activityStatus;
        public String firstName;
        public String lastName;
        public String birthDate;
        public String npi;
        public String licenseState;
        public String licenseNumber;
        public Map<String, String> boardIds;
        public String completionDate;
        public BigDecimal cme;
        public Map<String, BigDecimal> moc;
        public boolean consent;
        public String profession;
    }

    /** The activity's stored form: PARS's draft JSON (its status travels with the completion). */
    public byte[] activity(Activity a) {
        return activityCodec.encodeActivity(a, ActivityAction.ADD);
    }

    /** The activity stored as {@code bytes}, in {@code status}. */
    public Activity activity(byte[] bytes, String status) {
        return activityCodec.decodeActivity(bytes).toBuilder()
                .status(ActivityStatus.valueOf(status))
                .build();
    }

    /** The stored bytes of {@code c}, whose activity is stored under {@code activityRef}. */
    public byte[] write(LearnerCompletion c, String activityRef) {
        Dto d = new Dto();
        d.key = c.completionKey();
        d.activityRef = activityRef;
        d.activityStatus = c.activity().status().name();
        Learner l = c.learner();
        d.firstName = l.firstName();
        d.lastName = l.lastName();
        d.birthDate = String.format(
                "%02d-%02d", l.birthDate().getMonthValue(), l.birthDate().getDayOfMonth());
        d.npi = l.npi().map(n -> n.value()).orElse(null);
        d.licenseState = l.license().map(x -> x.jurisdiction().code()).orElse(null);
        d.licenseNumber = l.license().map(x -> x.number()).orElse(null);
        if (!l.boardIds().isEmpty()) {
            d.boardIds = new TreeMap<>();
            l.boardIds().forEach((b, id) -> d.boardIds.put(b.code(), id));
        }
        d.completionDate = c.completionDate().toString();
        d.cme = c.cmeCredits().map(BigDecimal::stripTrailingZeros).orElse(null);
        if (!c.mocCredits().isEmpty()) {
            d.moc = new TreeMap<>();
            for (MocCredit m : c.mocCredits()) {
                d.moc.put(m.type().code(), m.points().stripTrailingZeros());
            }
        }
        d.consent = c.consent();
        d.profession = l.profession().map(Enum::name).orElse(null);
        try {
            return MAPPER.writeValueAsBytes(d);
        } catch (IOException e) {
            throw new LedgerException("could not serialise a completion for the ledger", e);
        }
    }

    /** The completion stored as {@code bytes}; {@code activities} gives an activity (in a status) by reference. */
    public LearnerCompletion read(byte[] bytes, java.util.function.BiFunction<String, String, Activity> activities) {
        Dto d;
        try {
            d = MAPPER.readValue(bytes, Dto.class);
        } catch (IOException e) {
            throw new LedgerException("a ledger payload is not a stored completion");
        }
        Activity activity = activities.apply(d.activityRef, d.activityStatus);
        String[] md = d.birthDate.split("-");
        Learner.Builder l = Learner.builder()
                .firstName(d.firstName)
                .lastName(d.lastName)
                .birthDate(Integer.parseInt(md[0]), Integer.parseInt(md[1]));
        if (d.profession != null) {
            l.profession(Profession.valueOf(d.profession));
        }
        if (d.npi != null) {
            l.npi(d.npi);
        }
        if (d.licenseNumber != null) {
            l.license(LicensingJurisdiction.of(d.licenseState), d.licenseNumber);
        }
        if (d.boardIds != null) {
            d.boardIds.forEach((b, id) -> l.boardId(board(b), id));
        }
        LearnerCompletion.Builder c = LearnerCompletion.builder()
                .completionKey(d.key)
                .activity(activity)
                .learner(l.build())
                .completionDate(LocalDate.parse(d.completionDate))
                .consent(d.consent);
        if (d.cme != null) {
            c.cmeCredits(d.cme);
        }
        if (d.moc != null) {
            Map<String, BigDecimal> ordered = new LinkedHashMap<>(d.moc);
            ordered.forEach((t, p) -> c.mocCredit(new MocCredit(creditType(t), p)));
        }
        return c.build();
    }

    /**
     * A stored board by code. A board the catalogue no longer lists is still read (by its code
     * alone), so the entry stays readable and validation names the board as unknown.
     */
    private Board board(String code) {
        return rules.board(code).orElseGet(() -> Board.of(code, code, code, code));
    }

    /** A stored credit type by code; one the catalogue no longer lists is read as {@link #board} is. */
    private MocCreditType creditType(String code) {
        return rules.creditType(code).orElseGet(() -> {
            int cut = code.indexOf('_');
            return MocCreditType.of(code, board(cut < 0 ? code : code.substring(0, cut)), code);
        });
    }
}
