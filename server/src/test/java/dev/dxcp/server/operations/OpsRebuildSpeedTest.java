package dev.dxcp.server.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.build.BuildRecord;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAdmitted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentProgressed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentReleased;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentEvents.LaneQuotaConsumed;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.query.audit.AuditEntries;
import dev.dxcp.query.audit.AuditProjection;
import dev.dxcp.query.build.BuildRegistryProjection;
import dev.dxcp.query.deployment.DeploymentHistoryProjection;
import dev.dxcp.query.operations.EventStoreHead;
import dev.dxcp.query.operations.ProjectionCatalog;
import dev.dxcp.query.operations.ProjectionRebuilder;
import dev.dxcp.query.operations.RebuildInfrastructure;
import dev.dxcp.query.operations.RebuildRun;
import dev.dxcp.query.operations.RebuildableProjection;
import dev.dxcp.query.operations.StoredTokens;
import dev.dxcp.testsupport.postgres.TestPostgres;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuild speed and correctness on a large event store of its own (PostgreSQL): synthetic histories of
 * builds and deployments, interleaved with events the projections do not handle, replayed by the real
 * rebuild (temporary processor, batch writes, generation switch), audit entries included. The event count
 * defaults to 100,000; {@code -Ddxcp.bench.events=1000000} runs the full benchmark.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsRebuildSpeedTest {
    /** Events per deployment unit below: build, accepted, admitted, started, progressed, end, released, quota. */
    private static final int EVENTS_PER_UNIT = 8;
    private static final int EVENTS = Integer.getInteger("dxcp.bench.events", 100_000);
    private static final int UNITS = EVENTS / EVENTS_PER_UNIT;
    private static final int SERVICES = 50;

    private final TestPostgres postgres = TestPostgres.shared();
    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private ProjectionRebuilder rebuilder;
    private ExecutorService runner;
    private EmbeddedEventStore eventStore;

    @BeforeAll
    void aLargeEventStore() {
        String url = postgres.createDatabase("bench");
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(postgres.user());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(8);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);

        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        SpringDataSourceConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(transactions).eventSerializer(serializer).snapshotSerializer(serializer).build();
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        JdbcTokenStore tokens = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).build();

        long started = System.nanoTime();
        List<EventMessage<?>> chunk = new ArrayList<>();
        for (int unit = 0; unit < UNITS; unit++) {
            chunk.addAll(unit(unit));
            if (chunk.size() >= 2_000) {
                List<EventMessage<?>> batch = List.copyOf(chunk);
                transactions.executeInTransaction(() -> eventStore.publish(batch));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            transactions.executeInTransaction(() -> eventStore.publish(chunk));
        }
        System.out.printf("bench: appended %d events in %d ms%n", UNITS * EVENTS_PER_UNIT,
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        ProjectionCatalog catalog = new ProjectionCatalog(List.of(
                new RebuildableProjection(BuildRegistryProjection.NAME, BuildRegistryProjection.TABLES,
                        target -> new BuildRegistryProjection(jdbc, target)),
                new RebuildableProjection(DeploymentHistoryProjection.NAME, DeploymentHistoryProjection.TABLES,
                        target -> new DeploymentHistoryProjection(jdbc, mapper, target)),
                new RebuildableProjection(AuditProjection.NAME, AuditProjection.TABLES,
                        target -> new AuditProjection(jdbc, new AuditEntries(mapper, mapper::valueToTree), target))));
        runner = Executors.newCachedThreadPool();
        rebuilder = new ProjectionRebuilder(catalog, jdbc, new TransactionTemplate(new DataSourceTransactionManager(
                dataSource)), new StoredTokens(jdbc, serializer), new RebuildInfrastructure(eventStore, tokens,
                transactions), new EventStoreHead(jdbc), eventStore, runner, Clock.systemUTC());
    }

    @AfterAll
    void close() {
        runner.shutdownNow();
        eventStore.shutDown();
        dataSource.close();
    }

    @Test
    void theBuildRegistryRebuildsEveryBuildAndSwitchesGeneration() {
        RebuildRun run = rebuilt(BuildRegistryProjection.NAME);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_build", Long.class)).isEqualTo(UNITS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_build_g1", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT active FROM rm_generation WHERE projection = 'builds'", Integer.class))
                .isEqualTo(run.targetGeneration());
    }

    @Test
    void deploymentHistoryRebuildsEveryRecordWithItsFinalStateAndTheRunningVersion() {
        rebuilt(DeploymentHistoryProjection.NAME);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_deployment", Long.class)).isEqualTo(UNITS);
        long failed = (UNITS + 9) / 10;
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_deployment WHERE state = 'FAILED'", Long.class))
                .isEqualTo(failed);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_deployment WHERE state = 'SUCCEEDED' "
                + "AND engine_execution_id IS NOT NULL", Long.class)).isEqualTo(UNITS - failed);
        // The newest success of each service is what runs.
        int last = UNITS - 1;
        while (last % 10 == 0) {
            last--;
        }
        assertThat(jdbc.queryForObject("SELECT deployment_id FROM rm_running WHERE service = ?", String.class,
                service(last))).isEqualTo(deploymentId(last));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_running", Long.class)).isEqualTo(SERVICES - SERVICES / 10);
    }

    /** Nothing here ever ran the live audit processor, so any link would have been written by the rebuild. */
    @Test
    void theAuditRebuildsOneEntryPerAcceptedDeploymentAndLinksNoEvent() {
        RebuildRun run = rebuilt(AuditProjection.NAME);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE event_type = 'DEPLOY_SUBMIT'",
                Long.class)).isEqualTo(UNITS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(UNITS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT active FROM rm_generation WHERE projection = 'audit'", Integer.class))
                .isEqualTo(run.targetGeneration());
    }

    private RebuildRun rebuilt(String name) {
        RebuildRun run = rebuilder.start(name, MetaData.emptyInstance());
        long deadline = System.currentTimeMillis() + 900_000;
        while (!run.finished() && System.currentTimeMillis() < deadline) {
            sleep();
        }
        assertThat(run.status()).as(String.valueOf(run.failure())).isEqualTo(RebuildRun.Status.COMPLETED);
        long millis = Duration.between(run.startedAt(), run.completedAt()).toMillis();
        System.out.printf("bench: rebuilt %s over %d events in %d ms (%.0f events/s)%n", name, run.headAtStart() + 1,
                millis, (run.headAtStart() + 1) * 1000.0 / Math.max(1, millis));
        return run;
    }

    /** One deployment's history; every tenth fails. */
    private static List<EventMessage<?>> unit(int unit) {
        String service = service(unit);
        String version = "1." + unit + ".0";
        String id = deploymentId(unit);
        String lane = "grp|sandbox";
        Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(unit * 60L);
        BuildRecord build = new BuildRecord("b-" + unit, service, version, "s3://bench/" + service + "/" + version
                + ".zip", "0123456789abcdef", "main", "bench", "github", "run-" + unit, at.minusSeconds(600),
                "a".repeat(64), 1024L, "application/zip", null, null, null, null, null, at.minusSeconds(300));
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(event(new BuildRegistered("build/" + service + "/" + version, build)));
        events.add(event(new DeploymentAccepted(id,
                new DeploymentAccepted.Placement(service, "sandbox", "grp", lane),
                new DeploymentAccepted.Change(DeploymentKind.ROLL_FORWARD, version, "deploy " + version, null, null,
                        null),
                new DeploymentAccepted.RecipeUse("default", 1, "Standard"),
                new DeploymentAccepted.Artifact(build.artifactRef(), build.sha256(), 1024L),
                null,
                new DeploymentAccepted.Submission(at, new ActorIdentity("bench", "PLATFORM_ADMIN", null, "bench",
                        null), new IdempotencyKeyUse("key-" + unit, "POST", "/v1/deployments")),
                null)));
        events.add(event(new DeploymentAdmitted(lane, id, at)));
        events.add(event(new EngineExecutionStarted(id, "exec-" + unit, "http://gate/pipelines/exec-" + unit,
                at.plusSeconds(1))));
        events.add(event(new DeploymentProgressed(id, DeploymentState.IN_PROGRESS, at.plusSeconds(2))));
        if (unit % 10 == 0) {
            events.add(event(new DeploymentFailed(id, List.of(new FailureModel(FailureCategory.APP, "failed",
                    null, "retry", at.plusSeconds(30))), at.plusSeconds(30))));
        } else {
            events.add(event(new DeploymentSucceeded(id, at.plusSeconds(30))));
        }
        events.add(event(new DeploymentReleased(lane, id, at.plusSeconds(30))));
        events.add(event(new LaneQuotaConsumed(lane, DeploymentKind.ROLL_FORWARD, java.time.LocalDate.of(2025, 1, 1),
                unit)));
        return events;
    }

    private static String service(int unit) {
        return "bench-svc-" + unit % SERVICES;
    }

    private static String deploymentId(int unit) {
        return String.format("00000000-0000-0000-0000-%012d", unit);
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
