package dev.dxcp.command.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.command.common.FirstRevisionUpcaster;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;

/**
 * {@code DeploymentAccepted} without a revision carried 23 flat fields and its Idempotency-Key twice (the
 * key, and its scope's hash). Revision 2 groups them in small values and keeps the key once, with the
 * method and path of the request that used it, from which the scope is derived: POST /v1/deployments for a
 * deploy, POST /v1/promotions for a promotion, POST /v1/deployments/{target}/rollback for a rollback.
 */
public class DeploymentAcceptedUpcaster extends FirstRevisionUpcaster {
    public DeploymentAcceptedUpcaster() {
        super(DeploymentAccepted.class, "2");
    }

    @Override
    protected JsonNode upcast(JsonNode stored) {
        return toRevision2(stored);
    }

    static JsonNode toRevision2(JsonNode flat) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.set("deploymentId", flat.get("deploymentId"));
        ObjectNode placement = event.putObject("placement");
        copy(flat, "service", placement, "service");
        copy(flat, "environment", placement, "environment");
        copy(flat, "deliveryGroupId", placement, "deliveryGroupId");
        copy(flat, "laneId", placement, "laneId");
        ObjectNode change = event.putObject("change");
        copy(flat, "deploymentKind", change, "kind");
        copy(flat, "version", change, "version");
        copy(flat, "changeSummary", change, "changeSummary");
        copy(flat, "sourceEnvironment", change, "sourceEnvironment");
        copy(flat, "rollbackOf", change, "rollbackOf");
        copy(flat, "targetVersion", change, "targetVersion");
        ObjectNode recipe = event.putObject("recipe");
        copy(flat, "recipeId", recipe, "id");
        copy(flat, "recipeRevision", recipe, "revision");
        copy(flat, "effectiveBehaviorSummary", recipe, "effectiveBehaviorSummary");
        ObjectNode artifact = event.putObject("artifact");
        copy(flat, "artifactRef", artifact, "artifactRef");
        copy(flat, "buildSha256", artifact, "sha256");
        copy(flat, "buildSizeBytes", artifact, "sizeBytes");
        copy(flat, "engine", event, "engine");
        ObjectNode submission = event.putObject("submission");
        copy(flat, "createdAt", submission, "createdAt");
        copy(flat, "actor", submission, "actor");
        JsonNode key = flat.get("intentCorrelationId");
        if (key == null || key.isNull()) {
            submission.putNull("idempotency");
        } else {
            ObjectNode idempotency = submission.putObject("idempotency");
            idempotency.set("key", key);
            idempotency.put("method", "POST");
            idempotency.put("path", path(flat));
        }
        copy(flat, "policy", event, "policy");
        return event;
    }

    /** The endpoint each kind is requested on (api-contract §5, §6): with the key, it is the key's scope. */
    private static String path(JsonNode flat) {
        return switch (flat.path("deploymentKind").asText()) {
            case "PROMOTE" -> "/v1/promotions";
            case "ROLLBACK" -> "/v1/deployments/" + flat.path("rollbackOf").asText() + "/rollback";
            default -> "/v1/deployments";
        };
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        to.set(as, value == null ? JsonNodeFactory.instance.nullNode() : value);
    }
}
