/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps every formatted line, at every level, for assertions. */
final class CapturingLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    final List<String> lines = new CopyOnWriteArrayList<>();
    /** The exceptions logged with a line, in order. */
    final List<Throwable> thrown = new CopyOnWriteArrayList<>();

    CapturingLogger() {
        this.name = "capture";
    }

    List<String> at(Level level) {
        return lines.stream().filter(l -> l.startsWith(level.name() + " ")).toList();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        if (throwable != null) {
            thrown.add(throwable);
        }
        lines.add(level.name() + " " + MessageFormatter.basicArrayFormat(messagePattern, arguments)
                + (throwable == null ? "" : " " + throwable));
    }

    @Override
    public boolean isTraceEnabled() {
        return true;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }
}
