package dev.dxcp.saga.deployment;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.deployment.ActorIdentity;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApproved;
import dev.dxcp.events.deployment.ApprovalMessages.ExpireApproval;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineExecution;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineObservation;
import dev.dxcp.events.deployment.DeploymentCommands.RecordEngineTriggerRefusal;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentState;
import dev.dxcp.events.deployment.EngineTarget;
import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.deployment.FailureModel;
import dev.dxcp.events.deployment.PolicySnapshot;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Fault;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.saga.spinnaker.GateClient;
import dev.dxcp.saga.spinnaker.transport.GateAuthSettings;
import dev.dxcp.saga.spinnaker.transport.GateSettings;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.saga.FixtureExecutionResult;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine saga, given-when-then, against a real simulated Gate over HTTP: triggers once, follows
 * the execution to its end, refuses with the engine's code, recovers an execution it already started.
 */
class DeploymentExecutionSagaTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration SETTLE = Duration.ofMillis(600);
    /** Sagas in these tests keep DeploymentAccepted in its current form: nothing is read again. */
    static final DeploymentLookup NO_OLDER_SAGAS = id -> {
        throw new AssertionError("read " + id + " again");
    };

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicReference<Optional<EngineCommands.Refusal>> artifactVerdict =
            new AtomicReference<>(Optional.empty());
    /** Deployments that wait for approval, with their time limit (what their streams say). */
    private final java.util.Map<String, Instant> approvalLimits = new java.util.HashMap<>();
    private GateSimulator gate;
    private SagaTestFixture<DeploymentExecutionSaga> fixture;

    @BeforeEach
    void setUp() {
        gate = GateSimulator.start(GateSimulatorConfig.builder().port(0).stageDelay(Duration.ZERO)
                .startDelay(Duration.ZERO).build());
        fixture = fixtureWithReadTimeout(null);
    }

    /** A saga fixture whose Gate client gives up after readTimeout (null: the client's default). */
    private SagaTestFixture<DeploymentExecutionSaga> fixtureWithReadTimeout(Duration readTimeout) {
        SagaTestFixture<DeploymentExecutionSaga> created = new SagaTestFixture<>(DeploymentExecutionSaga.class);
        GateClient client = GateClient.create(new GateSettings(gate.baseUrl(), GateAuthSettings.none(), null,
                readTimeout, null, "dxcp"));
        EngineCommands commands = new DispatchingEngineCommands((command, requestId) -> created.getCommandBus()
                .dispatch(GenericCommandMessage.asCommandMessage(command)));
        ConductorSettings settings = new ConductorSettings(Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofMinutes(5), Duration.ofSeconds(900), 3, SETTLE);
        created.registerResource(new EngineConductor(() -> client, d -> artifactVerdict.get(), commands, settings,
                NO_OLDER_SAGAS, clock));
        created.registerResource(new ApprovalWait(id -> Optional.ofNullable(approvalLimits.get(id)), commands,
                clock));
        return created;
    }

    @AfterEach
    void tearDown() {
        gate.stop();
    }

    static DeploymentAccepted accepted(String id, DeploymentKind kind, String pipeline) {
        return new DeploymentAccepted(id,
                new DeploymentAccepted.Placement("demo-service", "sandbox", "default", "lane/default/sandbox"),
                new DeploymentAccepted.Change(kind, "1.2.3", "ship it", null,
                        kind == DeploymentKind.ROLLBACK ? "d0" : null,
                        kind == DeploymentKind.ROLLBACK ? "1.2.3" : null),
                new DeploymentAccepted.RecipeUse("default", 1, "Standard"),
                new DeploymentAccepted.Artifact("s3://bucket/demo-service/demo-service-1.2.3.zip", "a".repeat(64),
                        100L),
                new EngineTarget("dxcp-demo", pipeline),
                new DeploymentAccepted.Submission(T0, new ActorIdentity("alice", "DELIVERY_OWNER",
                        "alice@example.com", "alice", null), new IdempotencyKeyUse("key-" + id, "POST",
                        "/v1/deployments")),
                new PolicySnapshot(1, 0, 25, 0, 25, 50));
    }

    private static org.axonframework.eventhandling.EventMessage<?> withRequestId(Object payload) {
        return org.axonframework.eventhandling.GenericEventMessage.asEventMessage(payload)
                .andMetaData(MetaData.with("request_id", "req-1"));
    }

    @Test
    void anAcceptedDeploymentSchedulesItsFirstStepAtOnce() throws Exception {
        fixture.givenNoPriorActivity()
                .whenPublishingA(withRequestId(accepted("d1", DeploymentKind.ROLL_FORWARD, "deploy-demo-service")))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ZERO, DeploymentExecutionSaga.STEP);
    }

    @Test
    void aDeploymentWaitingForApproval_triggersNothing_untilItIsApproved() throws Exception {
        approvalLimits.put("a1", T0.plusSeconds(3600));
        var given = fixture.givenCurrentTime(T0).andThenAPublished(withRequestId(accepted("a1",
                DeploymentKind.ROLL_FORWARD, "deploy-demo-service"))).andThenTimeElapses(Duration.ofMinutes(30));
        assertThat(gate.triggerCount()).as("no engine call while waiting for approval").isZero();

        given.whenPublishingA(new DeploymentApproved("a1", T0.plusSeconds(1800)))
                .expectScheduledDeadlineWithName(Duration.ZERO, DeploymentExecutionSaga.STEP)
                .expectNoScheduledDeadlineWithName(Duration.ofMinutes(30), DeploymentExecutionSaga.APPROVAL_EXPIRY);
    }

    @Test
    void whenTheApprovalTimeLimitPasses_theSagaAsksTheCommandSideToExpireIt_andTriggersNothing() throws Exception {
        approvalLimits.put("a2", T0.plusSeconds(600));
        clock.advance(Duration.ofSeconds(600));
        fixture.givenCurrentTime(T0)
                .andThenAPublished(withRequestId(accepted("a2", DeploymentKind.ROLL_FORWARD, "deploy-demo-service")))
                .whenTimeAdvancesTo(T0.plusSeconds(600))
                .expectDispatchedCommands(new ExpireApproval("a2", T0.plusSeconds(600)));
        assertThat(gate.triggerCount()).isZero();
    }

    @Test
    void theFirstStepTriggersTheRecipesPipelineOnceAndRecordsItsExecution() throws Exception {
        FixtureExecutionResult result = fixture.givenAPublished(withRequestId(
                        accepted("d2", DeploymentKind.ROLL_FORWARD, "deploy-demo-service")))
                .whenTimeElapses(Duration.ofMillis(1));
        String executionId = gate.executions().get(0).path("id").asText();
        result.expectDispatchedCommands(new RecordEngineExecution("d2", executionId,
                gate.baseUrl() + "/pipelines/" + executionId, T0));
        assertThat(gate.triggerCount()).isEqualTo(1);
        var trigger = gate.executions().get(0).path("trigger");
        assertThat(trigger.path("user").asText()).isEqualTo("alice@example.com");
        assertThat(trigger.path("idempotencyKey").asText()).isEqualTo("key-d2");
        assertThat(trigger.path("parameters").path("artifactRef").asText()).endsWith("demo-service-1.2.3.zip");
        assertThat(trigger.path("parameters").path("s3Key").asText()).isEqualTo("demo-service/demo-service-1.2.3.zip");
    }

    @Test
    void theSagaFollowsTheExecutionToSucceededAndEndsWithTheDeployment() throws Exception {
        var given = fixture.givenAPublished(withRequestId(accepted("d3", DeploymentKind.ROLL_FORWARD,
                "deploy-demo-service"))).andThenTimeElapses(Duration.ofMillis(1));
        awaitExecutionsEnd();
        clock.advance(Duration.ofMillis(50));
        given.whenTimeElapses(Duration.ofMillis(50))
                .expectDispatchedCommands(new RecordEngineObservation("d3", DeploymentState.SUCCEEDED, List.of(),
                        T0.plusMillis(50)))
                .expectNoScheduledDeadlineWithName(Duration.ofMillis(200), DeploymentExecutionSaga.STEP);
        fixture.givenCurrentTime(T0)
                .whenPublishingA(new DeploymentSucceeded("d3", T0))
                .expectActiveSagas(0);
    }

    @Test
    void aFailedExecutionIsReportedWithExactlyOneNormalizedFailure() throws Exception {
        gate.outcomes().forPipeline("deploy-demo-service", Outcome.controllerError("artifact_bucket_mismatch"));
        var given = fixture.givenAPublished(withRequestId(accepted("d5", DeploymentKind.ROLL_FORWARD,
                "deploy-demo-service"))).andThenTimeElapses(Duration.ofMillis(1));
        awaitExecutionsEnd();
        FixtureExecutionResult result = given.whenTimeElapses(Duration.ofMillis(50));
        RecordEngineObservation observation = (RecordEngineObservation) lastDispatched(result);
        assertThat(observation.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(observation.failures()).hasSize(1);
        assertThat(observation.failures().get(0).category()).isEqualTo(FailureCategory.ARTIFACT);
    }

    @Test
    void aRollbackTriggersTheRollbackPipelineWithItsTargetVersion() throws Exception {
        fixture.givenAPublished(withRequestId(accepted("r1", DeploymentKind.ROLLBACK, "rollback-demo-service")))
                .whenTimeElapses(Duration.ofMillis(1));
        var trigger = gate.executions().get(0).path("trigger");
        assertThat(gate.executions().get(0).path("name").asText()).isEqualTo("rollback-demo-service");
        assertThat(trigger.path("parameters").path("targetVersion").asText()).isEqualTo("1.2.3");
    }

    @Test
    void aMissingArtifactRefusesBeforeAnyTrigger() throws Exception {
        FailureModel failure = new FailureModel(FailureCategory.ARTIFACT, "missing", null, "rebuild", T0);
        EngineCommands.Refusal refusal = new EngineCommands.Refusal(ErrorCode.ARTIFACT_NOT_FOUND, "gone", null, null,
                failure);
        artifactVerdict.set(Optional.of(refusal));
        fixture.givenAPublished(withRequestId(accepted("d6", DeploymentKind.ROLL_FORWARD, "deploy-demo-service")))
                .whenTimeElapses(Duration.ofMillis(1))
                .expectDispatchedCommands(new RecordEngineTriggerRefusal("d6", ErrorCode.ARTIFACT_NOT_FOUND, "gone",
                        null, null, failure, T0));
        assertThat(gate.triggerCount()).isZero();
    }

    @Test
    void anEngineRedirectingToALoginPageRefusesWithEngineMisconfiguredAndIsNotRetried() throws Exception {
        gate.setAuthMode(AuthMode.LOGIN_REDIRECT);
        FixtureExecutionResult result = fixture.givenAPublished(withRequestId(accepted("d7",
                        DeploymentKind.ROLL_FORWARD, "deploy-demo-service")))
                .whenTimeElapses(Duration.ofMillis(1));
        RecordEngineTriggerRefusal refusal = (RecordEngineTriggerRefusal) lastDispatched(result);
        assertThat(refusal.code()).isEqualTo(ErrorCode.ENGINE_MISCONFIGURED);
        assertThat(refusal.code().status()).isEqualTo(502);
        assertThat(refusal.failure().summary()).doesNotContainIgnoringCase("spinnaker");
    }

    @Test
    void anUnreachableEngineIsRetriedThenRefusedWithEngineUnavailable() throws Exception {
        gate.stop();
        var given = fixture.givenAPublished(withRequestId(accepted("d8", DeploymentKind.ROLL_FORWARD,
                "deploy-demo-service")));
        FixtureExecutionResult first = given.andThenTimeElapses(Duration.ofMillis(1))
                .whenTimeElapses(Duration.ofSeconds(3));
        RecordEngineTriggerRefusal refusal = (RecordEngineTriggerRefusal) lastDispatched(first);
        assertThat(refusal.code()).isEqualTo(ErrorCode.ENGINE_UNAVAILABLE);
        assertThat(refusal.code().status()).isEqualTo(503);
        assertThat(refusal.failure().category()).isEqualTo(FailureCategory.INFRASTRUCTURE);
    }

    @Test
    void anExecutionAlreadyStartedForTheDeploymentIsRecoveredNotTriggeredAgain() throws Exception {
        fixture.givenAPublished(withRequestId(accepted("d9", DeploymentKind.ROLL_FORWARD, "deploy-demo-service")))
                .whenTimeElapses(Duration.ofMillis(1));
        String first = gate.executions().get(0).path("id").asText();
        // The same saga step again, as after a crash before the saga could save its progress.
        SagaTestFixture<DeploymentExecutionSaga> restarted = new SagaTestFixture<>(DeploymentExecutionSaga.class);
        GateClient client = GateClient.create(GateSettings.of(gate.baseUrl(), GateAuthSettings.none()));
        restarted.registerResource(new EngineConductor(() -> client, d -> Optional.empty(),
                new DispatchingEngineCommands((c, requestId) -> restarted.getCommandBus()
                        .dispatch(GenericCommandMessage.asCommandMessage(c))),
                ConductorSettings.defaults(), NO_OLDER_SAGAS, clock));
        restarted.registerResource(new ApprovalWait(id -> Optional.empty(), null, clock));
        restarted.givenAPublished(withRequestId(accepted("d9", DeploymentKind.ROLL_FORWARD, "deploy-demo-service")))
                .whenTimeElapses(Duration.ofMillis(1))
                .expectDispatchedCommands(new RecordEngineExecution("d9", first, gate.baseUrl() + "/pipelines/" + first,
                        T0));
        assertThat(gate.triggerCount()).isEqualTo(1);
    }

    @Test
    void aTriggerLeftUnansweredIsAdoptedWhenGateStartsItAnywayNotTriggeredAgain() throws Exception {
        SagaTestFixture<DeploymentExecutionSaga> impatient = fixtureWithReadTimeout(Duration.ofMillis(200));
        gate.faults().on(Endpoint.TRIGGER, Fault.latency(Duration.ofMillis(500)), 1);
        var given = impatient.givenAPublished(withRequestId(accepted("d11", DeploymentKind.ROLL_FORWARD,
                "deploy-demo-service"))).andThenTimeElapses(Duration.ofMillis(1));
        awaitExecutions(1);
        String started = gate.executions().get(0).path("id").asText();
        // Gate has started it by now, but the saga must not look before the settle time has passed.
        given.andThenTimeElapses(SETTLE.minusMillis(100))
                .whenTimeElapses(Duration.ofMillis(100))
                .expectDispatchedCommands(new RecordEngineExecution("d11", started,
                        gate.baseUrl() + "/pipelines/" + started, T0));
        assertThat(gate.triggerCount()).isEqualTo(1);
    }

    @Test
    void aTriggerAcceptedWithAnUnreadableAnswerIsAdoptedFromTheSearch() throws Exception {
        gate.faults().on(Endpoint.TRIGGER, Fault.malformedJson(), 1);
        var given = fixture.givenAPublished(withRequestId(accepted("d13", DeploymentKind.ROLL_FORWARD,
                "deploy-demo-service"))).andThenTimeElapses(Duration.ofMillis(1));
        String started = gate.executions().get(0).path("id").asText();
        given.whenTimeElapses(SETTLE)
                .expectDispatchedCommands(new RecordEngineExecution("d13", started,
                        gate.baseUrl() + "/pipelines/" + started, T0));
        assertThat(gate.triggerCount()).isEqualTo(1);
    }

    @Test
    void aTriggerNeverAnsweredIsRefusedWithEngineTimeoutAfterALastSearch() throws Exception {
        SagaTestFixture<DeploymentExecutionSaga> impatient = fixtureWithReadTimeout(Duration.ofMillis(200));
        gate.faults().always(Endpoint.TRIGGER, Fault.hang(Duration.ofMillis(400)));
        FixtureExecutionResult result = impatient.givenAPublished(withRequestId(accepted("d12",
                        DeploymentKind.ROLL_FORWARD, "deploy-demo-service")))
                .whenTimeElapses(Duration.ofSeconds(5));
        RecordEngineTriggerRefusal refusal = (RecordEngineTriggerRefusal) lastDispatched(result);
        assertThat(refusal.code()).isEqualTo(ErrorCode.ENGINE_TIMEOUT);
        assertThat(refusal.code().status()).isEqualTo(504);
        assertThat(refusal.failure().category()).isEqualTo(FailureCategory.TIMEOUT);
        assertThat(gate.requestCount(Endpoint.TRIGGER)).as("three attempts").isEqualTo(3);
        assertThat(gate.triggerCount()).isZero();
    }

    @Test
    void anEngineSilentForTheStaleLockPeriodFailsTheDeploymentWithAnInfrastructureFailure() throws Exception {
        var given = fixture.givenAPublished(withRequestId(accepted("d10", DeploymentKind.ROLL_FORWARD,
                "deploy-demo-service"))).andThenTimeElapses(Duration.ofMillis(1));
        gate.stop();
        clock.advance(Duration.ofSeconds(901));
        FixtureExecutionResult result = given.whenTimeElapses(Duration.ofMillis(50));
        RecordEngineObservation observation = (RecordEngineObservation) lastDispatched(result);
        assertThat(observation.state()).isEqualTo(DeploymentState.FAILED);
        assertThat(observation.failures()).singleElement()
                .satisfies(f -> assertThat(f.category()).isEqualTo(FailureCategory.INFRASTRUCTURE));
    }

    private Object lastDispatched(FixtureExecutionResult result) {
        List<CommandMessage<?>> dispatched = new java.util.ArrayList<>();
        result.expectDispatchedCommandsMatching(new org.hamcrest.BaseMatcher<>() {
            @Override
            public boolean matches(Object item) {
                @SuppressWarnings("unchecked")
                List<CommandMessage<?>> commands = (List<CommandMessage<?>>) item;
                dispatched.addAll(commands);
                return !commands.isEmpty();
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("at least one dispatched command");
            }
        });
        return dispatched.get(dispatched.size() - 1).getPayload();
    }

    private void awaitExecutions(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (gate.executions().size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private void awaitExecutionsEnd() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            boolean running = gate.executions().stream().anyMatch(e -> {
                String status = e.path("status").asText();
                return status.equals("RUNNING") || status.equals("NOT_STARTED");
            });
            if (!running) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("executions did not finish");
    }

    /** A clock the test moves by hand, so the stale-lock period passes without waiting. */
    @Test
    void aSagaKeptInTheFormBeforeRevisionTwoReadsItsDeploymentAgain() throws Exception {
        // Saga state is stored with the server's ObjectMapper, which ignores fields it does not know: the flat
        // form of an older saga reads back with its id only.
        DeploymentAccepted kept = new com.fasterxml.jackson.databind.ObjectMapper()
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue("{\"deploymentId\":\"d7\",\"service\":\"demo-service\",\"version\":\"1.2.3\","
                        + "\"deploymentKind\":\"ROLL_FORWARD\",\"intentCorrelationId\":\"k-7\"}",
                        DeploymentAccepted.class);
        DeploymentAccepted stored = accepted("d7", DeploymentKind.ROLL_FORWARD, "deploy-demo-service");
        EngineConductor conductor = new EngineConductor(() -> null, d -> Optional.empty(),
                new DispatchingEngineCommands((c, r) -> { }),
                ConductorSettings.defaults(), id -> id.equals("d7") ? stored : null, clock);
        assertThat(kept.placement()).isNull();
        assertThat(conductor.current(kept)).isSameAs(stored);
        assertThat(conductor.current(stored)).isSameAs(stored);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
