/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request and its response, whichever server carries them (the JDK's HTTP server or a
 * servlet container): what {@link Routes} needs and nothing more.
 */
public interface Exchange {

    /** GET, POST, ... */
    String method();

    /** The path below where the dashboard is mounted, starting with {@code /}. */
    String path();

    /** Where the dashboard is mounted: empty at the root, else a path such as {@code /pars-dashboard}. */
    String mount();

    /** The query's parameters, decoded (the first value of each). */
    Map<String, String> query();

    /** A form POST's parameters, decoded (the first value of each); empty when larger than {@code max} bytes. */
    Map<String, String> form(int max) throws IOException;

    /** Whether the request came from this machine. */
    boolean fromLoopback();

    /** Whether the request came over TLS. */
    boolean secure();

    /** The value of a request cookie, or null. */
    String cookie(String name);

    /** Sets a response header. */
    void header(String name, String value);

    /** Adds a response header. */
    void addHeader(String name, String value);

    /** Sends the status and body ({@code type} null for none). */
    void send(int status, String type, byte[] body) throws IOException;

    /** A page. */
    default void html(String page) throws IOException {
        send(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    /** A refusal: a short page saying why. */
    default void refuse(int status, String why) throws IOException {
        send(
                status,
                "text/html; charset=utf-8",
                Html.page("Not available", "<p>" + Html.esc(why) + "</p>").getBytes(StandardCharsets.UTF_8));
    }

    /** See other: {@code to} is relative to the page asked for. */
    default void redirect(String to) throws IOException {
        header("Location", to);
        send(303, null, new byte[0]);
    }
}
