package dev.dxcp.server.http.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalOutcome;
import dev.dxcp.events.deployment.ApprovalMessages.ApproveDeployment;
import dev.dxcp.events.deployment.ApprovalMessages.RejectDeployment;
import dev.dxcp.events.deployment.DeploymentQueries.FindDeployment;
import dev.dxcp.events.deployment.DeploymentRecord;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;

/**
 * POST /v1/deployments/{id}/approve and /reject (docs/GOVERNANCE.md "Approvals"): authenticate, principal,
 * role (OWN, ADM), mutate rate, kill switch, body (`reason`: optional to approve, required to reject); the
 * deployment decides who may approve. Answers the record as it stands after the decision. No
 * Idempotency-Key: the same person deciding again changes nothing and gets the record again.
 */
@RestController
public class ApprovalController {
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Guards guards;
    private final CommandSender commands;
    private final Questions questions;
    private final DeploymentJson render;
    private final Clock clock;

    public ApprovalController(Authenticator authenticator, RateLimiter rateLimiter, Guards guards,
                              CommandSender commands, Questions questions, DeploymentJson render, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.guards = guards;
        this.commands = commands;
        this.questions = questions;
        this.render = render;
        this.clock = clock;
    }

    @PostMapping("/v1/deployments/{id}/approve")
    public ObjectNode approve(ServerWebExchange exchange, @PathVariable String id,
                              @RequestBody(required = false) byte[] body) {
        Caller caller = approver(exchange, "approve deployments");
        String reason = reason(exchange, body, false);
        Instant now = Timestamps.truncate(clock.instant());
        return answer(caller, id, commands.send(new ApproveDeployment(id, Actors.of(caller), reason, now),
                AuditMetadata.of(caller, RequestIds.of(exchange), null)));
    }

    @PostMapping("/v1/deployments/{id}/reject")
    public ObjectNode reject(ServerWebExchange exchange, @PathVariable String id,
                             @RequestBody(required = false) byte[] body) {
        Caller caller = approver(exchange, "reject deployments");
        String reason = reason(exchange, body, true);
        Instant now = Timestamps.truncate(clock.instant());
        return answer(caller, id, commands.send(new RejectDeployment(id, Actors.of(caller), reason, now),
                AuditMetadata.of(caller, RequestIds.of(exchange), null)));
    }

    private Caller approver(ServerWebExchange exchange, String action) {
        Caller caller = authenticator.authenticate(exchange);
        Guards.requirePrincipal(caller);
        Guards.requireRole(caller, action, Role.PLATFORM_ADMIN, Role.DELIVERY_OWNER);
        rateLimiter.check(caller, RateLimiter.Kind.MUTATE);
        guards.mutationsEnabled();
        return caller;
    }

    private static String reason(ServerWebExchange exchange, byte[] body, boolean required) {
        JsonNode reason = body == null || body.length == 0 ? null
                : JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST).get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "reason must be a string");
        }
        String text = reason == null || reason.isNull() ? null : reason.asText().trim();
        if (text != null && text.length() > 240) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "reason must be at most 240 characters");
        }
        if (required && (text == null || text.isEmpty())) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "reason is required to reject a deployment");
        }
        return text == null || text.isEmpty() ? null : text;
    }

    private ObjectNode answer(Caller caller, String id, ApprovalOutcome outcome) {
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        DeploymentRecord record = questions.askOptional(new FindDeployment(id), DeploymentRecord.class)
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Deployment not found"));
        return render.record(record, caller.isAdmin());
    }
}
