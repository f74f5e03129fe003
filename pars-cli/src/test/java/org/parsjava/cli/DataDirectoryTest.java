/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void theOptionComesFirstThenTheVariable() {
        Environment env =
                new Environment(Map.of("PARS_DATA_DIR", dir.resolve("variable").toString()));
        assertEquals(
                dir.resolve("option"),
                DataDirectory.resolve(dir.resolve("option").toString(), env).path());
        assertEquals(dir.resolve("variable"), DataDirectory.resolve(null, env).path());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheUsersDataFolder() {
        Path xdg = dir.resolve("xdg");
        assertEquals(
                xdg.resolve("pars"),
                DataDirectory.resolve(null, new Environment(Map.of("XDG_DATA_HOME", xdg.toString())))
                        .path());
        assertEquals(
                Path.of(System.getProperty("user.home"), ".local", "share", "pars"),
                DataDirectory.resolve(null, new Environment(Map.of())).path());
    }

    @Test
    void nothingIsCreatedUntilAFileIsAskedFor() {
        DataDirectory data = DataDirectory.resolve(dir.resolve("data").toString(), new Environment(Map.of()));
        assertFalse(Files.exists(data.path()));
        Path key = data.file("demo", "demo-ledger.key");
        assertEquals(dir.resolve("data/demo/demo-ledger.key"), key);
        assertEquals(true, Files.isDirectory(key.getParent()));
    }
}
