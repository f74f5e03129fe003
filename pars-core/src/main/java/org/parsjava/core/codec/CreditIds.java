/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.model.MocCredit;
import org.parsjava.core.model.MocCreditType;

/**
 * Derives the PARS {@code CreditID} of each credit line deterministically from the provider ID
 * and the caller's completion key: {@code ccid:<providerId>:<completionKey>-<kind>}, where kind
 * is {@code cme} or the MOC credit type (e.g. {@code abim-medical-knowledge}; the three
 * "Accredited CME" types drop their "-cme", e.g. {@code abs-accredited}, so that no two
 * completions can share a CreditID).
 *
 * <p>The same completion therefore always produces the same CreditIDs, so a submission whose
 * outcome is unknown can be checked with a status lookup before it is resent, and a delete
 * names exactly what was added (docs/pars-reference.md 2.8; the URN shape is from the draft schema).
 */
public final class CreditIds {

    /** Prefix of every CreditID (draft schema: {@code ccid:<a>:<b>}). */
    public static final String PREFIX = "ccid:";
    /** PARS's maximum CreditID length (draft schema). */
    public static final int MAX_LENGTH = 300;

    private CreditIds() {}

    /**
     * Whether {@code creditId} is the CreditID of an AMA PRA Category 1 line (it ends in
     * {@code -cme}; no MOC credit type's ends so).
     */
    public static boolean isCme(String creditId) {
        return creditId.endsWith("-" + CME_KIND);
    }

    /** The CreditID of the AMA PRA Category 1 line. */
    public static String cme(LearnerCompletion completion) {
        return of(completion, CME_KIND);
    }

    /** The CreditID of a MOC line. */
    public static String moc(LearnerCompletion completion, MocCreditType type) {
        return of(completion, kind(type));
    }

    /** The kind of the CME line. */
    static final String CME_KIND = "cme";

    /**
     * The kind of a MOC line: the credit type's code in lower case with dashes, except that a
     * trailing "-cme" is dropped ({@code ABS_ACCREDITED_CME} is {@code abs-accredited}). Keys may
     * hold dashes, so no kind may end with "-" plus another kind: otherwise key {@code k} with
     * an ABS line and key {@code k-abs-accredited} with a CME line would share a CreditID. Every
     * kind starts with its board's code, and no board code is "cme", so none does.
     */
    static String kind(MocCreditType type) {
        return KINDS.computeIfAbsent(type.code(), code -> {
            String kind = code.toLowerCase(Locale.ROOT).replace('_', '-');
            return kind.endsWith("-" + CME_KIND) ? kind.substring(0, kind.length() - CME_KIND.length() - 1) : kind;
        });
    }

    private static final Map<String, String> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

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
