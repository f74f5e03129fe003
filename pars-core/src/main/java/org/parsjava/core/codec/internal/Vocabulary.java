/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parsjava.core.model.ActivityDetails;
import org.parsjava.core.model.ActivityType;
import org.parsjava.core.model.BoardReason;

/**
 * Every PARS string the SDK sends or reads that is not an element name, in one table per
 * concept (docs/pars-reference.md 2.10). Entries marked "Inferred" were not found in any source; correct
 * them here, against the PARS sandbox, and nowhere else.
 *
 * <p>Board and credit type names are not here: they are data in the rules catalogue
 * ({@code org.parsjava.core.rules.RulesCatalogue}): a board's {@code activityName} is its
 * {@code boardName} on activities, its acronym the {@code UniqueID} domain of its learner IDs, and
 * a credit type's {@code wireName} its {@code activityCertification} and {@code MOCCreditType}
 * (inferred: the board's acronym, a space, its name).
 *
 * <h2>Errata in ACCME's draft schemas, and how the codec reads them</h2>
 * Learner reports v0.5 and activity v0.1.2 as of GitHub {@code elliott-foxbox/tempSchema} commit
 * {@code 8aa4d8b} (2025-08-07; docs/pars-reference.md 12 [N1]). Fixed there, and followed by the
 * codec: the learner file parses (a comma was missing), {@code isInterprofessional} has no trailing
 * space, the REMS {@code required} list applies, and the record-level {@code required} list names
 * {@code ParticipationMetrics} as spelled, so it applies. Still wrong there:
 * <ul>
 * <li>{@code CreditCertificate[].UniqueID} is declared {@code "type": "object"} with an
 *     {@code items} subschema: taken literally, the array the description implies ("each
 *     item") is refused, and the inner {@code required [value, domain]} never applies. The codec
 *     writes an array of {@code {value, domain}} objects, since a CME line carries both NPI and
 *     license. This is the one change a learner document needs to pass the draft.</li>
 * <li>{@code participantsByCategory[].numberOfParticipants} sits beside the item's
 *     {@code properties}, not inside; the codec writes the count (a whole number of zero or
 *     more) as the description intends.</li>
 * <li>The {@code boardName} enum lacks ABPMR and ABO, boards ACCME lists as taking MOC through
 *     PARS; the codec writes them anyway (the catalogue, not the draft, decides which boards
 *     exist), so only activities registered with those boards fall outside the enum.</li>
 * <li>{@code DateTimeCreated}, {@code CompletedDateTime}, {@code startDateTime} and
 *     {@code endDateTime} are {@code format: date-time} but described as
 *     {@code YYYY-MM-DDThh:mm:ss} without an offset (read as US Central). The codec writes them
 *     without an offset, as described; a validator that enforces {@code format} would want one.</li>
 * <li>Record-level members the draft requires are always written: {@code ActivityDescription}
 *     and {@code ParticipationMetrics} are empty objects when the activity has nothing for them.</li>
 * <li>Limits stated only in prose are enforced by the validator: description at most 2,500
 *     characters, credits in quarter steps.</li>
 * </ul>
 * Drafts before {@code 8aa4d8b} spelled {@code "isInterprofessional "} with a trailing space;
 * the codec still reads that key.
 */
public final class Vocabulary {

    private Vocabulary() {}

    /** The draft's key for the interprofessional flag (without the trailing space drafts before 8aa4d8b had). */
    public static final String INTERPROFESSIONAL_KEY = "isInterprofessional";
    /** {@code FeeForParticipation} values; "No, it’s free" has a typographic apostrophe (U+2019). */
    public static final Map<ActivityDetails.Fee, String> FEE = table(
            ActivityDetails.Fee.class,
            Map.of(
                    ActivityDetails.Fee.YES,
                    "Yes",
                    ActivityDetails.Fee.FREE,
                    "No, it\u2019s free",
                    ActivityDetails.Fee.VARIABLE,
                    "Variable"));
    /** {@code ActivityRegistration} values. */
    public static final Map<ActivityDetails.Registration, String> REGISTRATION = table(
            ActivityDetails.Registration.class,
            Map.of(
                    ActivityDetails.Registration.OPEN_TO_ALL,
                    "Open to all",
                    ActivityDetails.Registration.LIMITED,
                    "Limited"));
    /** {@code REMS.REMSType} values. */
    public static final Map<ActivityDetails.RemsType, String> REMS_TYPE = table(
            ActivityDetails.RemsType.class,
            Map.of(
                    ActivityDetails.RemsType.OPIOID_ANALGESIC,
                    "Opioid Analgesic",
                    ActivityDetails.RemsType.MYCOPHENOLATE,
                    "Mycophenolate"));

    /** {@code Module/Status}: the draft allows only this value (Partly verified, 2.5). */
    public static final String MODULE_STATUS_COMPLETED = "Completed";
    /** {@code creditUnit}: the draft allows only this value (Partly verified, 2.5). */
    public static final String CREDIT_UNIT = "Point";
    /** {@code activityCertification} for AMA PRA Category 1 credit (sample in 2.9). */
    public static final String CME_CERTIFICATION = "AMA PRA Category 1";
    /** {@code UniqueID/@domain} for an NPI (Partly verified, 2.5). */
    public static final String NPI_DOMAIN = "NPI";
    /** {@code LearnerRecordAction} values (Partly verified, 2.5). */
    public static final String ACTION_ADD = "add";
    /** {@code LearnerRecordAction} delete value (Partly verified, 2.5). */
    public static final String ACTION_DELETE = "delete";
    /** {@code activityRecordAction} values (Partly verified, 3.3). */
    public static final String ACTIVITY_ADD = "Add";
    /** Activity update. */
    public static final String ACTIVITY_UPDATE = "Update";
    /** Activity delete. */
    public static final String ACTIVITY_DELETE = "Delete";
    /** {@code identifier/catalog} of the ACCME Activity ID (Partly verified, 3.1). */
    public static final String CATALOG_ACCME_ID = "ACCME Activity ID";
    /** {@code identifier/catalog} of the provider's own activity ID (Partly verified, 3.1). */
    public static final String CATALOG_PROVIDER_ID = "Provider Activity ID";
    /** Save-result statuses (Inferred, 2.7). */
    public static final String RESULT_ACCEPTED = "Accepted";
    /** Save-result rejection (Inferred, 2.7). */
    public static final String RESULT_REJECTED = "Rejected";
    /**
     * Words by which a refusal is read as "PARS already has this record", looked for (ignoring
     * case) in its code and message. PARS's duplicate codes are not documented (docs/pars-reference.md
     * 2.8, open question 10): a refusal matching one of these makes the client check, by
     * CreditID, whether PARS holds the record before calling it rejected.
     */
    public static final List<String> DUPLICATE_MARKERS = List.of("duplicate", "already");

    /** Whether a refusal's code or message reads as a duplicate (see {@link #DUPLICATE_MARKERS}). */
    public static boolean signalsDuplicate(String code, String message) {
        for (String marker : DUPLICATE_MARKERS) {
            if ((code != null && code.toLowerCase(Locale.ROOT).contains(marker))
                    || (message != null && message.toLowerCase(Locale.ROOT).contains(marker))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words by which the reason PARS shows for a board's rejection is read (Inferred: PARS's
     * reason texts are not published, docs/pars-reference.md 12 [N2]). Looked for in order,
     * ignoring case; the first found decides. Correct them here against a PARS sandbox.
     */
    public static final Map<String, BoardReason> BOARD_REASONS = boardReasons();

    private static Map<String, BoardReason> boardReasons() {
        Map<String, BoardReason> m = new java.util.LinkedHashMap<>();
        m.put("duplicate", BoardReason.DUPLICATE);
        m.put("already", BoardReason.DUPLICATE);
        m.put("birth", BoardReason.BIRTH_DATE_MISMATCH);
        m.put("dob", BoardReason.BIRTH_DATE_MISMATCH);
        m.put("not enrolled", BoardReason.NOT_ENROLLED);
        m.put("not participating", BoardReason.NOT_ENROLLED);
        m.put("not certified", BoardReason.NOT_ENROLLED);
        m.put("not active", BoardReason.NOT_ENROLLED);
        m.put("invalid id", BoardReason.BOARD_ID_INVALID);
        m.put("id is invalid", BoardReason.BOARD_ID_INVALID);
        m.put("invalid diplomate", BoardReason.BOARD_ID_INVALID);
        m.put("name", BoardReason.NAME_MISMATCH);
        m.put("not found", BoardReason.LEARNER_NOT_MATCHED);
        m.put("no match", BoardReason.LEARNER_NOT_MATCHED);
        m.put("not matched", BoardReason.LEARNER_NOT_MATCHED);
        m.put("unable to match", BoardReason.LEARNER_NOT_MATCHED);
        m.put("credit", BoardReason.CREDIT_NOT_ACCEPTED);
        m.put("points", BoardReason.CREDIT_NOT_ACCEPTED);
        m.put("exceed", BoardReason.CREDIT_NOT_ACCEPTED);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The board reason a PARS reason text reads as ({@link BoardReason#OTHER} when no word matches). */
    public static BoardReason boardReason(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, BoardReason> e : BOARD_REASONS.entrySet()) {
            if (t.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return BoardReason.OTHER;
    }

    /** A reason text that reads back as {@code reason}: what a simulated PARS shows. */
    public static String boardReasonText(BoardReason reason) {
        return switch (reason) {
            case LEARNER_NOT_MATCHED -> "Diplomate not found";
            case BOARD_ID_INVALID -> "Invalid ID for the board";
            case BIRTH_DATE_MISMATCH -> "Date of birth does not match";
            case NAME_MISMATCH -> "Name does not match board records";
            case NOT_ENROLLED -> "Physician not enrolled in MOC";
            case CREDIT_NOT_ACCEPTED -> "Credit type not accepted for this activity";
            case DUPLICATE -> "Duplicate record";
            case OTHER -> "Rejected by board";
        };
    }

    /** Match results (Inferred, 2.6). */
    public static final String MATCH_MATCHED = "Matched";
    /** Match: no physician found (Inferred). */
    public static final String MATCH_NOT_MATCHED = "NotMatched";
    /** Match: several physicians found (Inferred). */
    public static final String MATCH_AMBIGUOUS = "Ambiguous";

    /**
     * {@code activityFormat}: streamlined 2021 format names (Inferred, 3.2: exact strings
     * unknown; the draft's examples are "Live Course" and "Enduring Material").
     */
    public static final Map<ActivityType, String> ACTIVITY_FORMAT;

    static {
        Map<ActivityType, String> m = new EnumMap<>(ActivityType.class);
        m.put(ActivityType.COURSE, "Live Course");
        m.put(ActivityType.REGULARLY_SCHEDULED_SERIES, "Regularly Scheduled Series");
        m.put(ActivityType.INTERNET_LIVE_COURSE, "Internet Live Course");
        m.put(ActivityType.ENDURING_MATERIAL, "Enduring Material");
        m.put(ActivityType.INTERNET_ENDURING_MATERIAL, "Internet Enduring Material");
        m.put(ActivityType.JOURNAL_CME, "Journal-based CME");
        m.put(ActivityType.MANUSCRIPT_REVIEW, "Manuscript Review");
        m.put(ActivityType.TEST_ITEM_WRITING, "Test-Item Writing");
        m.put(ActivityType.COMMITTEE_LEARNING, "Committee Learning");
        m.put(ActivityType.PERFORMANCE_IMPROVEMENT, "Performance/Quality Improvement");
        m.put(ActivityType.INTERNET_SEARCHING_AND_LEARNING, "Internet Searching and Learning");
        m.put(ActivityType.LEARNING_FROM_TEACHING, "Learning from Teaching");
        m.put(ActivityType.OTHER, "Other/Blended Learning");
        ACTIVITY_FORMAT = java.util.Collections.unmodifiableMap(m);
    }

    /** Reverse lookup in one of the tables above; {@code null} when absent. */
    public static <K> K reverse(Map<K, String> table, String wire) {
        if (wire == null) {
            return null;
        }
        for (Map.Entry<K, String> e : table.entrySet()) {
            if (e.getValue().equalsIgnoreCase(wire.strip())) {
                return e.getKey();
            }
        }
        return null;
    }

    private static <K extends Enum<K>> Map<K, String> table(Class<K> type, Map<K, String> values) {
        Map<K, String> m = new EnumMap<>(type);
        m.putAll(values);
        if (m.size() != type.getEnumConstants().length) {
            throw new IllegalStateException("incomplete wire table for " + type.getSimpleName());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
