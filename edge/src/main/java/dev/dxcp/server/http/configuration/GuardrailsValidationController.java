package dev.dxcp.server.http.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.configuration.ConfigurationQueries.GuardrailsPreview;
import dev.dxcp.events.configuration.ConfigurationQueries.PreviewDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationQueries.PreviewRecipe;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * POST /v1/admin/guardrails/validate (api-contract §11): a preview that persists nothing, so it is
 * charged as a read and never blocked by the kill switch. The body's keys say what it is.
 */
@RestController
public class GuardrailsValidationController {
    private static final List<String> GROUP_KEYS =
            List.of("guardrails", "allowed_recipes", "services", "allowed_environments");
    private static final List<String> RECIPE_KEYS =
            List.of("spinnaker_application", "deploy_pipeline", "rollback_pipeline", "status", "id", "name");

    private final ConfigurationGate gate;
    private final Questions questions;
    private final ConfigurationJson json;

    public GuardrailsValidationController(ConfigurationGate gate, Questions questions, ConfigurationJson json) {
        this.gate = gate;
        this.questions = questions;
        this.json = json;
    }

    @PostMapping("/v1/admin/guardrails/validate")
    public ObjectNode validate(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        gate.adminRead(exchange);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        GuardrailsPreview result;
        if (GROUP_KEYS.stream().anyMatch(request::has)) {
            Set<String> sent = new HashSet<>();
            request.fieldNames().forEachRemaining(sent::add);
            result = questions.ask(new PreviewDeliveryGroup(ConfigurationBodies.deliveryGroup(request).spec(), sent),
                    GuardrailsPreview.class);
        } else if (RECIPE_KEYS.stream().anyMatch(request::has)) {
            result = questions.ask(new PreviewRecipe(ConfigurationBodies.recipe(request).spec()),
                    GuardrailsPreview.class);
        } else {
            throw LenientFields.invalid("The body must be shaped like a delivery group or a recipe");
        }
        ObjectNode answer = json.object();
        answer.put("validation_status", result.validationStatus());
        var messages = answer.putArray("messages");
        for (GuardrailsPreview.Message message : result.messages()) {
            messages.addObject().put("type", message.type()).put("field", message.field())
                    .put("message", message.message()).put("code", message.code());
        }
        return answer;
    }
}
