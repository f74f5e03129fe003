/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.job;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The completion keys of a run's slices being reported through a ledger, so that an entry one
 * slice's drain settles for another slice's row is counted by that slice (as this run's, with
 * whether PARS held it before) and not as an earlier run's. Thread safe.
 */
final class SliceKeys {

    /** Each key, with how many slices being reported hold it. */
    private final ConcurrentHashMap<String, Integer> slices = new ConcurrentHashMap<>();
    /** Keys whose entries another slice's drain settled, with whether PARS held the record before. */
    private final ConcurrentHashMap<String, Boolean> settledElsewhere = new ConcurrentHashMap<>();

    /** A slice with {@code keys} starts being reported. */
    void add(List<String> keys) {
        keys.forEach(k -> slices.merge(k, 1, Integer::sum));
    }

    /** A slice with {@code keys} has ended. */
    void remove(List<String> keys) {
        for (String k : keys) {
            slices.computeIfPresent(k, (key, n) -> {
                if (n > 1) {
                    return n - 1;
                }
                settledElsewhere.remove(key); // no slice holds it any longer
                return null;
            });
        }
    }

    /**
     * A drain settled the entry of {@code key}, which the slice draining does not hold; tells
     * whether a slice being reported holds it (and then keeps {@code heldBefore} for it).
     */
    boolean settledElsewhere(String key, boolean heldBefore) {
        if (!slices.containsKey(key)) {
            return false;
        }
        settledElsewhere.merge(key, heldBefore, Boolean::logicalOr);
        return true;
    }

    /** Whether another slice's drain settled {@code key}'s entry and PARS held its record before. */
    boolean heldBefore(String key) {
        return settledElsewhere.getOrDefault(key, false);
    }
}
