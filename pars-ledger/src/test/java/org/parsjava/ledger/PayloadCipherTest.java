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
}
