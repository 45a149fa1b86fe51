package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.DeploymentIntent;
import dev.dxcp.server.http.Fingerprints;
import dev.dxcp.server.http.TextRules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The schema step for deploy intents (api-contract §5): service, environment, version and changeSummary
 * present as strings (numbers accepted in string form), changeSummary at most 240 characters (blank
 * allowed), recipeId optional. A missing environment is a schema error; an empty one is decided later
 * (ENVIRONMENT_REQUIRED, governance §5 step 7).
 */
public final class DeploymentIntentSchema {
    static final int MAX_CHANGE_SUMMARY = 240;
    /** Blank but meaningful: an empty environment is ENVIRONMENT_REQUIRED later; changeSummary may be blank. */
    static final Set<String> BLANK_IS_A_VALUE = Set.of("environment", "changeSummary");

    private DeploymentIntentSchema() {
    }

    public record Parsed(DeploymentIntent intent, String fingerprint) {
    }

    public static Parsed parse(JsonNode body) {
        String service = required(body, "service", 255);
        String environment = required(body, "environment", 255);
        String version = required(body, "version", 255);
        String changeSummary = text(body, "changeSummary", MAX_CHANGE_SUMMARY, true);
        String recipeId = text(body, "recipeId", 255, false);
        if (service.isBlank() || version.isBlank()) {
            throw invalid("service and version must not be blank");
        }
        DeploymentIntent intent = new DeploymentIntent(service, environment, version, changeSummary, recipeId);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service", service);
        fields.put("environment", environment);
        fields.put("version", version);
        fields.put("changeSummary", changeSummary);
        fields.put("recipeId", recipeId);
        return new Parsed(intent, Fingerprints.of(fields));
    }

    /** Best effort, for auditing refusals that happen before the schema step. */
    public static String peek(byte[] body, String field) {
        try {
            JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            JsonNode value = node == null ? null : node.get(field);
            return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    static String required(JsonNode body, String field, int max) {
        String value = text(body, field, max, true);
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static String text(JsonNode body, String field, int max, boolean requiredWhenPresent) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            if (requiredWhenPresent) {
                throw invalid(field + " must not be null");
            }
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw invalid(field + " must be a string");
        }
        String value = node.asText();
        if (value.length() > max) {
            throw invalid(field + " must be at most " + max + " characters");
        }
        if (TextRules.hasForbiddenCharacters(value)) {
            throw invalid(field + " contains control or bidirectional-override characters");
        }
        return value;
    }

    static Rejection invalid(String why) {
        return new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", why, null);
    }
}
