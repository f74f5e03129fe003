/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import java.util.Objects;
import java.util.Optional;
import org.parsjava.core.codec.internal.Vocabulary;

/**
 * An error body returned by PARS, decoded as far as it could be.
 *
 * @param code PARS's own error code, if the body carried one
 * @param message PARS's error text with digit runs masked, or a short excerpt of an
 *     unrecognised body
 */
public record ParsFault(Optional<String> code, String message) {

    /** Rejects nulls. */
    public ParsFault {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Whether PARS's words read as "this record is already held" (a duplicate). The words looked
     * for are a codec choice, since PARS does not document its duplicate codes.
     */
    public boolean refusedAsDuplicate() {
        return Vocabulary.signalsDuplicate(code.orElse(null), message);
    }
}
