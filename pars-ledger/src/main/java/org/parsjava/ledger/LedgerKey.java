/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The caller's 256-bit key that encrypts the personal part of every ledger entry (AES-GCM, the
 * JDK's own provider). Keep it in your secrets store: without it the entries' learner data
 * cannot be read, and with another key the ledger refuses to start. {@link #toString()} never
 * shows it.
 */
public final class LedgerKey {

    private final byte[] bytes;

    private LedgerKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a ledger key is 32 bytes (256 bits), not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** A key from its 32 bytes (copied). */
    public static LedgerKey of(byte[] bytes) {
        return new LedgerKey(Objects.requireNonNull(bytes, "bytes"));
    }

    /** A key from its Base64 text (as {@link #toBase64()} writes it). */
    public static LedgerKey fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        try {
            return new LedgerKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            // The message of Base64's exception could quote the key; it is not passed on.
            throw new IllegalArgumentException("the ledger key is not Base64 text of 32 bytes");
        }
    }

    /** A new random key. */
    public static LedgerKey generate() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new LedgerKey(b);
    }

    /** The key as Base64 text, to store in a secrets manager. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A copy of the key's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerKey k && java.security.MessageDigest.isEqual(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "LedgerKey[***]";
    }
}
