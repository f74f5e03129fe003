/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parsjava.ledger.internal.PayloadCipher;

class PayloadCipherTest {

    private final PayloadCipher cipher = new PayloadCipher(LedgerKey.generate().bytes());
    private final byte[] plain = "{\"firstName\":\"Jane\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedDataOpensOnlyForItsOwnEntryUnalteredAndUnderTheSameKey() {
        byte[] sealed = cipher.seal(plain, "0001234\u0000k1");
        assertArrayEquals(plain, cipher.open(sealed, "0001234\u0000k1"));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Jane"));
        assertThrows(LedgerException.class, () -> cipher.open(sealed, "0001234\u0000k2"), "moved to another entry");
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(LedgerException.class, () -> cipher.open(altered, "0001234\u0000k1"), "altered");
        PayloadCipher other = new PayloadCipher(LedgerKey.generate().bytes());
        assertThrows(LedgerException.class, () -> other.open(sealed, "0001234\u0000k1"), "another key");
    }

    @Test
    void aPayloadSealedBeforeCompressionStillOpens() {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 7);
        // Sealed by the format before compression (version 1), with this key, for this entry.
        byte[] stored = java.util.HexFormat.of()
                .parseHex("01401b198bd93117fd03a2cea269d7d171b283495abde5f118478bac136d657c795859dee0668de71dd"
                        + "4118e39516ebca32fa0ff4c263ee88449d6c5");
        PayloadCipher c = new PayloadCipher(key);
        assertEquals(
                "{\"firstName\":\"Jane\",\"key\":\"k1\"}",
                new String(c.open(stored, "0001234\u0000k1"), StandardCharsets.UTF_8));
        assertThrows(LedgerException.class, () -> c.open(stored, "0001234\u0000k2"));
    }

    @Test
    void aPayloadIsCompressedBeforeItIsSealedAndComesBackWhole() {
        String completion = "{\"activityRef\":\"" + "6f".repeat(32) + "\",\"activityStatus\":\"ACTIVE\","
                + "\"birthDate\":\"08-14\",\"boardIds\":{\"ABIM\":\"693614\"},\"cme\":0.75,"
                + "\"completionDate\":\"2026-04-03\",\"consent\":true,\"firstName\":\"Jane\",\"key\":\"enr-0\","
                + "\"lastName\":\"Sample\",\"licenseNumber\":\"L866882\",\"licenseState\":\"MT\","
                + "\"moc\":{\"ABIM_MEDICAL_KNOWLEDGE\":1},\"npi\":\"1400182949\"}";
        byte[] bytes = completion.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = cipher.seal(bytes, "0001234\u0000enr-0");
        assertEquals(2, sealed[0], "format version 2: compressed, then encrypted");
        byte[] relabelled = sealed.clone();
        relabelled[0] = 1;
        assertThrows(
                LedgerException.class,
                () -> cipher.open(relabelled, "0001234\u0000enr-0"),
                "the format byte is authenticated: changed, the payload does not open");
        assertTrue(sealed.length < bytes.length * 3 / 4, sealed.length + " bytes sealed for " + bytes.length);
        assertArrayEquals(bytes, cipher.open(sealed, "0001234\u0000enr-0"));
        // Many at once on several threads: the pooled compressors are not shared while in use.
        java.util.List<byte[]> all = java.util.stream.IntStream.range(0, 2_000)
                .parallel()
                .mapToObj(i -> cipher.seal((completion + i).getBytes(StandardCharsets.UTF_8), "k" + i))
                .toList();
        for (int i = 0; i < all.size(); i++) {
            assertEquals(completion + i, new String(cipher.open(all.get(i), "k" + i), StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachSealUsesAFreshNonceAndFingerprintsAreKeyed() {
        assertFalse(java.util.Arrays.equals(cipher.seal(plain, "a"), cipher.seal(plain, "a")));
        assertEquals(cipher.fingerprint(plain), cipher.fingerprint(plain.clone()));
        assertNotEquals(
                cipher.fingerprint(plain),
                new PayloadCipher(LedgerKey.generate().bytes()).fingerprint(plain));
    }

    @Test
    void aLedgerKeyIsThirtyTwoBytesAndNeverPrinted() {
        LedgerKey k = LedgerKey.generate();
        assertEquals(k, LedgerKey.fromBase64(k.toBase64()));
        assertFalse(k.toString().contains(k.toBase64()));
        assertThrows(IllegalArgumentException.class, () -> LedgerKey.of(new byte[16]));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LedgerKey.fromBase64("not-base64-secret!"));
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void threadsShareThePooledCiphersSafelyAndARefusedOpenLeavesThemUsable() throws Exception {
        byte[] sealed = cipher.seal(plain, "0001234\u0000k1");
        assertThrows(LedgerException.class, () -> cipher.open(sealed, "0001234\u0000k2"));
        assertArrayEquals(plain, cipher.open(sealed, "0001234\u0000k1"), "after a refused open");
        String mac = cipher.fingerprint(plain);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> all = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        byte[] mine = ("{\"key\":\"" + thread + "-" + i + "\"}").getBytes(StandardCharsets.UTF_8);
                        String entry = "0001234\u0000" + thread + "-" + i;
                        if (!java.util.Arrays.equals(mine, cipher.open(cipher.seal(mine, entry), entry))
                                || !mac.equals(cipher.fingerprint(plain))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : all) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
