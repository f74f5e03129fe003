/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

/**
 * Progress of a submission after one chunk was sent.
 *
 * @param chunk one-based number of the chunk just finished
 * @param chunks how many chunks the valid records were split into
 * @param recordsDone records with a final outcome so far, including invalid ones
 * @param total records in the submission
 * @param accepted accepted so far
 * @param rejected rejected by PARS so far
 * @param invalid refused locally
 * @param failed failed so far
 */
public record ChunkProgress(
        int chunk, int chunks, int recordsDone, int total, int accepted, int rejected, int invalid, int failed) {

    /** Fraction done, from 0.0 to 1.0. */
    public double fraction() {
        return total == 0 ? 1.0 : (double) recordsDone / total;
    }
}
