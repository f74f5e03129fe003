/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.parsjava.ledger.LedgerException;

/**
 * The compression of a payload's plaintext before it is sealed (format version 2 of
 * {@link PayloadCipher}): raw deflate primed with a dictionary of the payload's JSON shape, so a
 * few hundred bytes of field names and fixed values shrink to about half. The dictionary is part
 * of the stored format: it never changes (another would be another format version). Compressors
 * are reused from a small pool, so their native memory is not allocated per payload. What is
 * inflated was authenticated first (AES-GCM), so it is what this ledger compressed. Thread safe.
 */
final class PayloadDeflate {

    /** Field names and frequent values, the most frequent last (zlib reaches those cheapest). */
    static final byte[] DICTIONARY = ("\"ABA\":\"ABIM\":\"ABP\":\"ABS\":\"ABPath\":\"NBPAS\":\"profession\":\"\","
                    + "{\"activityRef\":\"\",\"activityStatus\":\"ACTIVE\",\"birthDate\":\"\",\"boardIds\":{},\"cme\":"
                    + "1,\"completionDate\":\"20\",\"consent\":true,\"firstName\":\"\",\"key\":\"\",\"lastName\":\"\","
                    + "\"licenseNumber\":\"\",\"licenseState\":\"\",\"moc\":{},\"npi\":\"\"}")
            .getBytes(StandardCharsets.US_ASCII);

    /** Compressors kept for reuse at most. */
    private static final int POOLED = 8;

    private static final Queue<Deflater> DEFLATERS = new ConcurrentLinkedQueue<>();
    private static final Queue<Inflater> INFLATERS = new ConcurrentLinkedQueue<>();

    private PayloadDeflate() {}

    static byte[] deflate(byte[] plain) {
        Deflater d = DEFLATERS.poll();
        if (d == null) {
            d = new Deflater(Deflater.BEST_SPEED, true);
        }
        try {
            d.setDictionary(DICTIONARY);
            d.setInput(plain);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 16);
            byte[] buffer = new byte[Math.max(64, plain.length)];
            while (!d.finished()) {
                out.write(buffer, 0, d.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            d.reset();
            if (DEFLATERS.size() < POOLED) {
                DEFLATERS.offer(d);
            } else {
                d.end();
            }
        }
    }

    static byte[] inflate(byte[] deflated, int offset, int length) {
        Inflater i = INFLATERS.poll();
        if (i == null) {
            i = new Inflater(true);
        }
        try {
            i.setDictionary(DICTIONARY);
            i.setInput(deflated, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * 3);
            byte[] buffer = new byte[Math.max(256, length * 3)];
            while (!i.finished()) {
                int n = i.inflate(buffer);
                if (n == 0 && (i.needsInput() || i.needsDictionary())) {
                    throw new LedgerException("a ledger payload is incomplete");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new LedgerException("a ledger payload is not in a format this version reads");
        } finally {
            i.reset();
            if (INFLATERS.size() < POOLED) {
                INFLATERS.offer(i);
            } else {
                i.end();
            }
        }
    }
}
