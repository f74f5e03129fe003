/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.excel.LearnerUploadReader;
import org.parsjava.excel.TemplateRow;
import org.parsjava.ledger.EntryState;
import org.parsjava.testkit.demo.DemoActivities;

/** Learner identity on an explicit, logged action only; the rows to fix as ACCME's upload file. */
class DashboardIdentityTest {

    @TempDir
    Path dir;

    private LedgerFixture fixture;
    private SignedIn session;

    @BeforeEach
    void start() throws Exception {
        fixture = new LedgerFixture(dir);
        session = SignedIn.on(fixture);
    }

    @AfterEach
    void stop() {
        session.close();
        fixture.close();
    }

    private DashboardSecurityTest.Response get(String path) throws Exception {
        return session.get(path);
    }

    private DashboardSecurityTest.Response post(String path, String form) throws Exception {
        return session.post(path, form);
    }

    private String csrf() throws Exception {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(get("/entry?provider=0001234&key=accepted-1").body());
        assertTrue(m.find());
        return m.group(1);
    }

    /** What the dashboard logs while {@code action} runs (slf4j-simple writes to System.err as it is then). */
    private static String logOf(ThrowingRunnable action) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void identityIsHiddenUntilAskedForAndTheAskingIsLoggedWithoutIt() throws Exception {
        String page = get("/entry?provider=0001234&key=accepted-1").body();
        assertFalse(page.contains("Sample"), "hidden by default");
        assertTrue(page.contains("Show learner identity"), page);
        String key = "provider=0001234&key=accepted-1";
        assertEquals(403, post("/reveal", key + "&confirm=yes").statusCode(), "no CSRF token");
        assertEquals(400, post("/reveal", key + "&csrf=" + csrf()).statusCode(), "not confirmed");
        List<DashboardSecurityTest.Response> shown = new ArrayList<>();
        String log = logOf(() -> shown.add(post("/reveal", key + "&confirm=yes&csrf=" + csrf())));
        assertEquals(200, shown.get(0).statusCode());
        String revealed = shown.get(0).body();
        assertTrue(revealed.contains("Jane Sample") && revealed.contains("1234567893"), revealed);
        assertTrue(revealed.contains("<title>Entry - PARS reporting</title>"), "the title names no one");
        assertTrue(log.contains("learner identity of an entry shown to browser session "), log);
        for (String pii : new String[] {"Jane", "Sample", "1234567893", "accepted-1"}) {
            assertFalse(log.contains(pii), "the log says who asked and when, never what: " + pii);
        }
    }

    @Test
    void anActionIsLoggedWithWhoTookItAndNotTheEntry() throws Exception {
        String form = "provider=0001234&key=retry-1&confirm=yes&csrf=" + csrf();
        String log = logOf(() -> assertEquals(303, post("/send-now", form).statusCode()));
        assertTrue(log.contains("send-now on an entry by browser session "), log);
        assertFalse(log.contains("retry-1"), log);
    }

    @Test
    void aReadOnlyDashboardRevealsNothing() throws Exception {
        session.close();
        session = new SignedIn(
                Dashboard.builder().ledger(fixture.ledger).readOnly(true).build());
        String page = get("/entry?provider=0001234&key=accepted-1").body();
        assertFalse(page.contains("Show learner identity"), page);
        Matcher m = Pattern.compile("<form").matcher(get("/rows-to-fix").body());
        int forms = 0;
        while (m.find()) {
            forms++;
        }
        assertEquals(1, forms, "only the filter; no upload file download");
    }

    @Test
    void rowsToFixDownloadAsTheUploadFileHoldingThoseOurChecksPass() throws Exception {
        // An activity PARS does not know: valid here, rejected there.
        LearnerCompletion unknown = LearnerCompletion.builder()
                .completionKey("unknown-activity-1")
                .activity(DemoActivities.SEPSIS.toBuilder()
                        .accmeActivityId("209999999")
                        .build())
                .learner(LedgerFixture.completion("x", "1003000126", true).learner())
                .completionDate(java.time.LocalDate.of(2026, 3, 2))
                .cmeCredits("1.5")
                .consent(true)
                .build();
        fixture.ledger.record(unknown);
        fixture.ledger.drain();
        assertEquals(
                EntryState.REJECTED,
                fixture.ledger
                        .entry("0001234", "unknown-activity-1")
                        .orElseThrow()
                        .state());
        String form = "confirm=yes&csrf=" + csrf();
        DashboardSecurityTest.Response[] r = new DashboardSecurityTest.Response[1];
        String log = logOf(() -> r[0] = post("/rows-to-fix.xlsx", form));
        assertEquals(200, r[0].statusCode());
        assertTrue(r[0].header("Content-Disposition").orElse("").contains("rows-to-fix.xlsx"));
        assertTrue(log.contains("rows to fix downloaded as an upload file by browser session "), log);
        assertTrue(log.contains("(1 rows in it, 1 left out)"), "bad-1, invalid, left out: " + log);
        Path file = dir.resolve("downloaded.xlsx");
        Files.write(file, r[0].raw());
        List<TemplateRow> rows = new ArrayList<>();
        try (LearnerUploadReader reader = LearnerUploadReader.open(
                file,
                id -> Optional.of(
                        DemoActivities.SEPSIS.toBuilder().accmeActivityId(id).build()))) {
            reader.forEachRemaining(rows::add);
        }
        assertEquals(1, rows.size(), "the rejected row; the invalid one (bad-1) is fixed at its source");
        assertEquals(
                "Jane", rows.get(0).row().completion().orElseThrow().learner().firstName());
    }
}
