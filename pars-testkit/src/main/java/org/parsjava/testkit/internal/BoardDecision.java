/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit.internal;

import java.util.Optional;
import org.parsjava.core.model.BoardReason;
import org.parsjava.core.model.CreditStatus;

/**
 * A certifying board's verdict on one MOC line, as a simulated PARS shows it.
 *
 * @param state accepted, rejected, or still pending
 * @param reason why the board rejected it
 */
public record BoardDecision(CreditStatus.State state, Optional<BoardReason> reason) {}
