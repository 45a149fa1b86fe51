package dev.dxcp.gatesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.FaultPlan;
import dev.dxcp.gatesim.control.GateSimulatorConfig;
import dev.dxcp.gatesim.control.Judgment;
import dev.dxcp.gatesim.control.OutcomeRules;
import dev.dxcp.gatesim.control.SimulatedClock;
import dev.dxcp.gatesim.front50.Front50;
import dev.dxcp.gatesim.http.GateHttpServer;
import dev.dxcp.gatesim.http.RequestCounter;
import dev.dxcp.gatesim.http.SimulatorControls;
import dev.dxcp.gatesim.orca.ExecutionEngine;
import dev.dxcp.gatesim.orca.RealTimeDriver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running Spinnaker Gate simulator: Gate's HTTP API on {@link #baseUrl()}, a control API on
 * {@link #adminUrl()}, and the same controls as Java methods. Thread-safe.
 *
 * <pre>{@code
 * try (GateSimulator gate = GateSimulator.start(GateSimulatorConfig.builder().basePath("/gate").build())) {
 *     gate.outcomes().forParameter("version", "9.9.9-fail", Outcome.controllerError("artifact_bucket_mismatch"));
 *     // point the client at gate.baseUrl()
 * }
 * }</pre>
 */
public final class GateSimulator implements SimulatorControls, AutoCloseable {

    private final GateSimulatorConfig config;
    private final Front50 front50 = Front50.seeded();
    private final OutcomeRules outcomes = new OutcomeRules();
    private final FaultPlan faults = new FaultPlan();
    private final RequestCounter requests = new RequestCounter();
    private final AtomicBoolean healthDown = new AtomicBoolean();
    private final ExecutionEngine engine;
    private final RealTimeDriver driver;
    private final GateHttpServer server;

    private GateSimulator(GateSimulatorConfig config) {
        this.config = config;
        this.engine = new ExecutionEngine(config.clock(), config.timings(), config.controllerUrl());
        this.driver = config.stepped() ? null : new RealTimeDriver(engine, config.clock());
        try {
            this.server = new GateHttpServer(config, front50, engine, outcomes, faults, requests, healthDown, this);
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.close();
            }
            throw e;
        }
        server.start();
    }

    public static GateSimulator start(GateSimulatorConfig config) {
        return new GateSimulator(config);
    }

    public static GateSimulator start() {
        return start(GateSimulatorConfig.defaults());
    }

    /** Gate's base URL including the base path, e.g. {@code http://127.0.0.1:8084/gate}. */
    public String baseUrl() {
        return root() + config.basePath();
    }

    /** The control API's root, always below the server root: {@code http://127.0.0.1:8084/_sim}. */
    public String adminUrl() {
        return root() + "/" + GateHttpServer.ADMIN_PREFIX;
    }

    private String root() {
        String host = config.bindAddress();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public int port() {
        return server.port();
    }

    public GateSimulatorConfig config() {
        return config;
    }

    public Clock clock() {
        return config.clock();
    }

    public void stop() {
        server.close();
        if (driver != null) {
            driver.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Rules deciding how new executions end. */
    public OutcomeRules outcomes() {
        return outcomes;
    }

    /** Faults armed against Gate endpoints. */
    public FaultPlan faults() {
        return faults;
    }

    /**
     * An operator's answer to the manual judgment waiting in an execution, given as {@code user}.
     * Like Orca, the stage acts on it at the engine's next step: at once in real time, on the next
     * {@link #tick()} or {@link #advance(Duration)} when stepped.
     *
     * @throws java.util.NoSuchElementException for an unknown execution
     * @throws IllegalStateException            when no manual judgment is waiting
     */
    public void judgment(String executionId, Judgment judgment, String user) {
        engine.judge(executionId, null, judgment, user);
    }

    public void judgment(String executionId, Judgment judgment) {
        judgment(executionId, judgment, "anonymous");
    }

    /** Trigger requests that reached Gate's trigger logic (accepted or refused by Gate's own checks). */
    public int triggerCount() {
        return engine.triggerLog().total();
    }

    public int triggerCountByIdempotencyKey(String idempotencyKey) {
        return engine.triggerLog().forIdempotencyKey(idempotencyKey);
    }

    public Map<String, Integer> triggerCountsByIdempotencyKey() {
        return engine.triggerLog().byIdempotencyKey();
    }

    /** Requests that reached an endpoint, including those a fault or authentication turned away. */
    public int requestCount(Endpoint endpoint) {
        return requests.count(endpoint);
    }

    /** Every execution document, oldest first, as {@code GET /pipelines/{id}} would show it now. */
    public List<ObjectNode> executions() {
        return engine.executions();
    }

    public Optional<ObjectNode> execution(String executionId) {
        return engine.execution(executionId);
    }

    public void setHealthDown(boolean down) {
        healthDown.set(down);
    }

    public void setAuthMode(AuthMode mode) {
        server.authMode(mode);
    }

    public AuthMode authMode() {
        return server.authMode();
    }

    public void addApplication(JsonNode application) {
        front50.putApplication((ObjectNode) application);
    }

    public void addPipelineConfig(JsonNode pipelineConfig) {
        front50.putPipelineConfig((ObjectNode) pipelineConfig);
    }

    /** Back to the state right after start: seed data only, no executions, rules, faults or counts. */
    public void reset() {
        engine.reset();
        outcomes.clear();
        faults.clear();
        requests.clear();
        healthDown.set(false);
        front50.reset();
        server.authMode(config.authMode());
    }

    public boolean isStepped() {
        return config.stepped();
    }

    /** Plays everything due at the current time (stepped mode; harmless in real time). */
    public void tick() {
        engine.advanceTo(config.clock().millis());
    }

    /** Moves the simulated clock forward and plays everything that became due, in order. */
    public void advance(Duration duration) {
        if (!(config.clock() instanceof SimulatedClock simulated)) {
            throw new IllegalStateException("advance() needs a SimulatedClock; this simulator runs in real time");
        }
        simulated.advance(duration);
        tick();
    }
}
