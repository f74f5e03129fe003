/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

/**
 * How far a run has come: told to listeners after every slice of rows, and while a slice is sent
 * straight to PARS, after every chunk.
 *
 * @param rowsRead roster rows read so far
 * @param rowsSettled rows whose outcome is known so far
 * @param slice the slice being reported (1 for the first)
 * @param sliceFraction how much of that slice has been sent, from 0 to 1
 */
public record JobProgress(long rowsRead, long rowsSettled, int slice, double sliceFraction) {}
