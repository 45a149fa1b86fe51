package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.DeploymentCommands.RequestRollback;
import dev.dxcp.events.deployment.DeploymentCommands.SubmitDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.ValidateDeployment;
import dev.dxcp.events.deployment.DeploymentCommands.ValidationResult;
import dev.dxcp.events.deployment.DeploymentKind;
import dev.dxcp.events.deployment.DeploymentQueries.DeploymentList;
import dev.dxcp.events.deployment.DeploymentQueries.ListDeployments;
import dev.dxcp.events.deployment.DeploymentQueries.TimelineEntry;
import dev.dxcp.events.deployment.DeploymentQueries.TimelineOf;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernance;
import dev.dxcp.events.deployment.DeploymentGovernanceQueries.DeploymentGovernanceOf;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.events.idempotency.AdmissionOutcome;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Deploy by intent (api-contract §5). The edge runs governance §5 steps 1–5 (authenticate, principal,
 * role, kill switch, key) and the schema; everything else is one command decided on the command side.
 * Records themselves are immutable: any write to /v1/deployments/{id} answers 405. The three record
 * reads take an optional {@code asOf} (docs/TIME_TRAVEL.md).
 */
@RestController
public class DeploymentController {
    static final int DEFAULT_LIST_LIMIT = 200;
    static final int MAX_LIST_LIMIT = 5000;

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Guards guards;
    private final CommandSender commands;
    private final Questions questions;
    private final DeploymentReads reads;
    private final DeploymentJson render;
    private final SubmissionEdge edge;
    private final ObjectMapper json;
    private final Clock clock;

    public DeploymentController(Authenticator authenticator, RateLimiter rateLimiter, Guards guards,
                                CommandSender commands, Questions questions, DeploymentReads reads,
                                DeploymentJson render, SubmissionEdge edge, ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.guards = guards;
        this.commands = commands;
        this.questions = questions;
        this.reads = reads;
        this.render = render;
        this.edge = edge;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/v1/deployments")
    public ResponseEntity<String> deploy(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = deployer(exchange, "deploy");
        Instant now = Timestamps.truncate(clock.instant());
        String requestId = RequestIds.of(exchange);
        String key = edge.keyOrDenial(exchange, caller, DeploymentKind.ROLL_FORWARD,
                DeploymentIntentSchema.peek(body, "service"), DeploymentIntentSchema.peek(body, "environment"), null,
                now);
        DeploymentIntentSchema.Parsed parsed = DeploymentIntentSchema.parse(
                JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST, DeploymentIntentSchema.BLANK_IS_A_VALUE));
        AdmissionOutcome outcome = commands.send(new SubmitDeployment(
                new IdempotencyKeyUse(key, "POST", "/v1/deployments"), parsed.fingerprint(),
                UUID.randomUUID().toString(), parsed.intent(), Actors.of(caller), now,
                FreezeJson.overrideReason(exchange)), AuditMetadata.of(caller, requestId, key));
        return edge.answer(outcome);
    }

    /** No body needed; an empty body without Content-Type is accepted (api-contract §5). */
    @PostMapping("/v1/deployments/{id}/rollback")
    public ResponseEntity<String> rollback(ServerWebExchange exchange, @PathVariable String id) {
        Caller caller = deployer(exchange, "roll back");
        Instant now = Timestamps.truncate(clock.instant());
        String requestId = RequestIds.of(exchange);
        String key = edge.keyOrDenial(exchange, caller, DeploymentKind.ROLLBACK, null, null, id, now);
        AdmissionOutcome outcome = commands.send(new RequestRollback(
                new IdempotencyKeyUse(key, "POST", "/v1/deployments/" + id + "/rollback"),
                UUID.randomUUID().toString(), id, Actors.of(caller), now, FreezeJson.overrideReason(exchange)),
                AuditMetadata.of(caller, requestId, key));
        return edge.answer(outcome);
    }

    @PostMapping("/v1/deployments/validate")
    public ObjectNode validate(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = deployer(exchange, "deploy");
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        guards.mutationsEnabled();
        DeploymentIntentSchema.Parsed parsed = DeploymentIntentSchema.parse(
                JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST, DeploymentIntentSchema.BLANK_IS_A_VALUE));
        Instant now = Timestamps.truncate(clock.instant());
        ValidationResult result = commands.send(new ValidateDeployment(parsed.intent(), Actors.of(caller),
                        FreezeJson.overrideReason(exchange), now),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        ObjectNode node = json.createObjectNode();
        node.put("service", result.service());
        node.put("environment", result.environment());
        node.put("version", result.version());
        node.put("recipeId", result.recipeId());
        node.put("deliveryGroupId", result.deliveryGroupId());
        node.put("versionRegistered", true);
        node.set("policy", PolicyJson.of(json, result.policy()));
        if (result.freeze() != null) {
            node.set("freeze", FreezeJson.inForce(json, result.freeze()));
        }
        node.put("validatedAt", Timestamps.format(now));
        return node;
    }

    @GetMapping("/v1/deployments")
    public ArrayNode list(ServerWebExchange exchange, @RequestParam(required = false) String service,
                          @RequestParam(required = false) String environment,
                          @RequestParam(required = false) String state, @RequestParam(required = false) String limit) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        DeploymentList list = questions.ask(new ListDeployments(service, environment, state, limit(limit)),
                DeploymentList.class);
        ArrayNode array = json.createArrayNode();
        list.records().forEach(r -> array.add(render.record(r, caller.isAdmin())));
        return array;
    }

    @GetMapping("/v1/deployments/{id}")
    public ObjectNode detail(ServerWebExchange exchange, @PathVariable String id,
                             @RequestParam(required = false) String asOf) {
        Caller caller = authenticator.authenticate(exchange);
        DeploymentRecord record = reads.scopedRecord(caller, id, asOf);
        return render.withGovernance(render.record(record, caller.isAdmin()),
                questions.ask(new DeploymentGovernanceOf(record.id()), DeploymentGovernance.class));
    }

    @GetMapping("/v1/deployments/{id}/failures")
    public ArrayNode failures(ServerWebExchange exchange, @PathVariable String id,
                              @RequestParam(required = false) String asOf) {
        Caller caller = authenticator.authenticate(exchange);
        return render.failures(reads.scopedRecord(caller, id, asOf).failures());
    }

    @GetMapping("/v1/deployments/{id}/timeline")
    public ArrayNode timeline(ServerWebExchange exchange, @PathVariable String id,
                              @RequestParam(required = false) String asOf) {
        Caller caller = authenticator.authenticate(exchange);
        ArrayNode array = json.createArrayNode();
        for (TimelineEntry entry : questions.askList(new TimelineOf(reads.scopedRecord(caller, id, asOf)),
                TimelineEntry.class)) {
            ObjectNode node = array.addObject();
            node.put("key", entry.key());
            node.put("label", entry.label());
            node.put("occurredAt", Timestamps.format(entry.occurredAt()));
            node.put("detail", entry.detail());
        }
        return array;
    }

    private Caller deployer(ServerWebExchange exchange, String action) {
        Caller caller = authenticator.authenticate(exchange);
        Guards.requirePrincipal(caller);
        Guards.requireRole(caller, action, Role.PLATFORM_ADMIN, Role.DELIVERY_OWNER);
        return caller;
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIST_LIMIT;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= MAX_LIST_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new Rejection(ErrorCode.INVALID_REQUEST, "limit must be between 1 and " + MAX_LIST_LIMIT);
    }
}
