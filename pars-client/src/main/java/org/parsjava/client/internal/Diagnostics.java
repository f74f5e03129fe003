/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client.internal;

/**
 * Makes exceptions safe to log: the same classes and stack frames, without messages, since a
 * message from deep inside a library may quote a value it was given (a learner's name, a
 * credential). Frames carry only class and method names.
 */
public final class Diagnostics {

    private Diagnostics() {}

    /** A copy of {@code e} and its causes keeping class names and frames, dropping messages. */
    public static Throwable withoutMessages(Throwable e) {
        return copy(e, 0);
    }

    private static Throwable copy(Throwable e, int depth) {
        Throwable cause = e.getCause() != null && e.getCause() != e && depth < 8 ? copy(e.getCause(), depth + 1) : null;
        Throwable out = new Scrubbed(e.getClass().getName(), cause);
        out.setStackTrace(e.getStackTrace());
        return out;
    }

    /** Stands in for the original exception in logs; its message is the original class name. */
    private static final class Scrubbed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Scrubbed(String className, Throwable cause) {
            super(className, cause);
        }

        @Override
        public String toString() {
            return getMessage() + " (message removed)";
        }
    }
}
