/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the command line keeps its data (the ledger, the demo key, reports): {@code --data-dir}
 * or {@code PARS_DATA_DIR}, else the user's data folder: {@code $XDG_DATA_HOME/pars} or
 * {@code ~/.local/share/pars} on Linux, {@code ~/Library/Application Support/pars} on macOS,
 * {@code %LOCALAPPDATA%\pars} on Windows. Never the current directory's {@code target/}. Created
 * only when something is written there.
 */
final class DataDirectory {

    private final Path path;

    private DataDirectory(Path path) {
        this.path = path;
    }

    static DataDirectory resolve(String option, Environment env) {
        String set = env.setting(option, "PARS_DATA_DIR");
        if (set != null) {
            return new DataDirectory(Path.of(set).toAbsolutePath().normalize());
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path p;
        if (os.contains("win")) {
            String local = env.setting(null, "LOCALAPPDATA");
            p = local != null ? Path.of(local, "pars") : Path.of(home, "AppData", "Local", "pars");
        } else if (os.contains("mac")) {
            p = Path.of(home, "Library", "Application Support", "pars");
        } else {
            String xdg = env.setting(null, "XDG_DATA_HOME");
            p = xdg != null ? Path.of(xdg, "pars") : Path.of(home, ".local", "share", "pars");
        }
        return new DataDirectory(p.toAbsolutePath().normalize());
    }

    Path path() {
        return path;
    }

    /** {@code name} under the data directory, its folder created. */
    Path file(String... name) {
        Path f = path.resolve(Path.of("", name));
        try {
            Files.createDirectories(f.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("the data directory " + path + " cannot be written", e);
        }
        return f;
    }
}
