/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import java.util.List;
import org.parsjava.core.codec.LearnerRecordAction;
import org.parsjava.core.codec.ParsXmlCodec;
import org.parsjava.core.testing.Fixtures;

/** Run on a classpath without Jakarta Validation or Hibernate Validator: validates and encodes. */
public final class NoBeanValidationMain {

    private NoBeanValidationMain() {}

    /** Prints what it found; exits 0 only when everything worked without Bean Validation. */
    public static void main(String[] args) {
        try {
            Class.forName("jakarta.validation.Validation");
            System.out.println("jakarta.validation is on the classpath");
            System.exit(2);
        } catch (ClassNotFoundException expected) {
            // the point of the run
        }
        ParsValidator v = ParsValidator.builder().clock(Fixtures.CLOCK).build();
        ValidationReport ok = v.validate(List.of(Fixtures.completion()));
        ValidationReport bad = v.validate(
                List.of(Fixtures.completion().toBuilder().consent(false).build()));
        boolean npiRefused = v.parseNpi("1234567890").code().orElse(null) == ViolationCode.NPI_CHECK_DIGIT;
        byte[] xml = ParsXmlCodec.create()
                .encodeLearnerReports(List.of(Fixtures.completion()), LearnerRecordAction.ADD, Fixtures.HEADER);
        boolean fine = ok.isValid()
                && bad.errors().stream().anyMatch(x -> x.code() == ViolationCode.CONSENT_MISSING)
                && npiRefused
                && xml.length > 0;
        System.out.println(fine ? "validated and encoded without Bean Validation" : "unexpected: " + bad.errors());
        System.exit(fine ? 0 : 1);
    }
}
