/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.client.exception.ParsAuthenticationException;

/** The standalone simulator, as docs/testkit.md runs it: a process of its own. */
class ParsSimulatorMainTest {

    private static Process simulator(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ParsSimulatorMain.class.getName()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void itListensOnLoopbackWithTheDemoActivityAndTheCredentialsGiven() throws Exception {
        Process p = simulator("--port", "0", "--provider-id", "0009999", "--user", "office", "--password", "s3cret");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("PARS simulator listening at http://"), String.valueOf(line));
            String url = line.substring("PARS simulator listening at ".length(), line.indexOf(' ', 28));
            String host = java.net.URI.create(url).getHost();
            assertTrue(java.net.InetAddress.getByName(host).isLoopbackAddress(), url);
            try (ParsClient client = ParsClient.builder()
                    .baseUrl(url)
                    .providerId("0009999")
                    .providerName("Office")
                    .credentials(ParsCredentials.of("office", "s3cret"))
                    .build()) {
                assertEquals(
                        "200000001",
                        client.activities()
                                .get("200000001")
                                .orElseThrow()
                                .accmeActivityId()
                                .orElseThrow());
            }
            try (ParsClient wrong = ParsClient.builder()
                    .baseUrl(url)
                    .providerId("0009999")
                    .providerName("Office")
                    .credentials(ParsCredentials.of(ParsSimulator.DEFAULT_USER, ParsSimulator.DEFAULT_PASSWORD))
                    .build()) {
                assertThrows(
                        ParsAuthenticationException.class,
                        () -> wrong.activities().get("200000001"));
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBadOptionExitsTwo() throws Exception {
        Process p = simulator("--api", "soap");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(said.contains("--api must be wcf or rest"), said);
    }
}
