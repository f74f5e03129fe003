/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.parsjava.ledger.EntryState;
import org.parsjava.testkit.demo.DemoActivities;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver};
 * {@code .ci/run} installs them). Without them the test is skipped with how to run it, except
 * under {@code CI=true}, where it is mandatory. Screenshots go to {@code target/screenshots/}.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private LedgerFixture fixture;
    private Dashboard dashboard;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(
                ci || (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)),
                "browser tests skipped: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver) to run them; CI=true makes them mandatory");
        fixture = new LedgerFixture(dir);
        dashboard = Dashboard.builder()
                .ledger(fixture.ledger)
                .clock(DemoActivities.clock())
                .build()
                .start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Clicks a link or a submit button and waits until the browser has left the page, so what is
     * read next is the new page, not the old one on its way out.
     */
    private void follow(By target) throws InterruptedException {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                page.isEnabled();
            } catch (StaleElementReferenceException gone) {
                awaitLoaded();
                return;
            } catch (org.openqa.selenium.WebDriverException detached) {
                // Chromium may instead say the old node no longer belongs to the document: gone too.
                awaitLoaded();
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the browser did not leave the page after clicking " + target);
    }

    /** Waits until the page now shown has loaded. */
    private void awaitLoaded() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Object state =
                        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.readyState");
                if ("complete".equals(state)) {
                    return;
                }
            } catch (org.openqa.selenium.WebDriverException between) {
                // the next document is not there yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the next page did not load");
    }

    @Test
    void officeStaffFollowTheLinksAndWithdrawAndRetryFromThePage() throws Exception {
        browser.get(dashboard.url());
        assertEquals("Overview - PARS reporting", browser.getTitle());
        assertFalse(browser.getCurrentUrl().contains("token"), "the token leaves the address bar");
        assertTrue(browser.findElement(By.id("states-table")).getText().contains("RETRYING 1"));
        assertTrue(browser.findElement(By.id("deadlines-ahead")).isDisplayed());
        shot("overview");

        follow(By.linkText("Rows to fix"));
        assertEquals("Rows to fix - PARS reporting", browser.getTitle());
        assertTrue(browser.findElement(By.id("rows-to-fix")).getText().contains("CONSENT_MISSING"));
        shot("rows-to-fix");

        // An invalid row: withdrawn (the learner opted out), after confirming.
        follow(By.linkText("bad-1"));
        assertEquals("Entry - PARS reporting", browser.getTitle());
        shot("entry");
        browser.findElement(By.id("withdraw")).click();
        assertEquals(
                EntryState.INVALID,
                fixture.ledger.entry("0001234", "bad-1").orElseThrow().state(),
                "nothing happens until the box is ticked");
        browser.findElement(By.id("confirm-withdraw")).sendKeys(Keys.SPACE); // by keyboard
        follow(By.id("withdraw"));
        assertTrue(browser.findElement(By.id("entry")).getText().contains("WITHDRAWN"));
        assertEquals(
                EntryState.WITHDRAWN,
                fixture.ledger.entry("0001234", "bad-1").orElseThrow().state());

        // A failing send: sent now instead of at its next attempt.
        follow(By.linkText("Overview"));
        follow(By.linkText("RETRYING"));
        follow(By.linkText("retry-1"));
        assertFalse(browser.findElement(By.id("entry")).getText().contains("Next attempt\n-"));
        browser.findElement(By.id("confirm-send-now")).click();
        follow(By.id("send-now"));
        assertTrue(browser.findElement(By.id("history")).getText().contains("next attempt brought forward"));
        shot("entry-after-send-now");
        assertEquals(1, fixture.ledger.drain().accepted(), "due at once");
        assertEquals(
                EntryState.ACCEPTED,
                fixture.ledger.entry("0001234", "retry-1").orElseThrow().state());

        follow(By.linkText("At risk"));
        assertEquals("At risk - PARS reporting", browser.getTitle());
        follow(By.linkText("Overdue"));
        assertEquals("Overdue - PARS reporting", browser.getTitle());
        shot("overdue");
        follow(By.linkText("Volume"));
        assertEquals("Reporting volume - PARS reporting", browser.getTitle());
        String today = java.time.LocalDate.now(DemoActivities.clock()).toString();
        assertTrue(browser.findElement(By.id("volume")).getText().contains(today), "today's sends are in the table");
        shot("volume");
    }

    @Test
    void aBrowserWithoutTheTokenSeesNoData() {
        browser.get("http://127.0.0.1:" + dashboard.port() + "/overview");
        assertEquals("Not available - PARS reporting", browser.getTitle());
        assertFalse(browser.getPageSource().contains("accepted-1"));
    }
}
