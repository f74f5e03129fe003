/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.ledger.LedgerEntry;
import org.parsjava.testkit.demo.DemoActivities;

/** What the overview's and the volume page's figures say, against the ledger's own. */
class DashboardPagesTest {

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

    private String page(String path) throws Exception {
        DashboardSecurityTest.Response r = session.get(path);
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    /** The cell beside a row heading of a table. */
    private static String cell(String html, String table, String row) {
        Matcher m = Pattern.compile("<table id=\"" + table + "\">.*?<th scope=\"row\">" + Pattern.quote(row)
                        + "</th><td>([^<]*)</td>")
                .matcher(html);
        assertTrue(m.find(), row + " in " + table);
        return m.group(1);
    }

    @Test
    void deadlinesAheadCountOpenEntriesByTheWeekTheyAreDue() throws Exception {
        // Invalid (no consent), so open: completed 3 days ago, due 30 days after completion.
        LocalDate today = DemoActivities.AS_OF;
        LearnerCompletion c = LedgerFixture.completion("soon-1", "1245319599", false).toBuilder()
                .completionDate(today.minusDays(3))
                .build();
        fixture.ledger.record(c);
        session.close(); // a dashboard put in service now: its first count sees the entry
        session = SignedIn.on(fixture);
        LedgerEntry e = fixture.ledger.entry("0001234", "soon-1").orElseThrow();
        long daysAhead = Duration.between(
                        today.atStartOfDay(), e.deadline().date().atStartOfDay())
                .toDays();
        int week = (int) (daysAhead / 7); // 0: this week
        String overview = page("/overview");
        String label = week == 0 ? "this week (from today)" : "week " + (week + 1);
        assertEquals(
                "1",
                cell(overview, "deadlines-ahead", label),
                "due " + e.deadline().date());
        long sum = 0;
        Matcher all = Pattern.compile("<table id=\"deadlines-ahead\">.*?</table>", Pattern.DOTALL)
                .matcher(overview);
        assertTrue(all.find());
        Matcher cells = Pattern.compile("</th><td>(\\d+)</td>").matcher(all.group());
        while (cells.find()) {
            sum += Long.parseLong(cells.group(1));
        }
        assertEquals(fixture.ledger.countAtRisk(Duration.ofDays(55)), sum, "eight weeks, no day twice");
        assertTrue(
                Pattern.compile("Deadlines counted at <span id=\"deadlines-at\">[0-9-]+ [0-9:]+ UTC</span>")
                        .matcher(overview)
                        .find(),
                "the page says when the deadlines were counted");
    }

    /** The overview's count of entries in {@code state}, waiting up to 10 s for the background count. */
    private long eventually(String state, long expected) throws Exception {
        return eventually(
                Pattern.compile("entries\\?state=" + state + "\">" + state + "</a></th><td>(\\d+)</td>"), expected);
    }

    /** The overview's figure {@code figure} finds, waiting up to 10 s for the background count. */
    private long eventually(Pattern figure, long expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long seen;
        do {
            Matcher m = figure.matcher(page("/overview"));
            assertTrue(m.find(), figure.pattern());
            seen = Long.parseLong(m.group(1));
            if (seen == expected) {
                return seen;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return seen;
    }

    @Test
    void theCountByStateIsRedoneAfterAnActionAndWhenItIsOld() throws Exception {
        assertEquals(1, eventually("INVALID", 1));
        Matcher csrf =
                Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page("/entry?provider=0001234&key=bad-1"));
        assertTrue(csrf.find());
        DashboardSecurityTest.Response r =
                session.post("/withdraw", "csrf=" + csrf.group(1) + "&provider=0001234&key=bad-1&confirm=yes");
        assertEquals(303, r.statusCode());
        assertEquals(1, eventually("WITHDRAWN", 1), "counted again after the action");

        // A change the dashboard did not make: seen once the count is older than its maximum age.
        session.close();
        DashboardSecurityTest.MovableClock clock = new DashboardSecurityTest.MovableClock();
        session = new SignedIn(
                Dashboard.builder().ledger(fixture.ledger).clock(clock).build());
        assertEquals(1, eventually("WITHDRAWN", 1));
        Pattern dueIn30 = Pattern.compile("id=\"at-risk-30\">(\\d+)<");
        long due = fixture.ledger.countAtRisk(Duration.ofDays(30));
        assertEquals(due, eventually(dueIn30, due));
        // Invalid (no consent), so open; completed 3 days ago, so due within 30 days.
        fixture.ledger.record(LedgerFixture.completion("bad-2", "1245319599", false).toBuilder()
                .completionDate(DemoActivities.AS_OF.minusDays(3))
                .build());
        assertEquals(due + 1, fixture.ledger.countAtRisk(Duration.ofDays(30)), "bad-2 is open and due within 30 days");
        Thread.sleep(300);
        assertEquals(0, eventually("INVALID", 0), "the page shows the count it has");
        assertEquals(due, eventually(dueIn30, due), "and the deadlines it has");
        clock.advance(Duration.ofSeconds(16));
        assertEquals(1, eventually("INVALID", 1), "an old count is redone");
        assertEquals(due + 1, eventually(dueIn30, due + 1), "old deadlines too");
    }

    @Test
    void rowsToFixFilterByCodeActivityAndDueDateAlikeInThePageAndTheCsv() throws Exception {
        LearnerCompletion other = LedgerFixture.completion("bad-other", "1245319599", false).toBuilder()
                .activity(DemoActivities.PEDIATRICS)
                .completionDate(DemoActivities.AS_OF.minusDays(1))
                .build();
        fixture.ledger.record(other);
        String all = page("/rows-to-fix");
        assertTrue(all.contains("bad-1") && all.contains("bad-other"), all);
        String pediatrics = DemoActivities.PEDIATRICS.accmeActivityId().orElseThrow();
        String byActivity = page("/rows-to-fix?activity=" + pediatrics);
        assertTrue(byActivity.contains("bad-other") && !byActivity.contains("bad-1"), byActivity);
        assertTrue(byActivity.contains("rows-to-fix.csv?activity=" + pediatrics), "the CSV link keeps the filter");
        String csv = page("/rows-to-fix.csv?activity=" + pediatrics);
        assertTrue(csv.contains("bad-other") && !csv.contains("bad-1"), csv);
        String dueSoon = page("/rows-to-fix?due-by=" + DemoActivities.AS_OF);
        assertTrue(
                dueSoon.contains("bad-1") && !dueSoon.contains("bad-other"), "bad-1 is overdue; the other due later");
        String byCode = page("/rows-to-fix?code=NO_SUCH_CODE");
        assertTrue(!byCode.contains("bad-1") && !byCode.contains("bad-other"));
        assertTrue(page("/rows-to-fix?due-by=not-a-date").contains("bad-other"), "an unreadable date is no filter");
    }

    @Test
    void listsShowTheFiveHundredMostUrgentEntries() throws Exception {
        List<LearnerCompletion> many = new java.util.ArrayList<>();
        for (int i = 0; i < 520; i++) {
            many.add(LedgerFixture.completion("bad-" + (1000 + i), "1245319599", false).toBuilder()
                    .completionDate(DemoActivities.AS_OF.minusDays(1)) // due later than bad-1
                    .build());
        }
        fixture.ledger.recordAll(many, c -> null);
        String invalid = page("/entries?state=INVALID");
        assertTrue(invalid.contains("<caption>500 entries (at most 500), most urgent first"), invalid);
        assertTrue(invalid.contains(">bad-1<"), "the most urgent among them");
        String toFix = page("/rows-to-fix");
        assertTrue(toFix.contains("<caption>500 rows to fix (at most 500)"), toFix);
        assertTrue(toFix.contains(">bad-1<"), "the most urgent among them");
    }

    @Test
    void theOverviewSaysWhichParsTheLedgerReportsTo() throws Exception {
        assertTrue(page("/overview")
                .contains("This ledger reports to " + fixture.ledger.boundTo().describe()));
    }

    @Test
    void theVolumePageCountsEachDaysChangesOfState() throws Exception {
        String today = LocalDate.now(java.time.Clock.offset(DemoActivities.clock(), Duration.ZERO)
                        .withZone(java.time.ZoneOffset.UTC))
                .toString();
        String volume = page("/volume?days=7");
        // The fixture recorded two valid completions today (the invalid one went straight to INVALID),
        // and PARS took one of them.
        assertEquals("2", cell(volume, "volume", today));
        Matcher row = Pattern.compile("<th scope=\"row\">" + today + "</th><td>2</td><td>(\\d+)</td><td>(\\d+)</td>")
                .matcher(volume);
        assertTrue(row.find(), volume);
        assertEquals("1", row.group(1), "taken by PARS or the board");
        assertEquals("1", row.group(2), "refused: the invalid one");
        assertTrue(page("/volume?days=9999").contains("over the last 366 days"), "bounded");
    }

    @Test
    void theVolumePageCountsDaysInTheTimeZoneOfTheDashboardsClock() throws Exception {
        session.close();
        // The fixture's changes were made at noon in Chicago on November 20: 3 am on the 21st in Tokyo.
        session = new SignedIn(Dashboard.builder()
                .ledger(fixture.ledger)
                .clock(DemoActivities.clock().withZone(java.time.ZoneId.of("Asia/Tokyo")))
                .build());
        String volume = page("/volume?days=7");
        assertTrue(volume.contains("each day (Asia/Tokyo) over the last 7 days"), volume);
        assertTrue(volume.contains("<th scope=\"col\">Day (Asia/Tokyo)</th>"), volume);
        assertEquals("2", cell(volume, "volume", "2026-11-21"));
        assertFalse(volume.contains("<th scope=\"row\">2026-11-20</th>"), volume);
    }

    @Test
    void theVolumeIsCountedInTheBackgroundAndCountedAgainWhenItIsOld() throws Exception {
        session.close();
        DashboardSecurityTest.MovableClock clock = new DashboardSecurityTest.MovableClock();
        session = new SignedIn(
                Dashboard.builder().ledger(fixture.ledger).clock(clock).build());
        String today =
                LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
        String first = page("/volume?days=7");
        assertEquals("2", cell(first, "volume", today), "the fixture's two valid completions");
        assertTrue(first.contains("counted at <span id=\"counted-at\">2026-11-20 15:00:00 UTC</span>"), first);
        fixture.ledger.record(LedgerFixture.completion("late-1", "1245319599", true));
        Thread.sleep(300);
        assertEquals("2", cell(page("/volume?days=30"), "volume", today), "the page shows the figures it has");
        clock.advance(Duration.ofSeconds(16));
        long deadline = System.nanoTime() + 10_000_000_000L;
        String seen;
        do {
            seen = cell(page("/volume?days=7"), "volume", today);
            if (seen.equals("3")) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertEquals("3", seen, "old figures are counted again");

        Matcher csrf =
                Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page("/entry?provider=0001234&key=late-1"));
        assertTrue(csrf.find());
        assertEquals(
                303,
                session.post("/withdraw", "csrf=" + csrf.group(1) + "&provider=0001234&key=late-1&confirm=yes")
                        .statusCode());
        deadline = System.nanoTime() + 10_000_000_000L;
        Matcher withdrawn;
        do {
            withdrawn = Pattern.compile("<th scope=\"row\">" + today + "</th>(?:<td>\\d+</td>){4}<td>(\\d+)</td>")
                    .matcher(page("/volume?days=7"));
            assertTrue(withdrawn.find());
            if (withdrawn.group(1).equals("1")) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertEquals("1", withdrawn.group(1), "counted again after an action, the clock unmoved");
    }
}
