/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The reporting job every entry point runs: {@link org.parsjava.job.ReportingJob} reads a
 * {@link org.parsjava.job.Roster}, validates every row, reports the valid ones to a
 * {@link org.parsjava.job.Destination} (a ledger, PARS itself, ACCME's upload file, or nowhere for
 * a check), tells each row's {@link org.parsjava.job.RowOutcome} to its
 * {@link org.parsjava.job.RowListener}s and returns a {@link org.parsjava.job.JobSummary}.
 */
package org.parsjava.job;
