package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.PromotionCommands.PromotionValidationResult;
import dev.dxcp.events.deployment.PromotionCommands.SubmitPromotion;
import dev.dxcp.events.deployment.PromotionCommands.ValidatePromotion;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.http.governance.FreezeJson;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Promotions (api-contract §6): a version that succeeded in one environment runs in the next one. The
 * edge runs the deploy's steps (governance §5 "analogously": authenticate, principal on create, role,
 * kill switch, key) and the schema; the rest is one command decided on the command side.
 */
@RestController
public class PromotionController {
    static final String PATH = "/v1/promotions";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Guards guards;
    private final CommandSender commands;
    private final SubmissionEdge edge;
    private final ObjectMapper json;
    private final Clock clock;

    public PromotionController(Authenticator authenticator, RateLimiter rateLimiter, Guards guards,
                               CommandSender commands, SubmissionEdge edge, ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.guards = guards;
        this.commands = commands;
        this.edge = edge;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(PATH)
    public ResponseEntity<String> promote(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = authenticator.authenticate(exchange);
        Guards.requirePrincipal(caller);
        Guards.requireRole(caller, "promote", Role.PLATFORM_ADMIN, Role.DELIVERY_OWNER);
        Instant now = Timestamps.truncate(clock.instant());
        String requestId = RequestIds.of(exchange);
        String key = edge.keyOrDenial(exchange, caller, DeploymentKind.PROMOTE,
                DeploymentIntentSchema.peek(body, "service"), DeploymentIntentSchema.peek(body, "target_environment"),
                null, now);
        PromotionIntentSchema.Parsed parsed = PromotionIntentSchema.parse(
                JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST, PromotionIntentSchema.BLANK_IS_A_VALUE));
        AdmissionOutcome outcome = commands.send(new SubmitPromotion(new IdempotencyKeyUse(key, "POST", PATH),
                parsed.fingerprint(), UUID.randomUUID().toString(), parsed.intent(), Actors.of(caller), now,
                FreezeJson.overrideReason(exchange)),
                AuditMetadata.of(caller, requestId, key));
        return edge.answer(outcome);
    }

    /** Not a principal endpoint (api-contract §1); charged to the read limit (governance §7). */
    @PostMapping(PATH + "/validate")
    public ObjectNode validate(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = authenticator.authenticate(exchange);
        Guards.requireRole(caller, "promote", Role.PLATFORM_ADMIN, Role.DELIVERY_OWNER);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        guards.mutationsEnabled();
        PromotionIntentSchema.Parsed parsed = PromotionIntentSchema.parse(
                JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST, PromotionIntentSchema.BLANK_IS_A_VALUE));
        Instant now = Timestamps.truncate(clock.instant());
        PromotionValidationResult result = commands.send(new ValidatePromotion(parsed.intent(), Actors.of(caller),
                        FreezeJson.overrideReason(exchange), now),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        ObjectNode node = json.createObjectNode();
        node.put("service", result.service());
        node.put("source_environment", result.sourceEnvironment());
        node.put("target_environment", result.targetEnvironment());
        node.put("version", result.version());
        node.put("recipeId", result.recipeId());
        node.put("deliveryGroupId", result.deliveryGroupId());
        node.put("versionEligible", true);
        node.set("policy", PolicyJson.of(json, result.policy()));
        if (result.freeze() != null) {
            node.set("freeze", FreezeJson.inForce(json, result.freeze()));
        }
        node.put("validatedAt", Timestamps.format(now));
        return node;
    }
}
