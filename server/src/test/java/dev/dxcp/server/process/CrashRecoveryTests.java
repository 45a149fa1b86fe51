package dev.dxcp.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.artifact.DemoArtifacts;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Fault;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.server.e2e.DxcpTestEnvironment;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL the server at every point of a deployment's life and start it again on the same database:
 * each deployment still reaches a terminal state, and the engine never runs one twice. Killed under a
 * load of registrations or deploys, every request answered 2xx is there after the restart: an answer is
 * a promise, on PostgreSQL ({@link CrashRecoveryIT}) as on the embedded database
 * ({@link EmbeddedCrashRecoveryIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrashRecoveryTests {
    static final DxcpTestEnvironment env = DxcpTestEnvironment.get();
    private GateSimulator gate;
    private ServerProcess server;
    private int nextService = 1;

    /** The server's settings on the shared test environment, with the database under test. */
    abstract Map<String, String> settings(String gateUrl);

    @BeforeAll
    void startServer() {
        gate = GateSimulator.start(GateSimulatorConfig.builder().port(0).stageDelay(Duration.ofMillis(1500)).build());
        LoadFixtures.addParallelPipeline(gate);

        Map<String, String> settings = settings(gate.baseUrl());
        settings.put("DXCP_TRIGGER_WAIT", "0s");
        settings.put("DXCP_ENGINE_FIRST_POLL", "100ms");
        settings.put("DXCP_ENGINE_MAX_POLL", "300ms");
        server = new ServerProcess(settings, getClass().getSimpleName()).start();

        LoadFixtures.openForLoad(server, "crash-");
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (gate != null) {
            gate.stop();
        }
    }

    @AfterEach
    void clearFaults() {
        gate.faults().clear();
    }

    @Test
    void killedMidExecutionEveryDeploymentStillSucceedsOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(deploy(registeredService()));
        }
        awaitAll(ids, record -> !record.path("engineExecutionId").isNull());
        server.kill();
        server.start();
        assertFinishedOnce(ids);
    }

    @Test
    void killedBeforeTheEngineAnsweredTheTriggerTheDeploymentRunsOnce() {
        gate.faults().on(Endpoint.TRIGGER, Fault.latency(Duration.ofSeconds(3)), 1);
        String id = deploy(registeredService());
        ServerProcess.sleep(1000);
        server.kill();
        server.start();
        assertFinishedOnce(List.of(id));
    }

    @Test
    void killedAfterTheEngineStartedButBeforeItsIdWasRecordedTheExecutionIsRecoveredNotRepeated() {
        gate.faults().on(Endpoint.TRIGGER, Fault.latency(Duration.ofSeconds(4)).afterGateHandled(), 1);
        String id = deploy(registeredService());
        awaitExecutionCreatedFor(id);
        server.kill();
        server.start();
        assertFinishedOnce(List.of(id));
    }

    @Test
    void killedTheMomentTheRequestWasAcceptedTheSagaStillStartsIt() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(deploy(registeredService()));
        }
        server.kill();
        server.start();
        assertFinishedOnce(ids);
    }

    /**
     * CI clients register builds as fast as they can; the server is killed mid-load. Every registration
     * that got a 2xx is there after the restart, and retrying the unanswered ones with their own keys
     * registers each version exactly once.
     */
    @Test
    void killedDuringARegistrationLoadNothingAcknowledgedIsLostAndRetriesRegisterOnce() throws Exception {
        String service = "e2e-svc-30";
        Map<String, String> acknowledged = new java.util.concurrent.ConcurrentHashMap<>(); // key -> version
        Map<String, Map<String, Object>> unanswered = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();
        String ci = env.identity.ciToken("crash-load");
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    String key = UUID.randomUUID().toString();
                    Map<String, Object> build = buildOf(service, "7.0." + sequence.incrementAndGet());
                    try {
                        Response answer = TestHttp.post(server.url("/v1/builds/register"), ci, build,
                                "Idempotency-Key", key);
                        if (answer.status() / 100 == 2) {
                            acknowledged.put(key, answer.json().path("version").asText());
                        } else {
                            unanswered.put(key, build);
                        }
                    } catch (RuntimeException connectionLost) {
                        unanswered.put(key, build);
                    }
                }
            }, "crash-load-" + c);
            client.start();
            clients.add(client);
        }
        ServerProcess.sleep(4000);
        server.kill();
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        int acknowledgedBeforeKill = acknowledged.size();
        server.start();
        assertThat(acknowledgedBeforeKill).as("the load ran before the kill").isGreaterThan(5);
        assertThat(unanswered).as("the kill cut requests off").isNotEmpty();

        for (var retry : unanswered.entrySet()) {
            Response answer = TestHttp.post(server.url("/v1/builds/register"), ci, retry.getValue(),
                    "Idempotency-Key", retry.getKey());
            assertThat(answer.status()).as(answer.body()).isIn(200, 201);
            acknowledged.put(retry.getKey(), answer.json().path("version").asText());
        }
        int attempted = sequence.get();
        assertThat(acknowledged).as("every attempt is acknowledged, before the kill or on retry").hasSize(attempted);
        JsonNode versions = awaitVersions(service, attempted);
        assertThat(versions).as("every acknowledged build is listed").hasSize(attempted);
        assertThat(registrationEventsPerVersion(service)).as("no version registered twice").hasSize(attempted)
                .allSatisfy((version, count) -> assertThat(count).as(version).isEqualTo(1));
    }

    /** Fifty registrations answered 201 by eight CI clients, then SIGKILL at once: all fifty are there after the restart. */
    @Test
    void killedTheMomentABurstOfRegistrationsWasAnsweredEveryOneIsThere() throws Exception {
        String service = "e2e-svc-31";
        String ci = env.identity.ciToken("crash-burst");
        List<Map<String, Object>> builds = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            builds.add(buildOf(service, "8.0." + i));
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (Map<String, Object> build : builds) {
                answers.add(clients.submit(() -> TestHttp.post(server.url("/v1/builds/register"), ci, build,
                        "Idempotency-Key", UUID.randomUUID().toString())));
            }
            for (var answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
            }
        } finally {
            clients.shutdown();
        }
        server.kill();
        server.start();
        assertThat(awaitVersions(service, builds.size())).as("every build answered 201").hasSize(builds.size());
    }

    /**
     * Owners deploy as fast as they can; the server is killed mid-load. Every deployment answered 201 is
     * there after the restart and reaches SUCCEEDED, run by the engine exactly once.
     */
    @Test
    void killedDuringADeployLoadEveryAcknowledgedDeploymentIsThereAndRunsOnce() throws Exception {
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            versions.add(registeredService());
        }
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (String serviceAndVersion : versions) {
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        Response answer = submitDeploy(serviceAndVersion);
                        if (answer.status() == 201) {
                            acknowledged.add(answer.json().path("id").asText());
                        }
                    } catch (RuntimeException connectionLost) {
                        // cut off by the kill: not acknowledged, so nothing is owed
                    }
                }
            }, "crash-deploy-load");
            client.start();
            clients.add(client);
        }
        ServerProcess.sleep(3000);
        server.kill();
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        server.start();
        assertThat(acknowledged).as("the load ran before the kill").hasSizeGreaterThan(3);
        List<String> missing = acknowledged.stream()
                .filter(id -> TestHttp.get(server.url("/v1/deployments/" + id), env.identity.adminToken()).status() != 200)
                .toList();
        assertThat(missing).as("acknowledged deployments missing after the restart, of " + acknowledged.size())
                .isEmpty();
        assertFinishedOnce(List.copyOf(acknowledged));
    }

    private JsonNode awaitVersions(String service, int expected) {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode versions;
        do {
            versions = TestHttp.get(server.url("/v1/services/" + service + "/versions"), env.identity.adminToken())
                    .json().path("versions");
            if (versions.size() >= expected) {
                break;
            }
            ServerProcess.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        return versions;
    }

    /** BuildRegistered events per version of the service, read from the event store through the audit replay. */
    private Map<String, Integer> registrationEventsPerVersion(String service) throws Exception {
        Response replay = TestHttp.get(server.url("/v1/audit/replay?event_type=BuildRegistered"),
                env.identity.adminToken());
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        Map<String, Integer> counts = new HashMap<>();
        for (String line : replay.body().split("\n")) {
            JsonNode build = TestHttp.JSON.readTree(line).path("payload").path("build");
            if (service.equals(build.path("service").asText())) {
                counts.merge(build.path("version").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Map<String, Object> buildOf(String service, String version) {
        String key = DemoArtifacts.keyOf(service, version);
        env.artifacts.put(DxcpTestEnvironment.BUCKET, key, DemoArtifacts.zipOf(service, version), "application/zip");
        return Map.of("service", service, "version", version, "artifactRef",
                "s3://" + DxcpTestEnvironment.BUCKET + "/" + key, "git_sha", "0123abcd", "git_branch", "main",
                "ci_provider", "github", "ci_run_id", version, "built_at", "2026-03-01T00:00:00Z");
    }

    private String registeredService() {
        String service = "e2e-svc-" + (60 - nextService++);
        String version = "5.0." + nextService;
        String key = DemoArtifacts.keyOf(service, version);
        env.artifacts.put(DxcpTestEnvironment.BUCKET, key, DemoArtifacts.zipOf(service, version), "application/zip");
        Map<String, Object> build = Map.of("service", service, "version", version, "artifactRef",
                "s3://" + DxcpTestEnvironment.BUCKET + "/" + key, "git_sha", "abc", "git_branch", "main",
                "ci_provider", "github", "ci_run_id", "1", "built_at", "2026-03-01T00:00:00Z");
        Response registered = TestHttp.post(server.url("/v1/builds/register"), env.identity.ciToken("crash-ci"), build,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return service + ":" + version;
    }

    private String deploy(String serviceAndVersion) {
        Response response = submitDeploy(serviceAndVersion);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private Response submitDeploy(String serviceAndVersion) {
        String[] parts = serviceAndVersion.split(":");
        Map<String, Object> intent = Map.of("service", parts[0], "environment", "sandbox", "version", parts[1],
                "changeSummary", "crash test", "recipeId", LoadFixtures.PARALLEL_RECIPE);
        return TestHttp.post(server.url("/v1/deployments"), env.identity.adminToken(), intent,
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private void awaitExecutionCreatedFor(String deploymentId) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (executionsFor(deploymentId) > 0) {
                return;
            }
            ServerProcess.sleep(50);
        }
        throw new AssertionError("the engine never saw a trigger for " + deploymentId);
    }

    private void awaitAll(List<String> ids, java.util.function.Predicate<JsonNode> condition) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (ids.stream().allMatch(id -> condition.test(record(id)))) {
                return;
            }
            ServerProcess.sleep(100);
        }
        throw new AssertionError("condition not reached for " + ids);
    }

    private void assertFinishedOnce(List<String> ids) {
        awaitAll(ids, record -> List.of("SUCCEEDED", "FAILED", "CANCELED").contains(record.path("state").asText()));
        for (String id : ids) {
            assertThat(record(id).path("state").asText()).as("state of " + id).isEqualTo("SUCCEEDED");
            assertThat(executionsFor(id)).as("executions for " + id).isEqualTo(1);
        }
    }

    private JsonNode record(String id) {
        return TestHttp.get(server.url("/v1/deployments/" + id), env.identity.adminToken()).json();
    }

    private long executionsFor(String deploymentId) {
        return gate.executions().stream()
                .filter(e -> deploymentId.equals(e.path("trigger").path("dxcpDeploymentId").asText())).count();
    }
}
