package dev.dxcp.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.IdempotencyKeyUse;

/**
 * The replay shows {@code DeploymentAccepted} in one form whatever revision stored it: the flat form it
 * had before revision 2 grouped its values (docs/DECISIONS.md 89). Fields in the order that form was
 * stored in; the Idempotency-Key's scope, no longer stored, is derived from the key, method and path.
 */
final class DeploymentAcceptedWireForm {
    static final String TYPE_SUFFIX = "DeploymentAccepted";
    static final String GROUPED_REVISION = "2";

    private DeploymentAcceptedWireForm() {
    }

    static JsonNode flat(JsonNode grouped) {
        JsonNode placement = grouped.path("placement");
        JsonNode change = grouped.path("change");
        JsonNode recipe = grouped.path("recipe");
        JsonNode artifact = grouped.path("artifact");
        JsonNode submission = grouped.path("submission");
        JsonNode idempotency = submission.path("idempotency");
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        flat.set("deploymentId", value(grouped, "deploymentId"));
        flat.set("service", value(placement, "service"));
        flat.set("environment", value(placement, "environment"));
        flat.set("version", value(change, "version"));
        flat.set("recipeId", value(recipe, "id"));
        flat.set("recipeRevision", value(recipe, "revision"));
        flat.set("effectiveBehaviorSummary", value(recipe, "effectiveBehaviorSummary"));
        flat.set("deploymentKind", value(change, "kind"));
        flat.set("rollbackOf", value(change, "rollbackOf"));
        flat.set("sourceEnvironment", value(change, "sourceEnvironment"));
        flat.set("changeSummary", value(change, "changeSummary"));
        flat.set("deliveryGroupId", value(placement, "deliveryGroupId"));
        flat.set("laneId", value(placement, "laneId"));
        flat.set("createdAt", value(submission, "createdAt"));
        flat.set("intentCorrelationId", value(idempotency, "key"));
        flat.set("actor", value(submission, "actor"));
        flat.set("policy", value(grouped, "policy"));
        flat.set("engine", value(grouped, "engine"));
        flat.set("artifactRef", value(artifact, "artifactRef"));
        flat.set("targetVersion", value(change, "targetVersion"));
        flat.set("buildSha256", value(artifact, "sha256"));
        flat.set("buildSizeBytes", value(artifact, "sizeBytes"));
        flat.set("idempotencyScope", idempotency.isObject()
                ? JsonNodeFactory.instance.textNode(new IdempotencyKeyUse(idempotency.path("key").asText(),
                        idempotency.path("method").asText(), idempotency.path("path").asText()).scope())
                : NullNode.getInstance());
        return flat;
    }

    private static JsonNode value(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? NullNode.getInstance() : value;
    }
}
