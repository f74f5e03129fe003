/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
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
 *
 * <p>The form: one object, its properties in alphabetical order, absent ones left out, maps in
 * the order of their keys, credits without trailing zeros ({@link BigDecimal#toString}). Written
 * and read with Jackson's streaming generator and parser: the bytes are the ones earlier versions
 * wrote through data binding, which the stored fingerprints are of.
 */
public final class CompletionJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private final RulesCatalogue rules;
    private final ParsJsonCodec activityCodec;

    /** Stored forms whose boards and credit types are read back through {@code rules}. */
    public CompletionJson(RulesCatalogue rules) {
        this.rules = rules;
        this.activityCodec =
                ParsJsonCodec.create(WireOptions.builder().rules(rules).build());
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
        Learner l = c.learner();
        ByteArrayOutputStream out = new ByteArrayOutputStream(400);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            string(g, "activityRef", activityRef);
            string(g, "activityStatus", c.activity().status().name());
            string(
                    g,
                    "birthDate",
                    twoDigits(l.birthDate().getMonthValue()) + "-"
                            + twoDigits(l.birthDate().getDayOfMonth()));
            if (!l.boardIds().isEmpty()) {
                Map<String, String> ids = new TreeMap<>();
                l.boardIds().forEach((b, id) -> ids.put(b.code(), id));
                g.writeObjectFieldStart("boardIds");
                for (Map.Entry<String, String> e : ids.entrySet()) {
                    string(g, e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            if (c.cmeCredits().isPresent()) {
                g.writeFieldName("cme");
                g.writeNumber(c.cmeCredits().get().stripTrailingZeros());
            }
            string(g, "completionDate", c.completionDate().toString());
            g.writeBooleanField("consent", c.consent());
            string(g, "firstName", l.firstName());
            string(g, "key", c.completionKey());
            string(g, "lastName", l.lastName());
            string(g, "licenseNumber", l.license().map(x -> x.number()).orElse(null));
            string(
                    g,
                    "licenseState",
                    l.license().map(x -> x.jurisdiction().code()).orElse(null));
            if (!c.mocCredits().isEmpty()) {
                Map<String, BigDecimal> moc = new TreeMap<>();
                for (MocCredit m : c.mocCredits()) {
                    moc.put(m.type().code(), m.points().stripTrailingZeros());
                }
                g.writeObjectFieldStart("moc");
                for (Map.Entry<String, BigDecimal> e : moc.entrySet()) {
                    g.writeFieldName(e.getKey());
                    g.writeNumber(e.getValue());
                }
                g.writeEndObject();
            }
            string(g, "npi", l.npi().map(n -> n.value()).orElse(null));
            string(g, "profession", l.profession().map(Enum::name).orElse(null));
            g.writeEndObject();
        } catch (IOException e) {
            throw new LedgerException("could not serialise a completion for the ledger", e);
        }
        return out.toByteArray();
    }

    /** A property, left out when absent. */
    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /**
     * The completion stored as {@code bytes}; {@code activities} gives an activity (in a status) by reference.
     *
     * @throws LedgerException when the bytes are not a stored completion (the message holds none of them)
     */
    public LearnerCompletion read(byte[] bytes, java.util.function.BiFunction<String, String, Activity> activities) {
        Stored d = new Stored();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notStored();
            }
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                d.read(name, p);
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw notStored();
            }
        } catch (IOException e) {
            throw notStored();
        }
        if (d.key == null
                || d.activityRef == null
                || d.activityStatus == null
                || d.firstName == null
                || d.lastName == null
                || d.birthDate == null
                || d.completionDate == null) {
            throw notStored();
        }
        Activity activity = activities.apply(d.activityRef, d.activityStatus);
        try {
            return completion(d, activity);
        } catch (LedgerException e) {
            throw e;
        } catch (RuntimeException e) {
            // A value the model refuses (a bad date or profession, a license number without its
            // state): not a stored completion either. The model's message may hold the value, so
            // it is not passed on.
            throw notStored();
        }
    }

    private LearnerCompletion completion(Stored d, Activity activity) {
        int cut = d.birthDate.indexOf('-');
        Learner.Builder l = Learner.builder().firstName(d.firstName).lastName(d.lastName);
        l.birthDate(
                Integer.parseInt(d.birthDate.substring(0, Math.max(cut, 0))),
                Integer.parseInt(d.birthDate.substring(cut + 1)));
        if (d.profession != null) {
            l.profession(Profession.valueOf(d.profession));
        }
        if (d.npi != null) {
            l.npi(d.npi);
        }
        if (d.licenseNumber != null) {
            l.license(LicensingJurisdiction.of(d.licenseState), d.licenseNumber);
        }
        d.boardIds.forEach((b, id) -> l.boardId(board(b), id));
        LearnerCompletion.Builder c = LearnerCompletion.builder()
                .completionKey(d.key)
                .activity(activity)
                .learner(l.build())
                .completionDate(LocalDate.parse(d.completionDate))
                .consent(d.consent);
        if (d.cme != null) {
            c.cmeCredits(d.cme);
        }
        d.moc.forEach((t, points) -> c.mocCredit(new MocCredit(creditType(t), points)));
        return c.build();
    }

    private static LedgerException notStored() {
        return new LedgerException("a ledger payload is not a stored completion");
    }

    /** The properties of a stored form, as read. */
    private static final class Stored {
        String key;
        String activityRef;
        String activityStatus;
        String firstName;
        String lastName;
        String birthDate;
        String npi;
        String licenseState;
        String licenseNumber;
        String completionDate;
        String profession;
        BigDecimal cme;
        boolean consent;
        final Map<String, String> boardIds = new LinkedHashMap<>();
        final Map<String, BigDecimal> moc = new LinkedHashMap<>();

        /** Reads the value of property {@code name}, at which {@code p} stands. */
        void read(String name, JsonParser p) throws IOException {
            switch (name) {
                case "key" -> key = text(p);
                case "activityRef" -> activityRef = text(p);
                case "activityStatus" -> activityStatus = text(p);
                case "firstName" -> firstName = text(p);
                case "lastName" -> lastName = text(p);
                case "birthDate" -> birthDate = text(p);
                case "npi" -> npi = text(p);
                case "licenseState" -> licenseState = text(p);
                case "licenseNumber" -> licenseNumber = text(p);
                case "completionDate" -> completionDate = text(p);
                case "profession" -> profession = text(p);
                case "cme" -> cme = number(p);
                case "consent" -> {
                    if (!p.currentToken().isBoolean()) {
                        throw notStored();
                    }
                    consent = p.getBooleanValue();
                }
                case "boardIds" -> entries(p, boardIds, Stored::text);
                case "moc" -> entries(p, moc, Stored::number);
                default -> throw notStored();
            }
        }

        private static String text(JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_STRING -> p.getText();
                case VALUE_NULL -> null;
                default -> throw notStored();
            };
        }

        private static BigDecimal number(JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
                case VALUE_NULL -> null;
                default -> throw notStored();
            };
        }

        /** The properties of the object at which {@code p} stands, into {@code into}, each value read by {@code value}. */
        private static <T> void entries(JsonParser p, Map<String, T> into, Value<T> value) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw notStored();
            }
            for (String code = p.nextFieldName(); code != null; code = p.nextFieldName()) {
                p.nextToken();
                into.put(code, value.read(p));
            }
        }

        /** Reads a value at which a parser stands. */
        @FunctionalInterface
        private interface Value<T> {
            T read(JsonParser p) throws IOException;
        }
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
