/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

/**
 * ACCME's Excel upload file of the rows to fix, and how many rows it holds and left out.
 *
 * @param bytes the file
 * @param written rows to fix written to it
 * @param leftOut rows to fix that were not: refused before sending (fixed at their source), no
 *     longer passing the checks as of today, or without learner data
 */
record UploadFile(byte[] bytes, int written, int leftOut) {}
