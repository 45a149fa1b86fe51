package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.deployment.PromotionIntent;
import dev.dxcp.server.http.Fingerprints;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static dev.dxcp.server.http.deployment.DeploymentIntentSchema.invalid;
import static dev.dxcp.server.http.deployment.DeploymentIntentSchema.required;

/**
 * The schema step for promotion intents (api-contract §6): service, source_environment,
 * target_environment, version and changeSummary all present as strings, changeSummary at most 240
 * characters (blank allowed). Empty environments are decided later, at their place in the order.
 */
final class PromotionIntentSchema {
    /** Blank but meaningful: empty environments are refused at their place in the order; changeSummary may be blank. */
    static final Set<String> BLANK_IS_A_VALUE = Set.of("source_environment", "target_environment", "changeSummary");

    private PromotionIntentSchema() {
    }

    record Parsed(PromotionIntent intent, String fingerprint) {
    }

    static Parsed parse(JsonNode body) {
        String service = required(body, "service", 255);
        String source = required(body, "source_environment", 255);
        String target = required(body, "target_environment", 255);
        String version = required(body, "version", 255);
        String changeSummary = required(body, "changeSummary", DeploymentIntentSchema.MAX_CHANGE_SUMMARY);
        if (service.isBlank() || version.isBlank()) {
            throw invalid("service and version must not be blank");
        }
        // governance §6: the fields that make two promotions "the same request"
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service", service);
        fields.put("source_environment", source);
        fields.put("target_environment", target);
        fields.put("version", version);
        fields.put("changeSummary", changeSummary);
        return new Parsed(new PromotionIntent(service, source, target, version, changeSummary),
                Fingerprints.of(fields));
    }
}
