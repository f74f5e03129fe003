/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each PARS operation lives: for every {@link Operation}, an {@link Endpoint} with its
 * HTTP method, path template, parameter names and the statuses that mean success. Two presets
 * hold everything known about the two generations of the PARS API, and nothing else in the SDK
 * knows a path or a parameter name:
 *
 * <ul>
 *   <li>{@link #wcf()} (the default): the WCF services named in ACCME's 2025 manual as reported
 *       (docs/pars-reference.md 2.2). The learner service file and operation names are reported; the
 *       activity service file, the {@code Service.svc/Operation} form, the methods and the
 *       {@code ActivityId} parameter are inferred. The transcript reads are the draft's routes.
 *   <li>{@link #rest()}: ACCME's draft OpenAPI contracts (learner activity, activity and
 *       transcript APIs, commit 2188a21b of the public {@code tempSchema} drafts). Learner
 *       match has no route there, so it is not supported. Assumed where the drafts are silent:
 *       the paths are relative to the base URL PARS gives you; {@code learnerId} is one of the
 *       learner's identifiers (NPI, state license or board ID), as the draft's text says.
 * </ul>
 *
 * <p>Start from a preset and correct single endpoints with {@link #toBuilder()} when a sandbox
 * says otherwise. Immutable and thread safe.
 */
public final class ParsEndpoints {

    /** The two generations of the PARS web services. */
    public enum Generation {
        /** The WCF services ({@code ACCMELearnerService.svc/...}); XML by default. */
        WCF,
        /** The draft REST API ({@code /learner-activities}, {@code /activities}); JSON. */
        REST
    }

    /** The operations the client performs. */
    public enum Operation {
        /** Create, update or delete an activity. */
        SAVE_ACTIVITY("SaveActivity"),
        /** Read one of the provider's activities by ACCME Activity ID. */
        GET_ACTIVITY("GetActivity"),
        /** Search the provider's activities by its own activity ID, start date and type. */
        FIND_ACTIVITIES("FindActivities"),
        /** Add or delete learner completions. */
        SAVE_LEARNER_ACTIVITY("SaveLearnerActivity"),
        /** Read the learner records held under one learner identifier (REST only). */
        GET_LEARNER_ACTIVITY("GetLearnerActivity"),
        /** Delete the learner records held under one learner identifier (REST only). */
        DELETE_LEARNER_ACTIVITY("DeleteLearnerActivity"),
        /** Status of a credit line by CreditID (the drafts' "approach B"). */
        GET_LEARNER_STATUS("GetLearnerStatusByCreditId"),
        /** Status by activity, birth date, completion date and identifier ("approach A"). */
        GET_LEARNER_STATUS_BY_LEARNER("GetLearnerStatusByLearner"),
        /** Pre-match a learner's identity (WCF only). */
        GET_LEARNER_MATCH("GetLearnerMatch"),
        /** A learner's transcript. */
        GET_LEARNER_TRANSCRIPT("GetLearnerTranscriptbyLearner"),
        /** A learner's transcript as a PDF document. */
        GET_LEARNER_TRANSCRIPT_PDF("GetLearnerTranscriptbyLearnerPDF"),
        /** A learner's total credits between two dates. */
        GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE("GetLearnerTranscriptCreditsByDate");

        private final String parsName;

        Operation(String parsName) {
            this.parsName = parsName;
        }

        /** The operation's name in ACCME's material, used in messages and logs. */
        public String parsName() {
            return parsName;
        }
    }

    /** The values an operation may carry in its path or query; each endpoint names them on the wire. */
    public enum Parameter {
        /** ACCME Activity ID (9 digits). */
        ACTIVITY_ID,
        /** The provider's own activity ID. */
        PROVIDER_ACTIVITY_ID,
        /** An activity's start date, {@code YYYY-MM-DD}. */
        ACTIVITY_START_DATE,
        /** PARS's name of an activity type. */
        ACTIVITY_TYPE_NAME,
        /** A learner identifier (personal data). */
        LEARNER_ID,
        /** A CreditID. */
        CREDIT_ID,
        /** The ACCME Activity ID of a status lookup by learner. */
        MODULE_ID,
        /** Birth date, {@code MM-DD} (personal data). */
        BIRTH_DATE,
        /** Completion date, {@code YYYY-MM-DD}. */
        COMPLETION_DATE,
        /** A learner identifier of a status lookup by learner (personal data). */
        UNIQUE_ID,
        /** Given name (personal data). */
        FIRST_NAME,
        /** Family name (personal data). */
        LAST_NAME,
        /** Two-letter code of the licensing state. */
        STATE_OF_LICENSURE,
        /** State medical license number (personal data). */
        STATE_MEDICAL_LICENSE_ID,
        /** NPI (personal data). */
        NPI,
        /** First completion date of a transcript. */
        COMPLETION_DATE_RANGE_START,
        /** Last completion date of a transcript. */
        COMPLETION_DATE_RANGE_END,
        /** First day of a credit total. */
        START_DATE,
        /** Last day of a credit total. */
        END_DATE
    }

    /**
     * One operation's route: HTTP method, path template relative to the base URL (path
     * parameters in braces, e.g. {@code learner-activities/{learnerId}}), the wire name of each
     * parameter it takes and the statuses that mean success. A parameter whose wire name appears
     * in braces in the template goes into the path, any other into the query. Immutable.
     */
    public static final class Endpoint {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");
        private static final Set<String> METHODS = Set.of("GET", "POST", "DELETE");

        private final String method;
        private final String pathTemplate;
        private final Map<Parameter, String> names;
        private final Set<Integer> success;

        private Endpoint(String method, String pathTemplate, Map<Parameter, String> names, Set<Integer> success) {
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.names = Collections.unmodifiableMap(
                    new EnumMap<>(names.isEmpty() ? new EnumMap<>(Parameter.class) : names));
            this.success = Collections.unmodifiableSet(new TreeSet<>(success));
            Set<String> placeholders = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(pathTemplate);
            while (m.find()) {
                placeholders.add(m.group(1));
            }
            if (!this.names.values().containsAll(placeholders)) {
                throw new IllegalArgumentException(
                        "path template " + pathTemplate + " has a placeholder no parameter is named after");
            }
        }

        /**
         * An endpoint.
         *
         * @param method {@code GET}, {@code POST} or {@code DELETE}
         * @param pathTemplate the path relative to the base URL, without a leading slash
         * @param names the wire name of each parameter the operation takes
         * @param success the HTTP statuses that mean success (all 2xx when empty)
         */
        public static Endpoint of(
                String method, String pathTemplate, Map<Parameter, String> names, Set<Integer> success) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathTemplate, "pathTemplate");
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(success, "success");
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("method must be GET, POST or DELETE");
            }
            String path = pathTemplate.startsWith("/") ? pathTemplate.substring(1) : pathTemplate;
            if (path.isEmpty()) {
                throw new IllegalArgumentException("pathTemplate is empty");
            }
            for (int status : success) {
                if (status < 200 || status > 299) {
                    throw new IllegalArgumentException("a success status must be 2xx: " + status);
                }
            }
            names.forEach((p, n) -> {
                Objects.requireNonNull(p, "parameter");
                if (n == null || n.isBlank()) {
                    throw new IllegalArgumentException("the wire name of " + p + " is blank");
                }
            });
            return new Endpoint(method, path, names, success);
        }

        /** The HTTP method. */
        public String method() {
            return method;
        }

        /** The path template, relative to the base URL. */
        public String pathTemplate() {
            return pathTemplate;
        }

        /** The wire name of each parameter the operation takes. */
        public Map<Parameter, String> parameterNames() {
            return names;
        }

        /** The statuses that mean success; empty means any 2xx. */
        public Set<Integer> successStatuses() {
            return success;
        }

        /** Whether {@code status} means success for this endpoint. */
        public boolean isSuccess(int status) {
            return success.isEmpty() ? status >= 200 && status < 300 : success.contains(status);
        }

        /** Whether {@code parameter} is a path parameter here. */
        public boolean inPath(Parameter parameter) {
            String name = names.get(parameter);
            return name != null && pathTemplate.contains("{" + name + "}");
        }

        /**
         * The path segments and query of a call with {@code values}.
         *
         * @throws IllegalArgumentException when a value is given for a parameter this endpoint
         *     does not take, or a path parameter has no value (messages name the parameter, never
         *     its value)
         */
        public Resolved resolve(Map<Parameter, String> values) {
            Objects.requireNonNull(values, "values");
            String path = pathTemplate;
            Map<String, String> query = new LinkedHashMap<>();
            for (Map.Entry<Parameter, String> e : values.entrySet()) {
                String name = names.get(e.getKey());
                if (name == null) {
                    throw new IllegalArgumentException(
                            e.getKey() + " is not a parameter of " + method + " " + pathTemplate);
                }
                if (path.contains("{" + name + "}")) {
                    String v = e.getValue().strip();
                    if (v.isEmpty() || v.equals(".") || v.equals("..")) {
                        // "", "." and ".." would name another resource (the collection, the parent).
                        throw new IllegalArgumentException(e.getKey() + " is empty or a dot segment");
                    }
                    path = path.replace("{" + name + "}", encodeSegment(v));
                } else {
                    query.put(name, e.getValue());
                }
            }
            if (PLACEHOLDER.matcher(path).find()) {
                throw new IllegalArgumentException("a path parameter of " + pathTemplate + " has no value");
            }
            return new Resolved(path, query);
        }

        private static String encodeSegment(String value) {
            StringBuilder b = new StringBuilder();
            for (byte c : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                int u = c & 0xff;
                if ((u >= 'a' && u <= 'z')
                        || (u >= 'A' && u <= 'Z')
                        || (u >= '0' && u <= '9')
                        || u == '-'
                        || u == '_'
                        || u == '~'
                        || u == ':') {
                    b.append((char) u);
                } else {
                    b.append('%').append(String.format("%02X", u));
                }
            }
            return b.toString();
        }

        /**
         * Whether a request path (already without the base URL's own path) is this endpoint's:
         * the template with any value in place of each path parameter.
         */
        public boolean matches(String path) {
            return pattern()
                    .matcher(path.startsWith("/") ? path.substring(1) : path)
                    .matches();
        }

        /** The values of the path parameters in a matching path, by parameter. */
        public Map<Parameter, String> pathValues(String path) {
            Matcher m = pattern().matcher(path.startsWith("/") ? path.substring(1) : path);
            Map<Parameter, String> out = new EnumMap<>(Parameter.class);
            if (!m.matches()) {
                return out;
            }
            List<String> order = new ArrayList<>();
            Matcher p = PLACEHOLDER.matcher(pathTemplate);
            while (p.find()) {
                order.add(p.group(1));
            }
            for (int i = 0; i < order.size(); i++) {
                String value = java.net.URLDecoder.decode(
                        m.group(i + 1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
                for (Map.Entry<Parameter, String> e : names.entrySet()) {
                    if (e.getValue().equals(order.get(i))) {
                        out.put(e.getKey(), value);
                    }
                }
            }
            return out;
        }

        private Pattern pattern() {
            StringBuilder regex = new StringBuilder();
            Matcher p = PLACEHOLDER.matcher(pathTemplate);
            int last = 0;
            while (p.find()) {
                regex.append(Pattern.quote(pathTemplate.substring(last, p.start())))
                        .append("([^/]+)");
                last = p.end();
            }
            regex.append(Pattern.quote(pathTemplate.substring(last)));
            return Pattern.compile(regex.toString());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Endpoint e
                    && method.equals(e.method)
                    && pathTemplate.equals(e.pathTemplate)
                    && names.equals(e.names)
                    && success.equals(e.success);
        }

        @Override
        public int hashCode() {
            return Objects.hash(method, pathTemplate, names, success);
        }

        @Override
        public String toString() {
            return method + " /" + pathTemplate;
        }
    }

    /**
     * A resolved call: the path relative to the base URL and the query parameters in order.
     *
     * @param path the path, path parameters filled in and encoded
     * @param query the query parameters by wire name
     */
    public record Resolved(String path, Map<String, String> query) {
        /** Copies the query. */
        public Resolved {
            Objects.requireNonNull(path, "path");
            query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        }

        /** The query's parameter names only: the path and the values may carry learner data. */
        @Override
        public String toString() {
            return "Resolved[query parameters " + query.keySet() + "; path and values withheld]";
        }
    }

    private static final Map<Parameter, String> TRANSCRIPT_NAMES = transcriptNames();
    private static final ParsEndpoints WCF = wcfPreset();
    private static final ParsEndpoints REST = restPreset();

    private final Generation generation;
    private final Map<Operation, Endpoint> endpoints;

    private ParsEndpoints(Generation generation, Map<Operation, Endpoint> endpoints) {
        this.generation = generation;
        this.endpoints = Collections.unmodifiableMap(new EnumMap<>(endpoints));
    }

    /** The WCF preset; the default. */
    public static ParsEndpoints wcf() {
        return WCF;
    }

    /** The draft REST preset. */
    public static ParsEndpoints rest() {
        return REST;
    }

    /** The preset of {@code generation}. */
    public static ParsEndpoints of(Generation generation) {
        return Objects.requireNonNull(generation, "generation") == Generation.WCF ? WCF : REST;
    }

    /** The default: {@link #wcf()}. */
    public static ParsEndpoints defaults() {
        return WCF;
    }

    /** The generation these endpoints belong to. */
    public Generation generation() {
        return generation;
    }

    /** Whether this generation has a route for {@code op}. */
    public boolean supports(Operation op) {
        return endpoints.containsKey(Objects.requireNonNull(op, "op"));
    }

    /**
     * The endpoint of {@code op}.
     *
     * @throws UnsupportedOperationException when this generation has no route for it
     */
    public Endpoint endpoint(Operation op) {
        Endpoint e = endpoints.get(Objects.requireNonNull(op, "op"));
        if (e == null) {
            throw new UnsupportedOperationException(
                    "PARS " + op.parsName() + " has no route in the " + generation + " generation of the PARS API");
        }
        return e;
    }

    /** Every operation's endpoint. */
    public Map<Operation, Endpoint> endpoints() {
        return endpoints;
    }

    /** A builder starting from these endpoints. */
    public Builder toBuilder() {
        return new Builder(generation, endpoints);
    }

    @Override
    public String toString() {
        return "ParsEndpoints[" + generation + ", " + endpoints.size() + " operations]";
    }

    /** Corrects single endpoints of a preset. */
    public static final class Builder {
        private final Generation generation;
        private final Map<Operation, Endpoint> endpoints;

        private Builder(Generation generation, Map<Operation, Endpoint> endpoints) {
            this.generation = generation;
            this.endpoints = new EnumMap<>(Operation.class);
            this.endpoints.putAll(endpoints);
        }

        /**
         * Sets the endpoint of {@code op}. An operation that sends a document
         * ({@link Operation#SAVE_ACTIVITY}, {@link Operation#SAVE_LEARNER_ACTIVITY},
         * {@link Operation#GET_LEARNER_MATCH}) must use POST: a GET would drop its body.
         */
        public Builder endpoint(Operation op, Endpoint endpoint) {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(endpoint, "endpoint");
            if (SENDS_DOCUMENT.contains(op) && !endpoint.method().equals("POST")) {
                throw new IllegalArgumentException(op.parsName() + " sends a document, so its method must be POST");
            }
            endpoints.put(op, endpoint);
            return this;
        }

        /** Removes the route of {@code op}: calls to it fail with {@link UnsupportedOperationException}. */
        public Builder remove(Operation op) {
            endpoints.remove(Objects.requireNonNull(op, "op"));
            return this;
        }

        /** Builds the endpoints. */
        public ParsEndpoints build() {
            return new ParsEndpoints(generation, endpoints);
        }
    }

    private static final Set<Operation> SENDS_DOCUMENT =
            EnumSet.of(Operation.SAVE_ACTIVITY, Operation.SAVE_LEARNER_ACTIVITY, Operation.GET_LEARNER_MATCH);

    private static Map<Parameter, String> transcriptNames() {
        Map<Parameter, String> m = new EnumMap<>(Parameter.class);
        m.put(Parameter.FIRST_NAME, "firstName");
        m.put(Parameter.LAST_NAME, "lastName");
        m.put(Parameter.STATE_OF_LICENSURE, "stateOfLicensure");
        m.put(Parameter.STATE_MEDICAL_LICENSE_ID, "stateMedicalLicenseID");
        m.put(Parameter.NPI, "npi");
        m.put(Parameter.COMPLETION_DATE_RANGE_START, "completionDateRangeStart");
        m.put(Parameter.COMPLETION_DATE_RANGE_END, "completionDateRangeEnd");
        return m;
    }

    private static Map<Parameter, String> names(Object... pairs) {
        Map<Parameter, String> m = new EnumMap<>(Parameter.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Parameter) pairs[i], (String) pairs[i + 1]);
        }
        return m;
    }

    /** The transcript routes: only the draft describes them, the same in both generations. */
    private static void transcripts(Map<Operation, Endpoint> m) {
        m.put(
                Operation.GET_LEARNER_TRANSCRIPT,
                Endpoint.of("GET", "GetLearnerTranscriptbyLearner", TRANSCRIPT_NAMES, Set.of(200)));
        m.put(
                Operation.GET_LEARNER_TRANSCRIPT_PDF,
                Endpoint.of("GET", "GetLearnerTranscriptbyLearnerPDF", TRANSCRIPT_NAMES, Set.of(200)));
        Map<Parameter, String> byDate = new EnumMap<>(TRANSCRIPT_NAMES);
        byDate.remove(Parameter.COMPLETION_DATE_RANGE_END);
        byDate.put(Parameter.START_DATE, "startDate");
        byDate.put(Parameter.END_DATE, "endDate");
        m.put(
                Operation.GET_LEARNER_TRANSCRIPT_CREDITS_BY_DATE,
                Endpoint.of("GET", "GetLearnerTranscriptCreditsByDate", byDate, Set.of(200)));
    }

    private static Map<Parameter, String> statusByLearnerNames() {
        return names(
                Parameter.MODULE_ID,
                "moduleID",
                Parameter.BIRTH_DATE,
                "BirthDate",
                Parameter.COMPLETION_DATE,
                "CompletionDate",
                Parameter.UNIQUE_ID,
                "UniqueID");
    }

    private static Map<Parameter, String> searchNames() {
        return names(
                Parameter.PROVIDER_ACTIVITY_ID,
                "providerActivityId",
                Parameter.ACTIVITY_START_DATE,
                "activityStartDate",
                Parameter.ACTIVITY_TYPE_NAME,
                "activityTypeName");
    }

    private static ParsEndpoints wcfPreset() {
        Map<Operation, Endpoint> m = new EnumMap<>(Operation.class);
        String activity = "ACCMEActivityService.svc/";
        String learner = "ACCMELearnerService.svc/";
        m.put(Operation.SAVE_ACTIVITY, Endpoint.of("POST", activity + "SaveActivity", Map.of(), Set.of()));
        m.put(
                Operation.GET_ACTIVITY,
                Endpoint.of("GET", activity + "GetActivity", names(Parameter.ACTIVITY_ID, "ActivityId"), Set.of()));
        // The search uses GetActivity with the draft's query names (inferred).
        m.put(Operation.FIND_ACTIVITIES, Endpoint.of("GET", activity + "GetActivity", searchNames(), Set.of()));
        m.put(
                Operation.SAVE_LEARNER_ACTIVITY,
                Endpoint.of("POST", learner + "SaveLearnerActivity", Map.of(), Set.of()));
        m.put(
                Operation.GET_LEARNER_STATUS,
                Endpoint.of(
                        "GET",
                        learner + "GetLearnerStatusByCreditId",
                        names(Parameter.CREDIT_ID, "CreditId"),
                        Set.of()));
        m.put(
                Operation.GET_LEARNER_STATUS_BY_LEARNER,
                Endpoint.of("GET", learner + "GetLearnerStatusByLearner", statusByLearnerNames(), Set.of()));
        m.put(Operation.GET_LEARNER_MATCH, Endpoint.of("POST", learner + "GetLearnerMatch", Map.of(), Set.of()));
        transcripts(m);
        return new ParsEndpoints(Generation.WCF, m);
    }

    private static ParsEndpoints restPreset() {
        Map<Operation, Endpoint> m = new EnumMap<>(Operation.class);
        // 201 for a create (the draft); 200 and 204 assumed for an update and a delete.
        m.put(Operation.SAVE_ACTIVITY, Endpoint.of("POST", "activities", Map.of(), Set.of(200, 201, 204)));
        m.put(
                Operation.GET_ACTIVITY,
                Endpoint.of("GET", "activities/{activityId}", names(Parameter.ACTIVITY_ID, "activityId"), Set.of(200)));
        m.put(Operation.FIND_ACTIVITIES, Endpoint.of("GET", "activities", searchNames(), Set.of(200)));
        m.put(Operation.SAVE_LEARNER_ACTIVITY, Endpoint.of("POST", "learner-activities", Map.of(), Set.of(200, 201)));
        m.put(
                Operation.GET_LEARNER_ACTIVITY,
                Endpoint.of(
                        "GET",
                        "learner-activities/{learnerId}",
                        names(Parameter.LEARNER_ID, "learnerId"),
                        Set.of(200)));
        m.put(
                Operation.DELETE_LEARNER_ACTIVITY,
                Endpoint.of(
                        "DELETE",
                        "learner-activities/{learnerId}",
                        names(Parameter.LEARNER_ID, "learnerId"),
                        Set.of(204)));
        m.put(
                Operation.GET_LEARNER_STATUS,
                Endpoint.of("GET", "learner-activities/status", names(Parameter.CREDIT_ID, "CreditId"), Set.of(200)));
        m.put(
                Operation.GET_LEARNER_STATUS_BY_LEARNER,
                Endpoint.of("GET", "learner-activities/status", statusByLearnerNames(), Set.of(200)));
        transcripts(m);
        return new ParsEndpoints(Generation.REST, m);
    }
}
