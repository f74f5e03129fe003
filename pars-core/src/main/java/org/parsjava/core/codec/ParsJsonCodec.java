/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.parsjava.core.codec.internal.ActivitiesDto;
import org.parsjava.core.codec.internal.Excerpts;
import org.parsjava.core.codec.internal.ResponsesDto;
import org.parsjava.core.model.Activity;

/**
 * The PARS JSON wire format of the 2025 draft schema (docs/pars-reference.md 2.5). ACCME announces JSON
 * web services but no source confirms them live, so XML is the default elsewhere in the SDK.
 * Immutable and thread safe; create once and share.
 */
public final class ParsJsonCodec extends JacksonCodec {

    /** JSON media type. */
    public static final String MEDIA_TYPE = "application/json; charset=utf-8";

    private ParsJsonCodec(WireOptions options) {
        super(
                JsonMapper.builder()
                        .enable(SerializationFeature.WRAP_ROOT_VALUE)
                        .enable(DeserializationFeature.UNWRAP_ROOT_VALUE)
                        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build(),
                options,
                "JSON");
    }

    /** A codec with {@link WireOptions#defaults()}. */
    public static ParsJsonCodec create() {
        return new ParsJsonCodec(WireOptions.defaults());
    }

    /** A codec with the given wire options. */
    public static ParsJsonCodec create(WireOptions options) {
        return new ParsJsonCodec(options);
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    /** The draft REST save answers 201 with the saved {@code ACCMELearnerReports} document. */
    @Override
    boolean isLearnerDocument(byte[] body) {
        try {
            JsonNode tree = readTree(body, "save result");
            return tree != null && tree.isObject() && tree.has("ACCMELearnerReports");
        } catch (ParsCodecException e) {
            return false;
        }
    }

    @Override
    List<ActivitiesDto> readActivityDocuments(byte[] body) {
        JsonNode tree = readTree(body, "activity");
        if (tree == null || !tree.isArray()) {
            return super.readActivityDocuments(body);
        }
        List<ActivitiesDto> out = new ArrayList<>(tree.size());
        for (JsonNode n : tree) {
            try {
                out.add(mapper().readerFor(ActivitiesDto.class).readValue(n));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new ParsCodecException(
                        "Could not read activity search body: unexpected structure", Excerpts.of(body), null);
            }
        }
        return out;
    }

    @Override
    public byte[] encodeActivities(List<Activity> activities) {
        // The draft's search answer: an array of whole activity documents.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < activities.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(encodeActivity(activities.get(i), ActivityAction.UPDATE));
        }
        out.write(']');
        return out.toByteArray();
    }

    /** The draft answers a bare array; a wrapped {@code LearnerStatuses} object is read too. */
    @Override
    List<ResponsesDto.Status> readStatuses(byte[] body) {
        JsonNode tree = readTree(body, "learner status");
        if (tree != null && tree.isObject() && tree.has("LearnerStatuses")) {
            tree = tree.get("LearnerStatuses");
            if (tree.isObject() && tree.has("LearnerStatus")) {
                tree = tree.get("LearnerStatus");
            }
        }
        if (tree == null || !tree.isArray()) {
            throw new ParsCodecException(
                    "Could not read learner status body: expected an array of statuses", Excerpts.of(body), null);
        }
        List<ResponsesDto.Status> out = new ArrayList<>(tree.size());
        for (JsonNode n : tree) {
            try {
                out.add(mapper().readerFor(ResponsesDto.Status.class)
                        .without(DeserializationFeature.UNWRAP_ROOT_VALUE)
                        .readValue(n));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new ParsCodecException(
                        "Could not read learner status body: unexpected structure", Excerpts.of(body), null);
            }
        }
        return out;
    }
}
