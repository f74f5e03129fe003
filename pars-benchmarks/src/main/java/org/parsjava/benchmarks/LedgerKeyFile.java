/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parsjava.ledger.LedgerKey;

/** Writes a new ledger key to a file, for the benchmark's ledger run: {@code LedgerKeyFile <file>}. */
public final class LedgerKeyFile {

    private LedgerKeyFile() {}

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), LedgerKey.generate().toBase64());
    }
}
