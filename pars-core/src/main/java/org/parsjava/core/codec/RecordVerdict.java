/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.codec.internal.Vocabulary;

/**
 * PARS's verdict on one learner report of a save call.
 *
 * @param index position of the report in the request document (zero based)
 * @param creditId the CreditID the verdict concerns, when PARS names one
 * @param accepted whether PARS accepted the record
 * @param code PARS's error code for a rejection, if any
 * @param field the field PARS blamed, if any
 * @param message PARS's explanation (digit runs masked), if any
 */
public record RecordVerdict(
        int index,
        Optional<String> creditId,
        boolean accepted,
        Optional<String> code,
        Optional<String> field,
        Optional<String> message) {

    /** Rejects nulls. */
    public RecordVerdict {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Whether this is a refusal whose words read as "this record is already held" (a
     * duplicate). The words looked for are a codec choice, since PARS does not document its
     * duplicate codes.
     */
    public boolean refusedAsDuplicate() {
        return !accepted && Vocabulary.signalsDuplicate(code.orElse(null), message.orElse(null));
    }

    /** An acceptance of the record at {@code index}. */
    public static RecordVerdict accepted(int index) {
        return new RecordVerdict(index, Optional.empty(), true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A rejection of the record at {@code index}. */
    public static RecordVerdict rejected(int index, String code, String field, String message) {
        return new RecordVerdict(
                index,
                Optional.empty(),
                false,
                Optional.ofNullable(code),
                Optional.ofNullable(field),
                Optional.ofNullable(message));
    }
}
