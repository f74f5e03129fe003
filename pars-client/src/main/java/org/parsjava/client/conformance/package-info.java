/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What pars-java assumes about the PARS web services, and a run that checks it: the
 * {@link org.parsjava.client.conformance.WireAssumptions} catalogue names every assumption with its
 * source, and a {@link org.parsjava.client.conformance.ConformanceRun} against a PARS (ACCME's test
 * environment) marks each confirmed, refuted (with what was observed) or not tested.
 */
package org.parsjava.client.conformance;
