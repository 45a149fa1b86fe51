package dev.dxcp.gatesim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.control.AuthMode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.FaultPlan;
import dev.dxcp.gatesim.control.Judgment;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.gatesim.json.Json;
import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * The simulator's control API under {@code /_sim}, mirroring the Java methods of
 * the simulator ({@link SimulatorControls}) so a simulator in another JVM can be driven by tests.
 */
final class AdminApi {

    private final SimulatorControls simulator;

    AdminApi(SimulatorControls simulator) {
        this.simulator = simulator;
    }

    Router routes() {
        return new Router()
                .add("GET", "/", null, this::summary)
                .add("POST", "/outcomes", null, this::addOutcome)
                .add("DELETE", "/outcomes", null, call -> {
                    simulator.outcomes().clear();
                    return GateResponse.empty(204);
                })
                .add("GET", "/faults", null, this::listFaults)
                .add("POST", "/faults", null, this::addFault)
                .add("DELETE", "/faults", null, this::clearFaults)
                .add("GET", "/triggers", null, this::triggers)
                .add("GET", "/requests", null, this::requests)
                .add("GET", "/executions", null, this::executions)
                .add("POST", "/executions/{id}/judgment", null, this::judgment)
                .add("PUT", "/health", null, this::health)
                .add("PUT", "/auth", null, this::auth)
                .add("POST", "/clock/advance", null, this::advanceClock)
                .add("POST", "/tick", null, call -> {
                    simulator.tick();
                    return GateResponse.empty(204);
                })
                .add("POST", "/reset", null, call -> {
                    simulator.reset();
                    return GateResponse.empty(204);
                })
                .add("POST", "/applications", null, call -> {
                    simulator.addApplication(requireObject(call.jsonBody()));
                    return GateResponse.empty(204);
                })
                .add("POST", "/pipelineConfigs", null, call -> {
                    simulator.addPipelineConfig(requireObject(call.jsonBody()));
                    return GateResponse.empty(204);
                });
    }

    private GateResponse summary(HttpCall call) {
        ObjectNode json = Json.object();
        json.put("baseUrl", simulator.baseUrl());
        json.put("authMode", simulator.authMode().cliName());
        json.put("stepped", simulator.isStepped());
        json.put("now", simulator.clock().millis());
        json.put("executions", simulator.executions().size());
        json.put("triggers", simulator.triggerCount());
        return GateResponse.json(200, json);
    }

    /**
     * Body: {@code {"outcome":{...}}} plus one selector: {@code "pipeline":"name"},
     * {@code "parameter":{"name":"version","value":"9.9.9-fail"}}, {@code "next":2} or
     * {@code "default":true}.
     */
    private GateResponse addOutcome(HttpCall call) {
        JsonNode body = call.jsonBody();
        Outcome outcome = ControlJson.outcome(body.path("outcome"));
        if (body.hasNonNull("pipeline")) {
            simulator.outcomes().forPipeline(body.get("pipeline").asText(), outcome);
        } else if (body.path("parameter").isObject()) {
            simulator.outcomes().forParameter(Json.text(body.get("parameter"), "name"),
                    Json.text(body.get("parameter"), "value"), outcome);
        } else if (body.hasNonNull("next")) {
            simulator.outcomes().nextTriggers(body.get("next").asInt(), outcome);
        } else if (body.path("default").asBoolean(false)) {
            simulator.outcomes().byDefault(outcome);
        } else {
            throw GateError.badRequest("Say which triggers the outcome is for: pipeline, parameter, next or default");
        }
        return GateResponse.empty(204);
    }

    private GateResponse listFaults(HttpCall call) {
        ArrayNode list = Json.array();
        simulator.faults().armed().forEach(armed -> list.add(ControlJson.armed(armed)));
        return GateResponse.json(200, list);
    }

    /** Body: {@code {"endpoint":"TRIGGER","fault":{...},"times":2}}; without times, until cleared. */
    private GateResponse addFault(HttpCall call) {
        JsonNode body = call.jsonBody();
        Endpoint endpoint = ControlJson.endpoint(Json.text(body, "endpoint"));
        int times = body.hasNonNull("times") ? body.get("times").asInt() : FaultPlan.UNTIL_CLEARED;
        try {
            simulator.faults().on(endpoint, ControlJson.fault(body.path("fault")), times);
        } catch (IllegalArgumentException e) {
            throw GateError.badRequest(e.getMessage());
        }
        return GateResponse.empty(204);
    }

    private GateResponse clearFaults(HttpCall call) {
        String endpoint = call.query("endpoint");
        if (endpoint == null) {
            simulator.faults().clear();
        } else {
            simulator.faults().clear(ControlJson.endpoint(endpoint));
        }
        return GateResponse.empty(204);
    }

    private GateResponse triggers(HttpCall call) {
        ObjectNode json = Json.object();
        String key = call.query("idempotencyKey");
        json.put("count", key == null ? simulator.triggerCount() : simulator.triggerCountByIdempotencyKey(key));
        ObjectNode byKey = json.putObject("byIdempotencyKey");
        simulator.triggerCountsByIdempotencyKey().forEach(byKey::put);
        return GateResponse.json(200, json);
    }

    private GateResponse requests(HttpCall call) {
        ObjectNode json = Json.object();
        for (Endpoint endpoint : Endpoint.values()) {
            json.put(endpoint.name(), simulator.requestCount(endpoint));
        }
        return GateResponse.json(200, json);
    }

    private GateResponse executions(HttpCall call) {
        ArrayNode list = Json.array();
        simulator.executions().forEach(list::add);
        return GateResponse.json(200, list);
    }

    /** Body: {@code {"judgment":"continue"|"stop","user":"alice"}}. */
    private GateResponse judgment(HttpCall call) {
        JsonNode body = call.jsonBody();
        String user = Json.text(body, "user");
        try {
            simulator.judgment(call.pathVariable("id"), Judgment.parse(Json.text(body, "judgment")),
                    user == null ? "anonymous" : user);
        } catch (NoSuchElementException e) {
            throw GateError.notFound(e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new GateError(409, GateError.ILLEGAL_ARGUMENT, e.getMessage());
        }
        return GateResponse.empty(204);
    }

    /** Body: {@code {"down":true}}. */
    private GateResponse health(HttpCall call) {
        simulator.setHealthDown(call.jsonBody().path("down").asBoolean(false));
        return GateResponse.empty(204);
    }

    /** Body: {@code {"mode":"login-redirect"}}. */
    private GateResponse auth(HttpCall call) {
        try {
            simulator.setAuthMode(AuthMode.parse(Json.text(call.jsonBody(), "mode")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw GateError.badRequest("mode must be one of anonymous, header, login-redirect, unauthorized-401, x509-403");
        }
        return GateResponse.empty(204);
    }

    /** Body: {@code {"millis":1000}}; stepped simulators only. */
    private GateResponse advanceClock(HttpCall call) {
        long millis = call.jsonBody().path("millis").asLong(-1);
        if (millis < 0) {
            throw GateError.badRequest("millis must be zero or positive");
        }
        try {
            simulator.advance(Duration.ofMillis(millis));
        } catch (IllegalStateException e) {
            throw new GateError(409, GateError.ILLEGAL_ARGUMENT, e.getMessage());
        }
        return GateResponse.empty(204);
    }

    private static ObjectNode requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw GateError.badRequest("Expected a JSON object");
        }
        return (ObjectNode) body;
    }
}
