/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.benchmarks;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsCredentials;
import org.parsjava.dashboard.Dashboard;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;

/**
 * The dashboard's pages timed over loopback on a large ledger (a request's whole round trip, so an
 * upper bound of the server's time): {@code DashboardRun <out> <jdbc url> <key file> <pars url>}.
 * Each page is asked 6 times; the first is reported apart (cold), then the median of the other 5.
 * The floor is the same round trip for the style sheet (no ledger work). Also times the count of
 * entries by state the overview makes in the background, and the transitions by day over 366
 * days the volume page shows from. Prints
 * {@code DASHBOARD PAGE=... COLD_MS=... MEDIAN_MS=... ENTRIES=... FLOOR_MS=...} lines,
 * {@code DASHBOARD COUNT_MS=...} and {@code DASHBOARD VOLUME_MS=...}.
 */
public final class DashboardRun {

    private DashboardRun() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8);
                ParsClient client = ParsClient.builder()
                        .baseUrl(args[3])
                        .providerId("0001234")
                        .providerName("Benchmark Provider")
                        .credentials(ParsCredentials.of("simulator", "simulator-password"))
                        .build();
                ReportingLedger ledger = ReportingLedger.builder()
                        .jdbcUrl(args[1], null, null)
                        .client(client)
                        .key(LedgerKey.fromBase64(
                                Files.readString(Path.of(args[2])).strip()))
                        .build();
                Dashboard dashboard = Dashboard.builder().ledger(ledger).build().start()) {
            long entries =
                    ledger.counts().values().stream().mapToLong(Long::longValue).sum();
            HttpURLConnection login =
                    (HttpURLConnection) URI.create(dashboard.url()).toURL().openConnection();
            login.setInstanceFollowRedirects(false);
            login.getResponseCode();
            String cookie = login.getHeaderField("Set-Cookie").split(";")[0];
            String base = "http://127.0.0.1:" + dashboard.port();
            long[] counts = new long[3];
            for (int i = 0; i < counts.length; i++) {
                long t = System.nanoTime();
                ledger.counts();
                counts[i] = (System.nanoTime() - t) / 1_000_000;
            }
            java.util.Arrays.sort(counts);
            String countLine = "DASHBOARD COUNT_MS=" + counts[1] + " ENTRIES=" + entries;
            System.out.println(countLine);
            out.println(countLine);
            long[] volumes = new long[3];
            for (int i = 0; i < volumes.length; i++) {
                long t = System.nanoTime();
                ledger.transitionsByDay(
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(365));
                volumes[i] = (System.nanoTime() - t) / 1_000_000;
            }
            java.util.Arrays.sort(volumes);
            String volumeLine = "DASHBOARD VOLUME_MS=" + volumes[1] + " ENTRIES=" + entries;
            System.out.println(volumeLine);
            out.println(volumeLine);
            long floor = -1;
            for (String page : new String[] {
                "/style.css",
                "/overview",
                "/rows-to-fix",
                "/entries?state=ACCEPTED",
                "/at-risk?days=30",
                "/overdue",
                "/volume?days=30"
            }) {
                long[] ms = new long[6];
                for (int i = 0; i < ms.length; i++) {
                    long t = System.nanoTime();
                    HttpURLConnection c =
                            (HttpURLConnection) URI.create(base + page).toURL().openConnection();
                    c.setRequestProperty("Cookie", cookie);
                    if (c.getResponseCode() != 200) {
                        throw new IllegalStateException(page + " answered " + c.getResponseCode());
                    }
                    try (InputStream in = c.getInputStream()) {
                        in.readAllBytes();
                    }
                    ms[i] = (System.nanoTime() - t) / 1_000_000;
                }
                long[] warm = java.util.Arrays.copyOfRange(ms, 1, ms.length);
                java.util.Arrays.sort(warm);
                if (floor < 0) {
                    floor = warm[warm.length / 2];
                    continue;
                }
                String line = "DASHBOARD PAGE=" + page + " COLD_MS=" + ms[0] + " MEDIAN_MS=" + warm[warm.length / 2]
                        + " ENTRIES=" + entries + " FLOOR_MS=" + floor;
                System.out.println(line);
                out.println(line);
            }
        }
    }
}
