/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A PARS stand-in for integration tests: {@link org.parsjava.testkit.ParsSimulator}, its JUnit 5
 * extension and a standalone entry point.
 */
package org.parsjava.testkit;
