/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.validation;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of reading one raw roster value: either the typed value, or the violation code
 * and a message saying precisely what is wrong (never echoing the value). Immutable.
 *
 * @param <T> the typed value
 */
public final class Parsed<T> {

    private final T value;
    private final ViolationCode code;
    private final String message;

    private Parsed(T value, ViolationCode code, String message) {
        this.value = value;
        this.code = code;
        this.message = message;
    }

    /** A successful parse. */
    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(Objects.requireNonNull(value, "value"), null, null);
    }

    /** A failed parse with the code's default message. */
    public static <T> Parsed<T> failed(ViolationCode code) {
        return failed(code, code.message());
    }

    /** A failed parse with a specific message. */
    public static <T> Parsed<T> failed(ViolationCode code, String message) {
        return new Parsed<>(null, Objects.requireNonNull(code, "code"), Objects.requireNonNull(message, "message"));
    }

    /** True when the value was read. */
    public boolean isOk() {
        return code == null;
    }

    /**
     * The value.
     *
     * @throws NoSuchElementException with the failure message when the parse failed
     */
    public T value() {
        if (code != null) {
            throw new NoSuchElementException(code + ": " + message);
        }
        return value;
    }

    /** The value, or empty when the parse failed. */
    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /** The violation code, or empty when the parse succeeded. */
    public Optional<ViolationCode> code() {
        return Optional.ofNullable(code);
    }

    /** The failure message, or empty when the parse succeeded. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** Converts a failure into a {@link Violation} for the given record and field. */
    public Violation toViolation(long recordIndex, String recordKey, String field) {
        if (code == null) {
            throw new IllegalStateException("parse succeeded; there is no violation");
        }
        return new Violation(recordIndex, recordKey, field, code, code.severity(), message);
    }

    @Override
    public String toString() {
        // The value may be personal data (a name, NPI or birth date): never print it.
        return code == null ? "Parsed[ok]" : "Parsed[" + code + "]";
    }
}
