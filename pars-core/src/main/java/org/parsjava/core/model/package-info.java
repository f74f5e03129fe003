/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The PARS domain model: immutable activities, learners and completions with their value types
 * and code lists. Nothing here knows PARS wire names; see {@code org.parsjava.core.codec}.
 */
package org.parsjava.core.model;
