/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The client for the PARS web services: {@link org.parsjava.client.ParsClient} and its errors.
 * OkHttp is part of the API (a caller may bring its own {@code OkHttpClient}), as is pars-core.
 */
module org.parsjava.client {
    requires transitive org.parsjava.core;
    requires transitive okhttp3;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static micrometer.core;

    exports org.parsjava.client;
    exports org.parsjava.client.conformance;
    exports org.parsjava.client.exception;
    exports org.parsjava.client.metrics;
}
