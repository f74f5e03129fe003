/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

/**
 * Receives progress of a long submission, once per chunk, on the submitting thread. Keep it
 * quick; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface SubmissionListener {

    /** Does nothing. */
    SubmissionListener NONE = p -> {};

    /** Called after each chunk. */
    void onChunk(ChunkProgress progress);
}
