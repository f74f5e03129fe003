/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.parsjava.client.ParsEndpoints.Operation;
import org.parsjava.client.exception.ParsApiException;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.client.exception.ParsRateLimitException;
import org.parsjava.client.exception.ParsServerException;
import org.parsjava.client.exception.ParsTransportException;
import org.parsjava.core.codec.ParsCodec;
import org.parsjava.core.codec.ParsFault;

/**
 * PARS's failures as the exceptions a caller can act on: by status (credentials, rate limit,
 * server, other), with PARS's code and its text scrubbed of learner values, and whether the
 * request may have been applied. Messages never carry a body beyond a scrubbed excerpt.
 */
public final class Failures {

    private Failures() {}

    /** The exception for a success answer whose body could not be read. */
    public static ParsApiException unreadable(
            Operation op, HttpResult r, org.parsjava.core.codec.ParsCodecException e) {
        return new ParsApiException(
                op,
                r.status(),
                null,
                e.excerpt(),
                "PARS " + op.parsName() + " answered HTTP " + r.status() + " with an unreadable body: "
                        + e.getMessage(),
                r.attempt());
    }

    /**
     * The exception for a non-success answer: PARS's code and text (learner values in
     * {@code personal} removed), and the type a caller acts on by status.
     *
     * @param partial the submission so far, carried by a refusal of the credentials
     * @param mayHaveApplied whether the request may have been applied (a write answered 5xx or an
     *     unlisted 2xx)
     */
    public static ParsApiException of(
            ParsCodec codec,
            Clock clock,
            Operation op,
            HttpResult r,
            int attempts,
            org.parsjava.client.SubmissionResult partial,
            boolean mayHaveApplied,
            java.util.List<String> personal) {
        ParsFault fault = codec.decodeFault(r.body());
        String code = fault.code().orElse(null);
        String text = personal.isEmpty() ? fault.message() : PersonalText.scrub(fault.message(), personal);
        String name = op.parsName();
        if (r.status() == 401 || r.status() == 403) {
            return new ParsAuthenticationException(op, r.status(), code, text, partial, attempts);
        }
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        if (r.status() == 429) {
            Duration wait = RetryAfter.parse(r.retryAfter(), clock.instant()).orElse(null);
            return new ParsRateLimitException(
                    op,
                    code,
                    text,
                    wait,
                    "PARS " + name + " is rate limited (HTTP 429)" + tries
                            + (wait == null ? "" : "; PARS asks to wait " + wait.toSeconds() + " s"),
                    attempts);
        }
        String detail = "PARS " + name + " failed with HTTP " + r.status() + tries
                + (code == null ? "" : ", PARS code " + code) + ": " + text;
        if (r.isSuccess()) {
            return new ParsApiException(
                    op,
                    r.status(),
                    code,
                    text,
                    "PARS " + name + " answered HTTP " + r.status()
                            + ", which this endpoint does not list as success (see ParsEndpoints)"
                            + (mayHaveApplied
                                    ? "; the request may have been applied, read it back before resending"
                                    : ""),
                    attempts);
        }
        if (r.status() >= 500) {
            return new ParsServerException(
                    op,
                    r.status(),
                    code,
                    text,
                    detail
                            + (mayHaveApplied
                                    ? "; the request may have been applied, read it back before resending"
                                    : ""),
                    attempts);
        }
        return new ParsApiException(op, r.status(), code, text, detail, attempts);
    }

    /** The exception for a failed exchange. */
    public static ParsTransportException transport(Operation op, IOException e, boolean outcomeUnknown, int attempts) {
        String what = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new ParsTransportException(
                op,
                "PARS " + op.parsName() + " did not complete"
                        + (attempts > 1 ? " after " + attempts + " attempts" : "") + " (" + what + ")"
                        + (outcomeUnknown ? "; the request may have reached PARS, check before resending" : ""),
                outcomeUnknown,
                e,
                attempts);
    }
}
