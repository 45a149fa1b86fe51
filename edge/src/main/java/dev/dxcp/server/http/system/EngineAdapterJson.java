package dev.dxcp.server.http.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.engine.EngineMessages.EngineAdapterValidation;
import dev.dxcp.events.settings.EffectiveSettings.Sourced;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.SettingProblem;

import java.util.List;

/** The engine adapter's answers (api-contract §11 engine-adapters/main). */
final class EngineAdapterJson {
    static final String ADAPTER_ID = "main";
    static final String ENGINE_TYPE = "SPINNAKER";

    private EngineAdapterJson() {
    }

    /** Spinnaker is the one engine DXCP drives, so it is the one option, and always available. */
    static ObjectNode adapter(ObjectMapper json, Sourced<EngineAdapterSettings> adapter) {
        ObjectNode body = json.createObjectNode();
        body.put("adapter_id", ADAPTER_ID);
        body.put("label", "Main engine (Spinnaker)");
        body.put("engine_type", ENGINE_TYPE);
        body.putArray("engine_options").addObject().put("id", ENGINE_TYPE).put("label", "Spinnaker")
                .put("availability", "AVAILABLE");
        body.set("config", json.valueToTree(adapter.value().shown()));
        body.put("source", adapter.source());
        return body;
    }

    static ObjectNode result(ObjectMapper json, EngineAdapterValidation result) {
        ObjectNode body = json.createObjectNode();
        body.put("status", result.status());
        body.put("summary", result.summary());
        problems(body.putArray("errors"), result.errors());
        problems(body.putArray("warnings"), result.warnings());
        return body;
    }

    private static void problems(ArrayNode array, List<SettingProblem> problems) {
        problems.forEach(problem -> array.addObject().put("field", problem.field()).put("message", problem.message()));
    }
}
