/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parsjava.testkit.demo.DemoRoster;

/** Writes a synthetic demo roster for the runs: {@code WriteRoster <file> <rows> <seed>}. */
public final class WriteRoster {

    private WriteRoster() {}

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            DemoRoster.write(w, Integer.parseInt(args[1]), Long.parseLong(args[2]));
        }
    }
}
