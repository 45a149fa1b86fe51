package dev.dxcp.gatesim.front50;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stored pipeline definition, as Front50 keeps it (spec §2.6). Read-only view over a copy. */
public final class PipelineConfig {

    private final ObjectNode json;

    PipelineConfig(ObjectNode json) {
        this.json = json.deepCopy();
    }

    public String id() {
        return Json.text(json, "id");
    }

    public String name() {
        return Json.text(json, "name");
    }

    public String application() {
        return Json.text(json, "application");
    }

    public boolean limitConcurrent() {
        return json.path("limitConcurrent").asBoolean(false);
    }

    /** Orca's default is to keep waiting executions; DXCP's configs say false. */
    public boolean keepWaitingPipelines() {
        return json.path("keepWaitingPipelines").asBoolean(true);
    }

    public int maxConcurrentExecutions() {
        return json.path("maxConcurrentExecutions").asInt(0);
    }

    public boolean disabled() {
        return json.path("disabled").asBoolean(false);
    }

    public String spelEvaluator() {
        return Optional.ofNullable(Json.text(json, "spelEvaluator")).orElse("v4");
    }

    public List<JsonNode> stages() {
        List<JsonNode> stages = new ArrayList<>();
        json.path("stages").forEach(stages::add);
        return stages;
    }

    public List<JsonNode> parameterConfig() {
        List<JsonNode> parameters = new ArrayList<>();
        json.path("parameterConfig").forEach(parameters::add);
        return parameters;
    }

    /**
     * Gate's own parameter check (spec §2.2): a parameter that is required <em>and</em> has no
     * default (missing or null) must be present and non-null; an empty string passes.
     *
     * @return the name of the first missing parameter
     */
    public Optional<String> firstMissingRequiredParameter(JsonNode suppliedParameters) {
        for (JsonNode parameter : parameterConfig()) {
            boolean required = parameter.path("required").asBoolean(false);
            JsonNode declaredDefault = parameter.get("default");
            boolean hasDefault = declaredDefault != null && !declaredDefault.isNull();
            if (!required || hasDefault) {
                continue;
            }
            String name = Json.text(parameter, "name");
            JsonNode supplied = suppliedParameters == null ? null : suppliedParameters.get(name);
            if (supplied == null || supplied.isNull()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    public ObjectNode toJson() {
        return json.deepCopy();
    }
}
