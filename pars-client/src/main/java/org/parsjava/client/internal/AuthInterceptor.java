/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.internal;

import java.io.IOException;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.parsjava.client.CredentialPlacement;
import org.parsjava.client.ParsCredentials;

/**
 * Adds the provider ID, credentials and user agent to every request. Header names are
 * inferred (docs/pars-reference.md 2.3: PARS wants ProviderId, User and Password on every request).
 */
public final class AuthInterceptor implements Interceptor {

    /** Header carrying the seven-digit provider ID. */
    public static final String PROVIDER_ID = "ProviderId";
    /** Header carrying the web-services user ({@link CredentialPlacement#HEADERS}). */
    public static final String USER = "User";
    /** Header carrying the password ({@link CredentialPlacement#HEADERS}). */
    public static final String PASSWORD = "Password";

    private final String providerId;
    private final ParsCredentials credentials;
    private final CredentialPlacement placement;
    private final String userAgent;

    /** Creates the interceptor. */
    public AuthInterceptor(
            String providerId, ParsCredentials credentials, CredentialPlacement placement, String userAgent) {
        this.providerId = providerId;
        this.credentials = credentials;
        this.placement = placement;
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request.Builder b =
                chain.request().newBuilder().header("User-Agent", userAgent).header(PROVIDER_ID, providerId);
        if (placement == CredentialPlacement.BASIC_AUTH) {
            b.header("Authorization", Credentials.basic(credentials.user(), credentials.password()));
        } else {
            b.header(USER, credentials.user()).header(PASSWORD, credentials.password());
        }
        return chain.proceed(b.build());
    }

    @Override
    public String toString() {
        return "AuthInterceptor[provider=" + providerId + ", " + placement + ", credentials=***]";
    }
}
