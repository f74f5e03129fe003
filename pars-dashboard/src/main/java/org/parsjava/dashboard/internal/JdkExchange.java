/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A request to the JDK's HTTP server, the dashboard mounted at its root. */
public final class JdkExchange implements Exchange {

    private final HttpExchange x;

    private JdkExchange(HttpExchange x) {
        this.x = x;
    }

    /** The handler that serves {@code routes}. */
    public static HttpHandler handler(Routes routes) {
        return x -> {
            try (x) {
                routes.handle(new JdkExchange(x));
            }
        };
    }

    @Override
    public String method() {
        return x.getRequestMethod();
    }

    @Override
    public String path() {
        return x.getRequestURI().getPath();
    }

    @Override
    public String mount() {
        return "";
    }

    @Override
    public Map<String, String> query() {
        return Forms.parse(x.getRequestURI().getRawQuery());
    }

    @Override
    public Map<String, String> form(int max) throws IOException {
        byte[] body = x.getRequestBody().readNBytes(max + 1);
        return body.length > max ? Map.of() : Forms.parse(new String(body, StandardCharsets.US_ASCII));
    }

    @Override
    public boolean fromLoopback() {
        return x.getRemoteAddress().getAddress().isLoopbackAddress();
    }

    @Override
    public boolean secure() {
        return false; // the dashboard's JDK server speaks plain HTTP, on loopback only
    }

    @Override
    public String cookie(String name) {
        for (String header : x.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(name + "=")) {
                    return p.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    @Override
    public void header(String name, String value) {
        x.getResponseHeaders().set(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        x.getResponseHeaders().add(name, value);
    }

    @Override
    public void send(int status, String type, byte[] body) throws IOException {
        if (type != null) {
            x.getResponseHeaders().set("Content-Type", type);
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
