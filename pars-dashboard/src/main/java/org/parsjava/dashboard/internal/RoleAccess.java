/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Access through the host application's accounts (a servlet container's security, such as Spring
 * Security): a signed-in user with the role, and a CSRF token kept in the user's HTTP session.
 */
public final class RoleAccess implements Access {

    private static final String CSRF = RoleAccess.class.getName() + ".csrf";

    private final String role;
    private final Function<HttpServletRequest, Map<String, String>> formFields;

    public RoleAccess(String role, Function<HttpServletRequest, Map<String, String>> formFields) {
        this.role = role;
        this.formFields = formFields;
    }

    @Override
    public Optional<Visitor> admit(Exchange x) throws IOException {
        HttpServletRequest request = ((ServletExchange) x).request();
        if (request.getUserPrincipal() == null) {
            x.refuse(401, "Sign in to the application first.");
            return Optional.empty();
        }
        if (!request.isUserInRole(role)) {
            x.refuse(403, "Your account does not have the role " + role + " this dashboard asks for.");
            return Optional.empty();
        }
        HttpSession session = request.getSession(true);
        String csrf = (String) session.getAttribute(CSRF);
        if (csrf == null) {
            csrf = Sessions.secret();
            session.setAttribute(CSRF, csrf);
        }
        Map<String, String> fields = formFields.apply(request);
        return Optional.of(new Visitor(
                "user " + request.getUserPrincipal().getName(), csrf, fields == null ? Map.of() : Map.copyOf(fields)));
    }
}
