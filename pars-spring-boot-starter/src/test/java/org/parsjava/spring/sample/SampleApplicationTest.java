/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parsjava.client.ParsClient;
import org.parsjava.core.model.LearnerCompletion;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.ParsSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A small LMS back end, in its own package as an application would be, that knows pars-java only
 * through {@code pars.*} properties: it records
 * completions in the ledger, the starter's worker sends them, Actuator shows the rest.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = SampleApplicationTest.LmsApplication.class)
class SampleApplicationTest {

    /**
     * The application: nothing of its own but Spring Boot, the starter, and a clock set to the
     * day the fixtures were written for (the starter judges dates by the application's clock).
     */
    @SpringBootApplication(
            // This application has no accounts: Spring Security is on the test class path for
            // the dashboard's tests only.
            excludeName = {
                "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"
            })
    static class LmsApplication {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return Fixtures.CLOCK;
        }
    }

    private static final ParsSimulator PARS =
            ParsSimulator.builder().clock(Fixtures.CLOCK).build().start();

    static {
        PARS.addActivity(Fixtures.activity());
    }

    @DynamicPropertySource
    static void pars(DynamicPropertyRegistry p) {
        p.add("pars.base-url", PARS::baseUrl);
        p.add("pars.provider-id", () -> ParsSimulator.DEFAULT_PROVIDER_ID);
        p.add("pars.provider-name", () -> "Example Health CME");
        p.add("pars.user", () -> ParsSimulator.DEFAULT_USER);
        p.add("pars.password", () -> ParsSimulator.DEFAULT_PASSWORD);
        p.add("pars.ledger.key", () -> LedgerKey.generate().toBase64());
        p.add("pars.ledger.worker-interval", () -> "200ms");
        // A file database, as the starter requires of a ledger (an in-memory one is lost at restart).
        p.add("spring.datasource.url", () -> "jdbc:h2:file:./target/sample-lms-" + System.nanoTime());
        // Migrated by Flyway: Liquibase, on this module's test class path for another test, stays off.
        p.add("spring.liquibase.enabled", () -> "false");
        p.add("management.endpoints.web.exposure.include", () -> "health,metrics");
        p.add("management.endpoint.health.show-details", () -> "always");
    }

    @AfterAll
    static void stop() {
        PARS.close();
    }

    @Autowired
    ReportingLedger ledger;

    @Autowired
    ParsClient client;

    @Autowired
    TestRestTemplate http;

    @Test
    void completionsRecordedByTheAppReachParsAndActuatorShowsPars() throws Exception {
        List<LearnerCompletion> completions = List.of(
                Fixtures.completion().toBuilder().completionKey("lms-1").build(),
                Fixtures.completion().toBuilder()
                        .completionKey("lms-2")
                        .completionDate(Fixtures.completion().completionDate().plusDays(1))
                        .build());
        completions.forEach(ledger::record);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (PARS.credits().size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(PARS.credits()).hasSize(4); // CME and ABIM lines of both, sent by the starter's worker

        String health = http.getForObject("/actuator/health", String.class);
        assertThat(health).contains("\"pars\"").contains("\"credentials\":\"accepted\"");
        String requests = http.getForObject("/actuator/metrics/pars.requests", String.class);
        assertThat(requests).contains("SaveLearnerActivity");
        String records = http.getForObject("/actuator/metrics/pars.records", String.class);
        assertThat(records).contains("\"accepted\"");
        String overdue = http.getForObject("/actuator/metrics/pars.ledger.overdue", String.class);
        assertThat(overdue).contains("\"value\"");
    }
}
