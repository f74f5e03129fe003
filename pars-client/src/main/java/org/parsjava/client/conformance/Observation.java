/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.conformance;

import java.util.Objects;
import org.parsjava.client.ParsEndpoints;

/**
 * One exchange a conformance run made, as evidence: the operation, the method and path template
 * (never the resolved path, which may hold learner values), and what came back. The body's shape
 * is redacted: markup and names kept, every value replaced.
 *
 * @param operation the operation tried
 * @param method the HTTP method
 * @param pathTemplate the path template tried, relative to the base URL
 * @param status the HTTP status, or 0 when nothing came back
 * @param contentType the answer's content type, or empty
 * @param bodyShape the answer's body with every value redacted (at most 400 characters)
 */
public record Observation(
        ParsEndpoints.Operation operation,
        String method,
        String pathTemplate,
        int status,
        String contentType,
        String bodyShape) {

    /** Rejects nulls. */
    public Observation {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bodyShape, "bodyShape");
    }

    /** One line: {@code POST /learner-activities -> 400 application/json {"code":"***",...}}. */
    @Override
    public String toString() {
        return method + " /" + pathTemplate + " -> " + (status == 0 ? "no answer" : status)
                + (contentType.isEmpty() ? "" : " " + contentType) + (bodyShape.isEmpty() ? "" : " " + bodyShape);
    }
}
