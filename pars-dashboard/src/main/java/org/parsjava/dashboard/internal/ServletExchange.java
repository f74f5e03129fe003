/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A request to a servlet container, the dashboard mounted at the servlet's path. */
public final class ServletExchange implements Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    public ServletExchange(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    HttpServletRequest request() {
        return request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        String p = request.getPathInfo();
        return p == null || p.isEmpty() ? "" : p;
    }

    @Override
    public String mount() {
        return request.getContextPath() + request.getServletPath();
    }

    @Override
    public Map<String, String> query() {
        return Forms.parse(request.getQueryString());
    }

    @Override
    public Map<String, String> form(int max) {
        // The container has parsed the body already when a filter asked for a parameter, so the
        // parameters are read rather than the stream; the container bounds their size.
        if (request.getContentLengthLong() > max) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (v.length > 0) {
                out.put(k, v[0]);
            }
        });
        return out;
    }

    @Override
    public boolean fromLoopback() {
        try {
            // an address literal: no lookup
            return java.net.InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public String cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(name)) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public void header(String name, String value) {
        response.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        response.addHeader(name, value);
    }

    @Override
    public void send(int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        if (type != null) {
            response.setContentType(type);
        }
        response.setContentLength(body.length);
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }
}
