/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.parsjava.client.exception.ParsAuthenticationException;
import org.parsjava.core.model.Activity;

/**
 * Activities as one run needs them: each asked once (a failed lookup is not asked again, since
 * each ask spends the client's retry budget), and a refusal of the credentials remembered so the
 * run stops after the row that met it.
 */
final class ActivityLookup {

    private final Function<String, Optional<Activity>> source;
    private final Map<String, Optional<Activity>> found = new HashMap<>();
    private final Map<String, RuntimeException> failed = new HashMap<>();
    private ParsAuthenticationException refused;

    ActivityLookup(Function<String, Optional<Activity>> source) {
        this.source = source;
    }

    /** The activity, empty when PARS has none; throws what the lookup threw. */
    Optional<Activity> find(String id) {
        RuntimeException before = failed.get(id);
        if (before != null) {
            throw before;
        }
        Optional<Activity> known = found.get(id);
        if (known != null) {
            return known;
        }
        try {
            Optional<Activity> a = source.apply(id);
            found.put(id, a);
            return a;
        } catch (ParsAuthenticationException e) {
            refused = e; // the reader reports the row FAILED; the run stops after it
            throw e;
        } catch (RuntimeException e) {
            failed.put(id, e); // the reader reports the row FAILED (ACTIVITY_LOOKUP_FAILED)
            throw e;
        }
    }

    /** The credentials refusal met by a lookup, if any. */
    ParsAuthenticationException refused() {
        return refused;
    }
}
