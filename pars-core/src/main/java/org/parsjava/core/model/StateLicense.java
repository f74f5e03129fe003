/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.model;

import java.util.Objects;

/**
 * A physician's medical license: the licensing jurisdiction and the license number that
 * jurisdiction issued. PARS sends it as an identifier whose domain is the state code.
 *
 * <p>The number is kept as given apart from trimming and upper-casing (leading zeros matter);
 * its shape is checked by the validator. {@code toString()} masks all but two characters.
 *
 * @param jurisdiction the state, DC or territory that issued the license
 * @param number the license number, trimmed and upper-cased
 */
public record StateLicense(LicensingJurisdiction jurisdiction, String number) {

    /** Normalises the number and rejects nulls. */
    public StateLicense {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(number, "number");
        number = number.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** Shorthand for {@code new StateLicense(jurisdiction, number)}. */
    public static StateLicense of(LicensingJurisdiction jurisdiction, String number) {
        return new StateLicense(jurisdiction, number);
    }

    @Override
    public String toString() {
        return "StateLicense[" + jurisdiction.code() + " " + Masking.lastTwo(number) + "]";
    }
}
