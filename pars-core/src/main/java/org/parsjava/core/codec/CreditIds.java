package org.parsjava.core.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.MocCreditType;

/**
 * Derives the PARS {@code CreditID} of each credit line deterministically from the provider ID
 * and the caller's completion key: {@code ccid:<providerId>:<completionKey>-<kind>}, where kind
 * is {@code cme} or the MOC credit type (e.g. {@code abim-medical-knowledge}).
 *
 * <p>The same completion therefore always produces the same CreditIDs, so a submission whose
 * outcome is unknown can be checked with a status lookup before it is resent, and a delete
 * names exactly what was added (REFERENCE.md 2.8; the URN shape is from the draft schema).
 */
public final class CreditIds {

    /** Prefix of every CreditID (draft schema: {@code ccid:<a>:<b>}). */
    public static final String PREFIX = "ccid:";
    /** PARS's maximum CreditID length (draft schema). */
    public static final int MAX_LENGTH = 300;

    private CreditIds() {
    }

    /** The CreditID of the AMA PRA Category 1 line. */
    public static String cme(LearnerCompletion completion) {
        return of(completion, "cme");
    }

    /** The CreditID of a MOC line. */
    public static String moc(LearnerCompletion completion, MocCreditType type) {
        return of(completion, type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Every CreditID of the completion, CME line first, then MOC lines in order. */
    public static List<String> all(LearnerCompletion completion) {
        List<String> ids = new ArrayList<>(1 + completion.mocCredits().size());
        if (completion.cmeCredits().isPresent()) {
            ids.add(cme(completion));
        }
        for (MocCredit m : completion.mocCredits()) {
            ids.add(moc(completion, m.type()));
        }
        return ids;
    }

    /**
     * True when {@code key} can be carried in a CreditID: 1-200 of A-Z a-z 0-9 . _ - ~ (the
     * validator reports others as {@code COMPLETION_KEY_INVALID}).
     */
    public static boolean isValidCompletionKey(String key) {
        return key != null && org.parsjava.core.validation.internal.Rules.isCompletionKey(key);
    }

    private static String of(LearnerCompletion completion, String kind) {
        Objects.requireNonNull(completion, "completion");
        return PREFIX + completion.activity().providerId() + ':' + completion.completionKey() + '-' + kind;
    }
}
