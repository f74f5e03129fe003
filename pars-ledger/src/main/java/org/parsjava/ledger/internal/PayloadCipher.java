/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.parsjava.ledger.LedgerException;

/**
 * Seals the personal part of an entry with AES-256-GCM (a fresh 96-bit nonce per payload, the
 * entry's provider and key as associated data, so a payload moved to another row does not
 * open), and fingerprints content with HMAC-SHA-256 so unchanged records are recognised without
 * storing anything readable. Both keys are derived from the caller's key. Thread safe.
 *
 * <p>Format: {@code [version][nonce][ciphertext and tag]}. Version 2 (written now) encrypts the
 * plaintext compressed ({@link PayloadDeflate}) and authenticates the version byte with the
 * associated data; version 1 (written before) encrypts it as it is, and still opens. A payload holds one learner's completion only, so its length says no
 * more about anyone else's data than an uncompressed one's.
 */
public final class PayloadCipher {

    /** The format written: the plaintext compressed, then encrypted. */
    private static final byte VERSION = 2;

    /** The earlier format, still read: the plaintext encrypted as it is. */
    private static final byte VERSION_UNCOMPRESSED = 1;

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryption;
    private final SecretKeySpec fingerprint;
    private final SecureRandom random = new SecureRandom();

    /*
     * Ciphers and MACs made once and reused by whichever thread needs one: looking them up per
     * payload, and expanding the key on each init, cost more than sealing a payload does. A GCM
     * cipher is initialised afresh (with a new nonce) for every payload; a MAC, once initialised,
     * starts over after each doFinal. The pools belong to this object, so the keys they hold go
     * with it (held per thread, they would stay with pooled threads after the ledger closed).
     */
    private static final int POOLED = 8;

    private final java.util.concurrent.BlockingQueue<Cipher> ciphers =
            new java.util.concurrent.ArrayBlockingQueue<>(POOLED);
    private final java.util.concurrent.BlockingQueue<Mac> macs = new java.util.concurrent.ArrayBlockingQueue<>(POOLED);

    /** Derives the two keys from the caller's 32 bytes. */
    public PayloadCipher(byte[] key) {
        this.encryption = new SecretKeySpec(derive(key, "pars-ledger payload encryption"), "AES");
        this.fingerprint = new SecretKeySpec(derive(key, "pars-ledger content fingerprint"), "HmacSHA256");
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** {@code [version][nonce][ciphertext and tag]}, the plaintext compressed first. */
    public byte[] seal(byte[] plain, String associated) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = cipher();
            byte[] sealed;
            try {
                c.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, nonce));
                c.updateAAD(new byte[] {VERSION}); // the format is authenticated too
                c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
                sealed = c.doFinal(PayloadDeflate.deflate(plain));
            } finally {
                ciphers.offer(c); // initialised afresh by its next use, whatever happened here
            }
            return ByteBuffer.allocate(1 + NONCE + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new LedgerException(
                    "could not encrypt a ledger payload (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Opens what {@link #seal} wrote for the same associated data.
     *
     * @throws LedgerException when the key is not the one the payload was sealed with, or the
     *     payload was altered or moved
     */
    public byte[] open(byte[] sealed, String associated) {
        if (sealed.length < 1 + NONCE + TAG_BITS / 8 || (sealed[0] != VERSION && sealed[0] != VERSION_UNCOMPRESSED)) {
            throw new LedgerException("a ledger payload is not in a format this version reads");
        }
        try {
            Cipher c = cipher();
            byte[] opened;
            try {
                c.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
                if (sealed[0] != VERSION_UNCOMPRESSED) {
                    c.updateAAD(new byte[] {sealed[0]});
                }
                c.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
                opened = c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
            } finally {
                ciphers.offer(c);
            }
            return sealed[0] == VERSION ? PayloadDeflate.inflate(opened, 0, opened.length) : opened;
        } catch (GeneralSecurityException e) {
            throw new LedgerException(
                    "a ledger payload does not open with this key (wrong key, or the data was " + "altered)");
        }
    }

    /** A keyed fingerprint of {@code content}, hex. */
    public String fingerprint(byte[] content) {
        Mac mac = mac();
        try {
            return HexFormat.of().formatHex(mac.doFinal(content));
        } finally {
            macs.offer(mac); // dropped when the pool is full
        }
    }

    /** A pooled cipher, or a new one (dropped after use when the pool is full). */
    private Cipher cipher() {
        Cipher c = ciphers.poll();
        if (c != null) {
            return c;
        }
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available in this JDK", e);
        }
    }

    /** A pooled fingerprint MAC, or a new one (dropped after use when the pool is full). */
    private Mac mac() {
        Mac pooled = macs.poll();
        if (pooled != null) {
            return pooled;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprint);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
