/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.io.IOException;
import java.util.Optional;

/** How a request is let in: one-time links and a session cookie, or the host application's accounts. */
public interface Access {

    /**
     * The visitor, or empty when this method has answered the request itself (a refusal, or the
     * redirect that follows opening a session).
     */
    Optional<Visitor> admit(Exchange x) throws IOException;
}
