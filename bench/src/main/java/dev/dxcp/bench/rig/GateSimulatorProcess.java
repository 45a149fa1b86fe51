package dev.dxcp.bench.rig;

import dev.dxcp.testsupport.http.TestHttp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Gate simulator in its own JVM, with no stage delay: the engine answers as fast as it can, so a
 * deployment's time to SUCCEEDED is DXCP's own overhead (saga steps, polls, commands).
 */
public final class GateSimulatorProcess implements AutoCloseable {
    private final ChildProcess child;
    private final int port;

    private GateSimulatorProcess(ChildProcess child, int port) {
        this.child = child;
        this.port = port;
    }

    public static GateSimulatorProcess start(Path jar, Path logDir) {
        int port = FreePort.pick();
        List<String> command = List.of(ChildProcess.javaLauncher(), "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                jar.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--stage-delay-ms", "0");
        ChildProcess child = ChildProcess.start("gate-simulator", command, Map.of(), logDir.resolve("gate-simulator.log"));
        try {
            HealthWait.until(child, port, "/_sim/", Duration.ofSeconds(60));
            return new GateSimulatorProcess(child, port);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Adds a pipeline through the simulator's control API (the same JSON Front50 would hold). */
    public void addPipelineConfig(Object pipeline) {
        TestHttp.Response response = TestHttp.post(baseUrl() + "/_sim/pipelineConfigs", null, pipeline);
        if (response.status() != 204) {
            throw new IllegalStateException("Gate simulator refused the pipeline: " + response.status() + " "
                    + response.body());
        }
    }

    @Override
    public void close() {
        child.close();
    }
}
