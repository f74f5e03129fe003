/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.core.codec;

/** What an activity document asks PARS to do ({@code activityRecordAction}). */
public enum ActivityAction {
    /** Create the activity. */
    ADD,
    /** Update an existing activity (identified by its ACCME Activity ID). */
    UPDATE,
    /** Delete the activity. */
    DELETE
}
