package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationQueries.FindEnvironment;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.Recipe;
import dev.dxcp.events.configuration.ServiceRoute;
import dev.dxcp.events.deployment.DeploymentCommands.PolicySummaryResult;
import dev.dxcp.events.deployment.DeploymentCommands.SummarizePolicy;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.http.governance.FreezeJson;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;

/** POST /v1/policy/summary (api-contract §5): never blocked by the kill switch, consumes nothing. */
@RestController
public class PolicySummaryController {
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final CommandSender commands;
    private final Questions questions;
    private final ObjectMapper json;
    private final Clock clock;

    public PolicySummaryController(Authenticator authenticator, RateLimiter rateLimiter, CommandSender commands,
                                   Questions questions, ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.commands = commands;
        this.questions = questions;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/v1/policy/summary")
    public ObjectNode summary(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = authenticator.authenticate(exchange);
        Guards.requireRole(caller, "read deployment policy", Role.PLATFORM_ADMIN, Role.DELIVERY_OWNER);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST,
                DeploymentIntentSchema.BLANK_IS_A_VALUE);
        String service = text(request, "service", true);
        String environment = text(request, "environment", true);
        String recipeId = text(request, "recipeId", false);
        Instant now = Timestamps.truncate(clock.instant());
        PolicySummaryResult result = commands.send(new SummarizePolicy(service, environment, recipeId, now),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        ObjectNode node = json.createObjectNode();
        node.put("service", result.service());
        node.put("environment", result.environment());
        node.put("recipeId", result.recipe().id());
        node.put("deliveryGroupId", result.deliveryGroupId());
        node.set("resolvedRecipe", recipe(result.recipe(), result.route()));
        node.set("policy", PolicyJson.of(json, result.policy()));
        // api-contract §5 lists policy summary's keys exactly: `freeze` is added only while a window is in force.
        if (result.freeze() != null) {
            node.set("freeze", FreezeJson.inForce(json, result.freeze()));
        }
        // The same for approval (what a deploy now would wait for, and who may approve) and automatic rollback.
        if (result.approval() != null) {
            ObjectNode approval = node.putObject("approval");
            approval.put("policy_id", result.approval().policyId());
            approval.put("required_approvals", result.approval().requiredApprovals());
            result.approval().approvers().forEach(approval.putArray("approvers")::add);
            approval.put("expires_at", Timestamps.format(result.approval().expiresAt()));
        }
        if (result.autoRollback() != null) {
            node.putObject("auto_rollback").put("policy_id", result.autoRollback().id())
                    .put("environment", result.autoRollback().environment())
                    .put("recipe_id", result.autoRollback().recipeId());
        }
        node.put("generatedAt", Timestamps.format(now));
        return node;
    }

    private ObjectNode recipe(Recipe recipe, ServiceRoute route) {
        ObjectNode node = json.createObjectNode();
        node.put("id", recipe.id());
        node.put("name", recipe.name());
        node.put("status", recipe.status());
        node.put("revision", recipe.revision());
        node.put("effectiveBehaviorSummary", recipe.effectiveBehaviorSummary());
        if (route == null) {
            node.putNull("routing");
        } else {
            Environment environment = questions.askOptional(new FindEnvironment(route.environmentId()),
                    Environment.class).orElse(null);
            ObjectNode routing = node.putObject("routing");
            routing.put("service_id", route.serviceId());
            routing.put("environment_id", route.environmentId());
            routing.put("recipe_id", route.recipeId());
            routing.put("display_name", environment == null ? null : environment.displayName());
            routing.put("type", environment == null ? null : environment.type());
            routing.put("lifecycle_state", environment == null ? null : environment.lifecycleState());
        }
        return node;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", field + " is required", null);
            }
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", field + " must be a string", null);
        }
        return value.asText();
    }
}
