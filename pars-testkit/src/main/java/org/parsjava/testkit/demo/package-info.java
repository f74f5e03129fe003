/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Demo data: {@link org.parsjava.testkit.demo.DemoActivities} and synthetic rosters
 * ({@link org.parsjava.testkit.demo.DemoRoster}) with fictional physicians, for demos,
 * rehearsals and tests. Never real learner data.
 */
package org.parsjava.testkit.demo;
