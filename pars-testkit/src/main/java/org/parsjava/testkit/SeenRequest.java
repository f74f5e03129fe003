/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

/**
 * A request the simulator received, for assertions.
 *
 * @param operation the PARS operation name ({@code SaveLearnerActivity}, ...), or {@code unknown}
 * @param method HTTP method
 * @param path request path
 * @param status the status answered (0 when the connection was dropped)
 * @param records learner reports in the body (0 for other operations)
 */
public record SeenRequest(String operation, String method, String path, int status, int records) {}
