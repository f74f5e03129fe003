/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void onlyFailuresBeforeTheRequestWasWrittenCountAsNotApplied() {
        assertFalse(Transport.maybeApplied(new ConnectException("refused")));
        assertFalse(Transport.maybeApplied(new UnknownHostException("pars.example")));
        assertFalse(Transport.maybeApplied(new SSLHandshakeException("bad certificate")));
        // A TLS failure after the handshake (a bad record, a reset) may follow a written request.
        assertTrue(Transport.maybeApplied(new SSLException("connection reset")));
        assertTrue(Transport.maybeApplied(new SocketTimeoutException("read timed out")));
        assertTrue(Transport.maybeApplied(new IOException("unexpected end of stream")));
    }

    @Test
    void statusClassesSplitIntoNotAppliedAndUnknown() {
        for (int s : new int[] {408, 429, 503}) {
            assertTrue(Transport.retryableNotApplied(s), "" + s);
            assertFalse(Transport.retryableUnknown(s), "" + s);
        }
        for (int s : new int[] {500, 502, 504}) {
            assertTrue(Transport.retryableUnknown(s), "" + s);
        }
        for (int s : new int[] {400, 404, 501, 505}) {
            assertFalse(Transport.retryableUnknown(s) || Transport.retryableNotApplied(s), "" + s);
        }
    }
}
