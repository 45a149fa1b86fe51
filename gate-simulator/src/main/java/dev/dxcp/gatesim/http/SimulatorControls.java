package dev.dxcp.gatesim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.FaultPlan;
import dev.dxcp.gatesim.control.Judgment;
import dev.dxcp.gatesim.control.OutcomeRules;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the control API under {@code /_sim} drives: the simulator's own Java controls. The simulator
 * implements it, so this package needs nothing of the simulator that starts it.
 */
public interface SimulatorControls {
    String baseUrl();

    Clock clock();

    OutcomeRules outcomes();

    FaultPlan faults();

    void judgment(String executionId, Judgment judgment, String user);

    int triggerCount();

    int triggerCountByIdempotencyKey(String idempotencyKey);

    Map<String, Integer> triggerCountsByIdempotencyKey();

    int requestCount(Endpoint endpoint);

    List<ObjectNode> executions();

    void setHealthDown(boolean down);

    void setAuthMode(AuthMode mode);

    AuthMode authMode();

    void addApplication(JsonNode application);

    void addPipelineConfig(JsonNode pipelineConfig);

    void reset();

    boolean isStepped();

    void tick();

    void advance(Duration duration);
}
