/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link ParsEndpoints} as a JSON file, so a path, method, parameter name or success status PARS
 * turns out to use differently is corrected without a release ({@code --endpoints FILE},
 * {@code pars.endpoints-file}, {@link ParsClient.Builder#endpoints(Path)}). A file names its
 * generation and the operations it changes; every other operation keeps the generation's preset:
 *
 * <pre>{@code
 * {
 *   "generation": "REST",
 *   "endpoints": {
 *     "DELETE_LEARNER_ACTIVITY": {
 *       "method": "DELETE",
 *       "path": "learner-activities/{learnerId}",
 *       "parameters": {"LEARNER_ID": "learnerId"},
 *       "success": [200, 204]
 *     }
 *   }
 * }
 * }</pre>
 *
 * Operation and parameter names are {@link ParsEndpoints.Operation} and
 * {@link ParsEndpoints.Parameter} constants; {@code success} empty means any 2xx. A conformance run
 * that refutes an endpoint assumption writes such a file.
 */
public final class EndpointsFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EndpointsFile() {}

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException naming the file and what in it is wrong
     * @throws UncheckedIOException when it cannot be read
     */
    public static ParsEndpoints read(Path file) {
        Objects.requireNonNull(file, "file");
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("endpoints file " + file + " is not JSON (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("endpoints file " + file + " cannot be read", e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoints file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The endpoints a file's JSON describes. */
    static ParsEndpoints parse(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("generation").isTextual()) {
            throw new IllegalArgumentException("it must be an object naming its \"generation\" (WCF or REST)");
        }
        ParsEndpoints.Generation generation =
                constant(ParsEndpoints.Generation.class, root.get("generation").asText(), "generation");
        ParsEndpoints.Builder b = ParsEndpoints.of(generation).toBuilder();
        JsonNode endpoints = root.path("endpoints");
        for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ParsEndpoints.Operation op = constant(ParsEndpoints.Operation.class, e.getKey(), "operation");
            JsonNode n = e.getValue();
            if (n.isNull()) {
                b.remove(op);
                continue;
            }
            Map<ParsEndpoints.Parameter, String> names = new EnumMap<>(ParsEndpoints.Parameter.class);
            for (Iterator<Map.Entry<String, JsonNode>> p = n.path("parameters").fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> pe = p.next();
                names.put(
                        constant(ParsEndpoints.Parameter.class, pe.getKey(), "parameter"),
                        pe.getValue().asText());
            }
            Set<Integer> success = new TreeSet<>();
            n.path("success").forEach(s -> success.add(s.asInt()));
            try {
                b.endpoint(
                        op,
                        ParsEndpoints.Endpoint.of(
                                n.path("method").asText(""), n.path("path").asText(""), names, success));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(op + ": " + bad.getMessage(), bad);
            }
        }
        return b.build();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + what + " " + name);
        }
    }

    /** Writes every endpoint of {@code endpoints} to {@code file} (created or replaced). */
    public static void write(ParsEndpoints endpoints, Path file) {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(file, "file");
        try {
            Files.write(file, JSON.writeValueAsBytes(toJson(endpoints)));
        } catch (IOException e) {
            throw new UncheckedIOException("endpoints file " + file + " cannot be written", e);
        }
    }

    static ObjectNode toJson(ParsEndpoints endpoints) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generation", endpoints.generation().name());
        ObjectNode all = root.putObject("endpoints");
        endpoints.endpoints().forEach((op, e) -> {
            ObjectNode n = all.putObject(op.name());
            n.put("method", e.method());
            n.put("path", e.pathTemplate());
            ObjectNode params = n.putObject("parameters");
            e.parameterNames().forEach((p, name) -> params.put(p.name(), name));
            ArrayNode success = n.putArray("success");
            e.successStatuses().forEach(success::add);
        });
        return root;
    }
}
