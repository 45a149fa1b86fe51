package dev.dxcp.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.process.ServerProcess;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone Gate simulator ({@code gate-simulator/target/gate-simulator.jar}) in a JVM of its own, as
 * a cluster shares one Gate: every instance triggers and polls it over HTTP, and the test steers and
 * reads it through its control API ({@code /_sim}).
 */
final class GateSimulatorProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private GateSimulatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static GateSimulatorProcess start(long stageDelayMillis) {
        Path jar = Path.of("..", "gate-simulator", "target", "gate-simulator.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the gate-simulator module first");
        }
        int port = ServerProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.javaBinary(), "-Xmx96m", "-XX:+UseSerialGC",
                "-jar", jar.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--stage-delay-ms", String.valueOf(stageDelayMillis))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "cluster-gate-simulator.log").toFile());
        GateSimulatorProcess gate;
        try {
            gate = new GateSimulatorProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (TestHttp.get(gate.control(""), null).status() == 200) {
                    return gate;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            ServerProcess.sleep(100);
        }
        gate.close();
        throw new IllegalStateException("the Gate simulator did not start, see target/cluster-gate-simulator.log");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private String control(String path) {
        return baseUrl() + "/_sim" + path;
    }

    /** Adds a Front50-shaped pipeline configuration. */
    void addPipelineConfig(JsonNode pipeline) {
        expect(TestHttp.post(control("/pipelineConfigs"), null, pipeline), 204);
    }

    /** Executions of a service never finish (until cancelled), so its deployments stay in flight. */
    void hangDeploymentsOf(String service) {
        expect(TestHttp.post(control("/outcomes"), null, Map.of("outcome", Map.of("kind", "HANG"),
                "parameter", Map.of("name", "service", "value", service))), 204, 200);
    }

    List<JsonNode> executions() {
        Response response = TestHttp.get(control("/executions"), null);
        expect(response, 200);
        List<JsonNode> executions = new ArrayList<>();
        response.json().forEach(executions::add);
        return executions;
    }

    /** Executions Gate holds for a DXCP deployment: triggers carry its id. */
    long executionsOf(String deploymentId) {
        return executions().stream()
                .filter(e -> deploymentId.equals(e.path("trigger").path("dxcpDeploymentId").asText())).count();
    }

    /** Cancels every execution still running or waiting, so hung ones do not poll on through later scenarios. */
    void cancelUnfinished() {
        for (JsonNode execution : executions()) {
            String status = execution.path("status").asText();
            if (status.equals("RUNNING") || status.equals("NOT_STARTED")) {
                TestHttp.send("PUT", baseUrl() + "/pipelines/" + execution.path("id").asText()
                        + "/cancel?reason=test%20cleanup", null, null);
            }
        }
    }

    /** The next {@code times} calls to a Gate endpoint (e.g. GET_EXECUTION) answer {@code millis} late. */
    void slowDown(String endpoint, long millis, int times) {
        expect(TestHttp.post(control("/faults"), null, Map.of("endpoint", endpoint,
                "fault", Map.of("kind", "LATENCY", "delayMs", millis), "times", times)), 204, 200);
    }

    void clearFaults() {
        expect(TestHttp.delete(control("/faults"), null), 204, 200);
    }

    void clearOutcomes() {
        expect(TestHttp.delete(control("/outcomes"), null), 204, 200);
    }

    private static void expect(Response response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return;
            }
        }
        throw new AssertionError("Gate simulator answered " + response.status() + ": " + response.body());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
