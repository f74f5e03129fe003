/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each PARS operation lives, relative to the base URL, and its HTTP method. The learner
 * service file and operation names are from ACCME's 2025 manual as reported (REFERENCE.md
 * 2.2); the activity service file, the per-operation suffix and the methods are inferred (WCF
 * "webHttp" convention: {@code Service.svc/Operation}). Correct them here when the sandbox
 * says otherwise. Immutable.
 */
public final class ParsEndpoints {

    /** The operations the client performs. */
    public enum Operation {
        /** Create, update or delete an activity. */
        SAVE_ACTIVITY("SaveActivity", "POST", "ACCMEActivityService.svc/SaveActivity"),
        /** Read one of the provider's activities by ACCME Activity ID. */
        GET_ACTIVITY("GetActivity", "GET", "ACCMEActivityService.svc/GetActivity"),
        /** Add or delete learner completions. */
        SAVE_LEARNER_ACTIVITY("SaveLearnerActivity", "POST", "ACCMELearnerService.svc/SaveLearnerActivity"),
        /** Status of a credit line by CreditID. */
        GET_LEARNER_STATUS("GetLearnerStatusByCreditId", "GET", "ACCMELearnerService.svc/GetLearnerStatusByCreditId"),
        /** Pre-match a learner's identity. */
        GET_LEARNER_MATCH("GetLearnerMatch", "POST", "ACCMELearnerService.svc/GetLearnerMatch");

        private final String parsName;
        private final String defaultMethod;
        private final String defaultPath;

        Operation(String parsName, String defaultMethod, String defaultPath) {
            this.parsName = parsName;
            this.defaultMethod = defaultMethod;
            this.defaultPath = defaultPath;
        }

        /** The operation's name in ACCME's manual, used in messages and logs. */
        public String parsName() {
            return parsName;
        }
    }

    /** Query parameter carrying the CreditID of a status lookup (draft "approach B", REFERENCE.md 2.6). */
    public static final String CREDIT_ID_PARAMETER = "CreditId";
    /** Query parameter carrying the ACCME Activity ID of an activity read (inferred). */
    public static final String ACTIVITY_ID_PARAMETER = "ActivityId";
    /** Query parameters of an activity search by the provider's own keys (draft REST query, REFERENCE.md 2.2). */
    public static final String PROVIDER_ACTIVITY_ID_PARAMETER = "providerActivityId";
    /** Start date ({@code YYYY-MM-DD}) of an activity search (draft REST query, REFERENCE.md 2.2). */
    public static final String ACTIVITY_START_DATE_PARAMETER = "activityStartDate";
    /** Activity type name of an activity search (draft REST query, REFERENCE.md 2.2). */
    public static final String ACTIVITY_TYPE_PARAMETER = "activityTypeName";

    private static final ParsEndpoints DEFAULTS = builder().build();

    private final Map<Operation, String> paths;
    private final Map<Operation, String> methods;

    private ParsEndpoints(Builder b) {
        this.paths = new EnumMap<>(b.paths);
        this.methods = new EnumMap<>(b.methods);
    }

    /** The defaults described above. */
    public static ParsEndpoints defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The path of {@code op}, relative to the base URL. */
    public String path(Operation op) {
        return paths.get(op);
    }

    /** The HTTP method of {@code op}. */
    public String method(Operation op) {
        return methods.get(op);
    }

    /** Builds {@link ParsEndpoints}. */
    public static final class Builder {
        private final Map<Operation, String> paths = new EnumMap<>(Operation.class);
        private final Map<Operation, String> methods = new EnumMap<>(Operation.class);

        private Builder() {
            for (Operation op : Operation.values()) {
                paths.put(op, op.defaultPath);
                methods.put(op, op.defaultMethod);
            }
        }

        /** Sets the path of {@code op} relative to the base URL (no leading slash). */
        public Builder path(Operation op, String path) {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(path, "path");
            paths.put(op, path.startsWith("/") ? path.substring(1) : path);
            return this;
        }

        /**
         * Sets the HTTP method of {@code op}: {@code GET} or {@code POST} for a read, and only
         * {@code POST} for an operation that sends a document (a GET would drop its body).
         */
        public Builder method(Operation op, String method) {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(method, "method");
            if (!method.equals("GET") && !method.equals("POST")) {
                throw new IllegalArgumentException("method must be GET or POST");
            }
            if (method.equals("GET") && op.defaultMethod.equals("POST")) {
                throw new IllegalArgumentException(op.parsName + " sends a document, so its method must be POST");
            }
            methods.put(op, method);
            return this;
        }

        /** Builds the endpoints. */
        public ParsEndpoints build() {
            return new ParsEndpoints(this);
        }
    }
}
