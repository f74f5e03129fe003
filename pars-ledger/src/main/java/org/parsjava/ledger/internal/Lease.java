/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.ledger.internal;

import java.time.Instant;

/**
 * A node's hold on entries it is about to send: other nodes skip them until {@code until}, and
 * from {@code since} on they count as being sent (a drain that finds them after this node died
 * asks PARS whether it holds them before sending).
 */
public record Lease(String node, Instant until, Instant since) {}
