/*
 * Copyright 2026 The pars-java authors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.parsjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parsjava.client.ParsClient;
import org.parsjava.client.ParsEndpoints;
import org.parsjava.core.testing.Fixtures;
import org.parsjava.ledger.LedgerKey;
import org.parsjava.ledger.ReportingLedger;
import org.parsjava.testkit.ParsSimulator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ParsAutoConfigurationTest {

    private static ParsSimulator pars;

    @BeforeAll
    static void start() {
        pars = ParsSimulator.builder().clock(Fixtures.CLOCK).build().start();
        pars.addActivity(Fixtures.activity());
    }

    @AfterAll
    static void stop() {
        pars.close();
    }

    /** The application's clock is on the day the fixtures were written for. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ParsAutoConfiguration.class, ParsStartupReport.class))
            .withBean(java.time.Clock.class, () -> Fixtures.CLOCK);

    private String[] connection() {
        return new String[] {
            "pars.base-url=" + pars.baseUrl(),
            "pars.provider-id=" + ParsSimulator.DEFAULT_PROVIDER_ID,
            "pars.provider-name=Example Health CME",
            "pars.user=" + ParsSimulator.DEFAULT_USER,
            "pars.password=" + ParsSimulator.DEFAULT_PASSWORD
        };
    }

    @Test
    void nothingWithoutABaseUrl() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ParsClient.class));
    }

    @Test
    void aClientFromProperties() {
        runner.withPropertyValues(connection())
                .withPropertyValues("pars.generation=REST")
                .run(context -> {
                    assertThat(context).hasSingleBean(ParsClient.class);
                    assertThat(context.getBean(ParsClient.class).generation()).isEqualTo(ParsEndpoints.Generation.REST);
                    assertThat(context).doesNotHaveBean(ReportingLedger.class);
                    assertThat(context.getBean(ParsProperties.class).toString())
                            .doesNotContain(ParsSimulator.DEFAULT_PASSWORD);
                    ParsProperties.Retry retry =
                            context.getBean(ParsProperties.class).getRetry();
                    assertThat(retry.getMaxAttempts()).isEqualTo(4);
                    assertThat(retry.getTotalDeadline()).isEqualTo(java.time.Duration.ofMinutes(2));
                });
    }

    @Test
    void endpointsComeFromTheFileNamedInProperties(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("endpoints.json");
        org.parsjava.client.EndpointsFile.write(ParsEndpoints.rest(), file);
        runner.withPropertyValues(connection())
                .withPropertyValues("pars.endpoints-file=" + file)
                .run(context -> assertThat(context.getBean(ParsClient.class).generation())
                        .isEqualTo(ParsEndpoints.Generation.REST));
        java.nio.file.Files.writeString(file, "{\"generation\": \"SOAP\"}");
        runner.withPropertyValues(connection())
                .withPropertyValues("pars.endpoints-file=" + file)
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("pars.endpoints-file")
                        .hasMessageContaining("unknown generation SOAP"));
    }

    @Test
    void anApplicationAddsABoardWithTheRulesFileProperty(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("rules.json"), """
                {"extends": "defaults", "boards": [{"code": "ABFM", "acronym": "ABFM",
                  "name": "American Board of Family Medicine", "idFormat": "[0-9]{8}",
                  "creditTypes": [{"code": "ABFM_KNOWLEDGE", "name": "Knowledge Self-Assessment"}]}]}
                """);
        runner.withPropertyValues(connection())
                .withPropertyValues("pars.rules-file=" + file)
                .run(context -> {
                    org.parsjava.core.rules.RulesCatalogue rules =
                            context.getBean(org.parsjava.core.rules.RulesCatalogue.class);
                    assertThat(rules.board("ABFM")).isPresent();
                    assertThat(context.getBean(ParsClient.class).rules()).isSameAs(rules);
                    org.parsjava.core.model.Board abfm = rules.board("ABFM").orElseThrow();
                    // The ledger judges records by the same catalogue: an ABFM ID of the wrong shape is refused.
                    assertThat(rules.rules(abfm).orElseThrow().idFormat().pattern())
                            .isEqualTo("[0-9]{8}");
                });
        runner.withPropertyValues(connection())
                .run(context -> assertThat(
                                context.getBean(ParsClient.class).rules().board("ABFM"))
                        .isEmpty());
        java.nio.file.Files.writeString(file, "{\"extends\": \"defaults\", \"boards\": [{\"code\": \"ABFM\"}]}");
        runner.withPropertyValues(connection())
                .withPropertyValues("pars.rules-file=" + file)
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("pars.rules-file")
                        .hasMessageContaining("board ABFM: acronym is required"));
    }

    @Test
    void theApplicationsClockJudgesDates() {
        // A day before the fixture's completion (2026-02-27): the completion is then in the future.
        java.time.Clock february = java.time.Clock.fixed(
                java.time.Instant.parse("2026-02-01T18:00:00Z"), java.time.ZoneId.of("America/Chicago"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ParsAutoConfiguration.class))
                .withBean(java.time.Clock.class, () -> february)
                .withPropertyValues(connection())
                .run(context -> {
                    org.parsjava.client.RecordResult r = context.getBean(ParsClient.class)
                            .learners()
                            .submit(List.of(Fixtures.completion()))
                            .records()
                            .get(0);
                    assertThat(r.outcome()).isEqualTo(org.parsjava.client.RecordOutcome.INVALID);
                    assertThat(r.violations())
                            .extracting(v -> v.code())
                            .contains(org.parsjava.core.validation.ViolationCode.COMPLETION_DATE_IN_FUTURE);
                });
    }

    @Test
    void anIncompleteConfigurationFailsNamingThePropertiesToSet() {
        runner.withPropertyValues("pars.base-url=" + pars.baseUrl(), "pars.connect-timeout=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure)
                            .rootCause()
                            .isInstanceOf(InvalidParsConfigurationException.class)
                            .hasMessageContaining("pars.connect-timeout must be positive");
                    org.springframework.boot.diagnostics.FailureAnalysis analysis =
                            new ParsConfigurationFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("pars.connect-timeout");
                    assertThat(analysis.getAction()).contains("pars.* properties");
                });
        runner.withPropertyValues("pars.base-url=" + pars.baseUrl())
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("pars.provider-id is required")
                        .hasMessageContaining("pars.user and pars.password are required")
                        .hasMessageNotContaining("providerId"));
    }

    @Test
    void withoutABaseUrlTheStarterSaysSoAndAMissingClientIsExplained() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ParsClient.class);
            assertThat(context).hasBean("parsStartupReportListener");
        });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ParsAutoConfiguration.class, ParsStartupReport.class))
                .withPropertyValues(connection())
                .run(context -> assertThat(context).doesNotHaveBean("parsStartupReportListener"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ParsAutoConfiguration.class))
                .withBean(NeedsParsClient.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    org.springframework.boot.diagnostics.FailureAnalysis analysis =
                            new MissingParsBeanFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("pars.base-url is set, and it is not");
                    assertThat(analysis.getAction()).contains("Set pars.base-url");
                });
    }

    /** An application bean that needs the client. */
    static class NeedsParsClient {
        NeedsParsClient(ParsClient client) {}
    }

    @Test
    void aLedgerInAnInMemoryDatabaseIsRefusedUnlessAllowedForTests() {
        runner.withPropertyValues(connection())
                .withPropertyValues("pars.ledger.key=" + LedgerKey.generate().toBase64())
                .withBean(DataSource.class, ParsAutoConfigurationTest::inMemory)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("in-memory database")
                            .isInstanceOf(InvalidParsConfigurationException.class);
                    assertThat(new ParsConfigurationFailureAnalyzer()
                                    .analyze(context.getStartupFailure())
                                    .getAction())
                            .contains("pars.ledger.allow-in-memory=true");
                });
        runner.withPropertyValues(connection())
                .withPropertyValues("pars.ledger.key=not-a-key", "pars.ledger.allow-in-memory=true")
                .withBean(DataSource.class, ParsAutoConfigurationTest::inMemory)
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("pars.ledger.key is not a ledger key"));
    }

    @Test
    void theReportingJobGoesThroughTheLedgerWhenThereIsOne() {
        runner.withPropertyValues(connection())
                .run(context -> assertThat(context.getBean(org.parsjava.job.ReportingJob.class)
                                .toString())
                        .contains("PARS"));
        runner.withPropertyValues(connection())
                .withPropertyValues(
                        "pars.ledger.key=" + LedgerKey.generate().toBase64(),
                        "pars.ledger.allow-in-memory=true",
                        "pars.ledger.worker-enabled=false")
                .withBean(DataSource.class, ParsAutoConfigurationTest::inMemory)
                .run(context -> assertThat(context.getBean(org.parsjava.job.ReportingJob.class)
                                .toString())
                        .contains("LEDGER"));
    }

    private static DataSource inMemory() {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:starter-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void metricsGoToTheApplicationsRegistry() {
        runner.withPropertyValues(connection())
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    ParsClient client = context.getBean(ParsClient.class);
                    client.learners().submit(List.of(Fixtures.completion()));
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("pars.records")
                                    .tag("outcome", "accepted")
                                    .counter()
                                    .count())
                            .isEqualTo(1.0);
                    assertThat(registry.get("pars.requests")
                                    .tag("operation", "SaveLearnerActivity")
                                    .timer()
                                    .count())
                            .isEqualTo(1);
                });
    }

    @Test
    void noMicrometerNoMetricsAndTheClientStillWorks() {
        runner.withPropertyValues(connection())
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(ParsClient.class);
                    assertThat(context).doesNotHaveBean("parsMetrics");
                });
    }

    @Test
    void aLedgerOnTheApplicationsDataSourceWithItsWorkerAndHealth() {
        runner.withPropertyValues(connection())
                .withPropertyValues(
                        "pars.ledger.key=" + LedgerKey.generate().toBase64(),
                        "pars.ledger.worker-interval=1h",
                        "pars.ledger.allow-in-memory=true")
                .withBean(DataSource.class, ParsAutoConfigurationTest::inMemory)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasSingleBean(ReportingLedger.class);
                    assertThat(context.getBean(ParsLedgerWorkerLifecycle.class).isRunning())
                            .isTrue();
                    ParsHealthIndicator health = context.getBean(ParsHealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health().getDetails())
                            .containsEntry("credentials", "accepted")
                            .containsEntry("overdue", 0L);
                    ReportingLedger ledger = context.getBean(ReportingLedger.class);
                    // Completed in February and not sent: past its 30-day deadline on the application's clock (June
                    // 15).
                    ledger.record(Fixtures.completion().toBuilder()
                            .completionKey("starter-1")
                            .build());
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("pars.ledger.entries")
                                    .tag("state", "pending")
                                    .gauge()
                                    .value())
                            .isEqualTo(1.0);
                    assertThat(registry.get("pars.ledger.overdue").gauge().value())
                            .isEqualTo(1.0);
                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.health().getDetails()).containsEntry("overdue", 1L);
                    context.getBean(ParsLedgerWorkerLifecycle.class).stop();
                    assertThat(context.getBean(ParsLedgerWorkerLifecycle.class).isRunning())
                            .isFalse();
                });
    }

    @Test
    void theLedgerIsCreatedAfterTheApplicationsOwnFlywayMigrations() {
        // Had the ledger made its tables first, the application's Flyway would refuse the schema as
        // not empty and without its history.
        assertCreatedAfterMigrations(
                org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration.class,
                "spring.flyway.locations=classpath:db/application-migration",
                "application_course");
    }

    @Test
    void theLedgerIsCreatedAfterTheApplicationsOwnLiquibaseMigrations() {
        // The application's changelog halts if the ledger's tables are there before it.
        assertCreatedAfterMigrations(
                org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration.class,
                "spring.liquibase.change-log=classpath:db/application-changelog.yaml",
                "application_lesson");
    }

    /**
     * Starts a context whose migrations ({@code migrations}, from {@code where}) create {@code
     * table} and would fail had the ledger's tables come first: it starts, with the ledger and the
     * table.
     */
    private void assertCreatedAfterMigrations(Class<?> migrations, String where, String table) {
        runner.withConfiguration(AutoConfigurations.of(migrations))
                .withPropertyValues(connection())
                .withPropertyValues(
                        "pars.ledger.key=" + LedgerKey.generate().toBase64(),
                        "pars.ledger.worker-enabled=false",
                        "pars.ledger.allow-in-memory=true",
                        where)
                .withBean(DataSource.class, ParsAutoConfigurationTest::inMemory)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(ReportingLedger.class);
                    try (java.sql.Connection c =
                                    context.getBean(DataSource.class).getConnection();
                            java.sql.ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
                        assertThat(rs.next()).isTrue();
                    }
                });
    }

    @Test
    void settingsReachTheClientAndYourOwnBeansWin() {
        runner.withPropertyValues(connection())
                .withPropertyValues(
                        "pars.retry.max-attempts=1",
                        "pars.ledger.key=" + LedgerKey.generate().toBase64(),
                        "pars.ledger.worker-enabled=false",
                        "pars.ledger.allow-in-memory=true")
                .withBean(DataSource.class, ParsAutoConfigurationTest::inMemory)
                .run(context -> {
                    assertThat(context).hasSingleBean(ReportingLedger.class);
                    assertThat(context).doesNotHaveBean(ParsLedgerWorkerLifecycle.class);
                    pars.inject(
                            org.parsjava.client.ParsEndpoints.Operation.GET_LEARNER_STATUS,
                            org.parsjava.testkit.Fault.serverError(503));
                    int before = pars.requests().size();
                    org.junit.jupiter.api.Assertions.assertThrows(
                            org.parsjava.client.exception.ParsServerException.class,
                            () -> context.getBean(ParsClient.class).learners().status("ccid:0001234:x-cme"));
                    assertThat(pars.requests().size() - before).isEqualTo(1); // max-attempts=1: no retry
                });
        ParsClient own = ParsClient.builder()
                .baseUrl(pars.baseUrl())
                .providerId("0001234")
                .providerName("Own")
                .credentials(org.parsjava.client.ParsCredentials.of("u", "p"))
                .build();
        runner.withPropertyValues(connection())
                .withBean(ParsClient.class, () -> own)
                .run(context -> assertThat(context.getBean(ParsClient.class)).isSameAs(own));
        own.close();
    }

    @Test
    void healthIsDownWhenParsRefusesTheCredentials() {
        runner.withPropertyValues(connection())
                .withPropertyValues("pars.password=wrong")
                .run(context -> {
                    var health = context.getBean(ParsHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("credentials", "refused");
                    assertThat(health.toString()).doesNotContain("wrong");
                });
    }
}
