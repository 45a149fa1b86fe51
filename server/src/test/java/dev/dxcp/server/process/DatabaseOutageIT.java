package dev.dxcp.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.artifact.DemoArtifacts;
import dev.dxcp.gatesim.GateSimulator;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.server.e2e.DxcpTestEnvironment;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability, database outage: PostgreSQL is stopped for 10 s under a load of registrations, reads and
 * deployments, then started again. Meanwhile requests fail with 503 SERVICE_UNAVAILABLE (never a 500,
 * never a dropped connection) and readiness is DOWN; afterwards readiness is UP again, every
 * acknowledged registration and deployment is there, the unanswered ones succeed on retry with their
 * keys, projections catch up and every deployment reaches SUCCEEDED, with no operator action.
 */
class DatabaseOutageIT {
    private static final DxcpTestEnvironment env = DxcpTestEnvironment.get();
    private static final String SERVICE = "e2e-svc-32";
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static GateSimulator gate;
    private static ServerProcess server;

    private final Map<String, Map<String, Object>> registrations = new ConcurrentHashMap<>();
    private final Map<String, Integer> registrationAnswers = new ConcurrentHashMap<>();
    private final Queue<String> deployments = new ConcurrentLinkedQueue<>();
    private final Queue<String> badAnswers = new ConcurrentLinkedQueue<>();
    private final Queue<String> outageAnswers = new ConcurrentLinkedQueue<>();
    private final Queue<String> readiness = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile String phase = "before";

    @BeforeAll
    static void startServer() {
        gate = GateSimulator.start(GateSimulatorConfig.builder().port(0).stageDelay(Duration.ofMillis(300)).build());
        LoadFixtures.addParallelPipeline(gate);
        Map<String, String> settings = ProcessSettings.forTestEnvironment(env, "outage",
                env.postgres.createDatabase("outage"), gate.baseUrl());
        settings.put("DXCP_ENGINE_FIRST_POLL", "100ms");
        settings.put("DXCP_ENGINE_MAX_POLL", "300ms");
        server = new ServerProcess(settings, "database-outage").start();
        LoadFixtures.openForLoad(server, "outage-");
    }

    @AfterAll
    static void stopServer() {
        if (!env.postgres.isRunning()) {
            env.postgres.startServer();
        }
        if (server != null) {
            server.close();
        }
        if (gate != null) {
            gate.stop();
        }
    }

    @Test
    void aTenSecondOutageIs503MeanwhileAndLosesNothingAcknowledged() throws Exception {
        String ci = env.identity.ciToken("outage-ci");
        String admin = env.identity.adminToken();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            load.add(loop("register-" + i, () -> register(ci, UUID.randomUUID().toString(), nextBuild())));
        }
        load.add(loop("read", () -> read(admin)));
        load.add(loop("deploy", () -> deployOne(ci, admin)));
        load.add(loop("readiness", this::probeReadiness));

        ServerProcess.sleep(3000);
        phase = "outage";
        env.postgres.stopServer();
        ServerProcess.sleep(OUTAGE.toMillis());
        env.postgres.startServer();
        phase = "after";
        ServerProcess.sleep(8000);
        stop.set(true);
        for (Thread thread : load) {
            thread.join();
        }

        assertThat(badAnswers).as("every failure is a 503 SERVICE_UNAVAILABLE with a request id").isEmpty();
        assertThat(outageAnswers).as("the outage was felt").isNotEmpty();
        assertThat(readiness).as("readiness UP, then DOWN during the outage, then UP again")
                .containsSubsequence("before 200", "outage 503", "after 200");

        for (var unanswered : registrations.entrySet()) {
            if (registrationAnswers.getOrDefault(unanswered.getKey(), 0) / 100 != 2) {
                Response retried = post("/v1/builds/register", ci, unanswered.getValue(), unanswered.getKey());
                assertThat(retried.status()).as(retried.body()).isIn(200, 201);
            }
        }
        JsonNode versions = awaitVersions(registrations.size());
        assertThat(versions).as("every registration, acknowledged or retried, is listed").hasSize(registrations.size());
        for (String id : deployments) {
            assertThat(awaitTerminal(id, admin)).as("deployment " + id).isEqualTo("SUCCEEDED");
        }
        assertThat(deployments).as("deployments were acknowledged around the outage").isNotEmpty();
    }

    private Thread loop(String name, Runnable step) {
        Thread thread = new Thread(() -> {
            while (!stop.get()) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    badAnswers.add(name + " in " + phase + ": no HTTP answer (" + e.getMessage() + ")");
                }
                ServerProcess.sleep(20);
            }
        }, "outage-" + name);
        thread.start();
        return thread;
    }

    private Map<String, Object> nextBuild() {
        String version = "9.0." + sequence.incrementAndGet();
        String key = DemoArtifacts.keyOf(SERVICE, version);
        env.artifacts.put(DxcpTestEnvironment.BUCKET, key, DemoArtifacts.zipOf(SERVICE, version), "application/zip");
        Map<String, Object> build = new HashMap<>(Map.of("service", SERVICE, "version", version, "artifactRef",
                "s3://" + DxcpTestEnvironment.BUCKET + "/" + key, "git_sha", "0123abcd", "git_branch", "main",
                "ci_provider", "github", "ci_run_id", version, "built_at", "2026-03-01T00:00:00Z"));
        return build;
    }

    private Response register(String ci, String key, Map<String, Object> build) {
        registrations.put(key, build);
        Response answer = post("/v1/builds/register", ci, build, key);
        if (answer.status() / 100 == 2 && !answer.body().contains("\"version\"")) {
            // An empty 2xx once answered a write whose database connection broke (a database disconnect was
            // taken for the client's): a success must carry the build.
            badAnswers.add("register in " + phase + ": " + answer.status() + " without the build: " + answer.body());
        }
        registrationAnswers.put(key, answer.status());
        return answer;
    }

    private void read(String admin) {
        check("read", TestHttp.get(server.url("/v1/services/" + SERVICE + "/versions"), admin));
    }

    /** Registers a build and deploys it; a deploy answered 201 must end SUCCEEDED. */
    private void deployOne(String ci, String admin) {
        String key = UUID.randomUUID().toString();
        Map<String, Object> build = nextBuild();
        if (register(ci, key, build).status() / 100 != 2) {
            return;
        }
        Map<String, Object> intent = Map.of("service", SERVICE, "environment", "sandbox", "version",
                build.get("version"), "changeSummary", "outage test", "recipeId", LoadFixtures.PARALLEL_RECIPE);
        Response answer = post("/v1/deployments", admin, intent, UUID.randomUUID().toString());
        if (answer.status() == 201) {
            deployments.add(answer.json().path("id").asText());
        }
        ServerProcess.sleep(300);
    }

    private void probeReadiness() {
        Response probe = TestHttp.get(server.url("/actuator/health/readiness"), null);
        String entry = phase + " " + probe.status();
        if (!entry.equals(lastReadiness())) {
            readiness.add(entry);
        }
        ServerProcess.sleep(200);
    }

    private String lastReadiness() {
        String last = null;
        for (String entry : readiness) {
            last = entry;
        }
        return last;
    }

    private Response post(String path, String token, Object body, String key) {
        return check(path, TestHttp.post(server.url(path), token, body, "Idempotency-Key", key));
    }

    /** Records any answer that is neither a success nor the outage's 503 SERVICE_UNAVAILABLE. */
    private Response check(String what, Response answer) {
        if (answer.status() / 100 == 2) {
            return answer;
        }
        JsonNode body = answer.json();
        if (answer.status() == 503 && body.path("code").asText().equals("SERVICE_UNAVAILABLE")
                && !body.path("request_id").asText().isEmpty()) {
            outageAnswers.add(what + " in " + phase);
        } else {
            badAnswers.add(what + " in " + phase + " -> " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    private JsonNode awaitVersions(int expected) {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode versions;
        do {
            versions = TestHttp.get(server.url("/v1/services/" + SERVICE + "/versions"), env.identity.adminToken())
                    .json().path("versions");
            if (versions.size() >= expected) {
                break;
            }
            ServerProcess.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return versions;
    }

    private String awaitTerminal(String id, String admin) {
        long deadline = System.currentTimeMillis() + 60_000;
        String state;
        do {
            state = TestHttp.get(server.url("/v1/deployments/" + id), admin).json().path("state").asText();
            if (List.of("SUCCEEDED", "FAILED", "CANCELED").contains(state)) {
                break;
            }
            ServerProcess.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return state;
    }
}
