/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.parsjava.testkit.demo.DemoActivities;

class DashboardCommandTest {

    @Test
    void theDemosDashboardKeepsItsDayButItsClockMovesSoLinksAndSessionsExpire() throws InterruptedException {
        Clock demo = DemoActivities.clock(); // stands still: a link would never expire by it
        Clock shown = DashboardCommand.moving(demo);
        assertEquals(demo.getZone(), shown.getZone());
        assertEquals(DemoActivities.AS_OF, LocalDate.now(shown), "the demo's day, as its pages count it");
        Instant first = shown.instant();
        Thread.sleep(20);
        assertTrue(shown.instant().isAfter(first), "moves");
    }

    @Test
    void aMovingClockIsKeptAsItIs() {
        Clock system = Clock.systemUTC();
        Clock shown = DashboardCommand.moving(system);
        assertEquals(LocalDate.now(system), LocalDate.now(shown));
        long apart = Math.abs(system.millis() - shown.millis());
        assertTrue(apart < 60_000, "the same time of day: " + apart + " ms apart");
    }
}
