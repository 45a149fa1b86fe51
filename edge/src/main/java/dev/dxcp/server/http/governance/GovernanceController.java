package dev.dxcp.server.http.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.governance.ApprovalPolicy;
import dev.dxcp.events.governance.AutoRollbackPolicy;
import dev.dxcp.events.governance.GovernanceMessages.DeclareAutoRollbackPolicy;
import dev.dxcp.events.governance.GovernanceMessages.RemoveAutoRollbackPolicy;
import dev.dxcp.events.governance.FreezeInForce;
import dev.dxcp.events.governance.GovernanceMessages.DeclareApprovalPolicy;
import dev.dxcp.events.governance.GovernanceMessages.RemoveApprovalPolicy;
import dev.dxcp.events.governance.GovernanceMessages.CurrentGovernance;
import dev.dxcp.events.governance.GovernanceMessages.DeclareFreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowStatus;
import dev.dxcp.events.governance.GovernanceMessages.GovernanceSettings;
import dev.dxcp.events.governance.GovernanceMessages.RemoveFreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.SetOwnerScopedChanges;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.configuration.ConfigurationGate;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * Change governance (docs/GOVERNANCE.md): the owner-scoped changes setting (admin, like the other system
 * settings), freeze windows, approval and automatic rollback policies (readable by every role, so owners can plan around them;
 * written by admins).
 * Writes run authenticate, mutate rate, role, kill switch, then the aggregate's validation.
 */
@RestController
public class GovernanceController {
    static final String SETTING_PATH = "/v1/admin/system/owner-scoped-changes";
    static final String WINDOWS_PATH = "/v1/freeze-windows";
    static final String POLICIES_PATH = "/v1/approval-policies";
    static final String ROLLBACK_POLICIES_PATH = "/v1/auto-rollback-policies";

    private final ConfigurationGate gate;
    private final CommandSender commands;
    private final Questions questions;
    private final ObjectMapper json;
    private final Clock clock;

    public GovernanceController(ConfigurationGate gate, CommandSender commands, Questions questions,
                                ObjectMapper json, Clock clock) {
        this.gate = gate;
        this.commands = commands;
        this.questions = questions;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(SETTING_PATH)
    public ObjectNode ownerScopedChanges(ServerWebExchange exchange) {
        gate.adminRead(exchange);
        return settingBody(current());
    }

    @PutMapping(SETTING_PATH)
    public ObjectNode setOwnerScopedChanges(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        JsonNode enabled = request.get("owner_scoped_changes");
        if (enabled == null || !enabled.isBoolean()) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "owner_scoped_changes must be a JSON boolean");
        }
        JsonNode reason = request.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "reason must be a string");
        }
        commands.send(new SetOwnerScopedChanges(enabled.booleanValue(),
                        reason == null || reason.isNull() ? null : reason.asText(), now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return settingBody(current());
    }

    @GetMapping(WINDOWS_PATH)
    public ArrayNode freezeWindows(ServerWebExchange exchange) {
        gate.read(exchange);
        ArrayNode array = json.createArrayNode();
        current().freezeWindows().stream().sorted(Comparator.comparing(s -> s.window().id()))
                .forEach(status -> array.add(render(status)));
        return array;
    }

    @GetMapping(WINDOWS_PATH + "/{id}")
    public ObjectNode freezeWindow(ServerWebExchange exchange, @PathVariable String id) {
        gate.read(exchange);
        return render(find(id));
    }

    @PostMapping(WINDOWS_PATH)
    public ResponseEntity<ObjectNode> declare(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        var window = FreezeJson.parse(request, "freeze-" + UUID.randomUUID());
        commands.send(new DeclareFreezeWindow(window, now()), AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.status(HttpStatus.CREATED).body(render(find(window.id())));
    }

    @DeleteMapping(WINDOWS_PATH + "/{id}")
    public ResponseEntity<Void> remove(ServerWebExchange exchange, @PathVariable String id) {
        Caller caller = gate.adminWrite(exchange);
        commands.send(new RemoveFreezeWindow(id, now()), AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(POLICIES_PATH)
    public ArrayNode approvalPolicies(ServerWebExchange exchange) {
        gate.read(exchange);
        ArrayNode array = json.createArrayNode();
        current().approvalPolicies().stream().sorted(Comparator.comparing(ApprovalPolicy::id))
                .forEach(policy -> array.add(ApprovalPolicyJson.render(json, policy)));
        return array;
    }

    @GetMapping(POLICIES_PATH + "/{id}")
    public ObjectNode approvalPolicy(ServerWebExchange exchange, @PathVariable String id) {
        gate.read(exchange);
        return ApprovalPolicyJson.render(json, findPolicy(id));
    }

    @PostMapping(POLICIES_PATH)
    public ResponseEntity<ObjectNode> declarePolicy(ServerWebExchange exchange,
                                                    @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        ApprovalPolicy policy = ApprovalPolicyJson.parse(request, "approval-" + UUID.randomUUID());
        commands.send(new DeclareApprovalPolicy(policy, now()), AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApprovalPolicyJson.render(json, findPolicy(policy.id())));
    }

    @DeleteMapping(POLICIES_PATH + "/{id}")
    public ResponseEntity<Void> removePolicy(ServerWebExchange exchange, @PathVariable String id) {
        Caller caller = gate.adminWrite(exchange);
        commands.send(new RemoveApprovalPolicy(id, now()), AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(ROLLBACK_POLICIES_PATH)
    public ArrayNode autoRollbackPolicies(ServerWebExchange exchange) {
        gate.read(exchange);
        ArrayNode array = json.createArrayNode();
        current().autoRollbackPolicies().stream().sorted(Comparator.comparing(AutoRollbackPolicy::id))
                .forEach(policy -> array.add(AutoRollbackPolicyJson.render(json, policy)));
        return array;
    }

    @GetMapping(ROLLBACK_POLICIES_PATH + "/{id}")
    public ObjectNode autoRollbackPolicy(ServerWebExchange exchange, @PathVariable String id) {
        gate.read(exchange);
        return AutoRollbackPolicyJson.render(json, findRollbackPolicy(id));
    }

    @PostMapping(ROLLBACK_POLICIES_PATH)
    public ResponseEntity<ObjectNode> declareAutoRollbackPolicy(ServerWebExchange exchange,
                                                                @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        AutoRollbackPolicy policy = AutoRollbackPolicyJson.parse(request, "auto-rollback-" + UUID.randomUUID());
        commands.send(new DeclareAutoRollbackPolicy(policy, now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AutoRollbackPolicyJson.render(json, findRollbackPolicy(policy.id())));
    }

    @DeleteMapping(ROLLBACK_POLICIES_PATH + "/{id}")
    public ResponseEntity<Void> removeAutoRollbackPolicy(ServerWebExchange exchange, @PathVariable String id) {
        Caller caller = gate.adminWrite(exchange);
        commands.send(new RemoveAutoRollbackPolicy(id, now()), AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.noContent().build();
    }

    private AutoRollbackPolicy findRollbackPolicy(String id) {
        return current().autoRollbackPolicies().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Automatic rollback policy not found"));
    }

    private ApprovalPolicy findPolicy(String id) {
        return current().approvalPolicies().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Approval policy not found"));
    }

    private GovernanceSettings current() {
        return questions.ask(new CurrentGovernance(now()), GovernanceSettings.class);
    }

    private FreezeWindowStatus find(String id) {
        return current().freezeWindows().stream().filter(s -> s.window().id().equals(id)).findFirst()
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Freeze window not found"));
    }

    private ObjectNode render(FreezeWindowStatus status) {
        FreezeInForce current = status.currentEndsAt() == null ? null
                : new FreezeInForce(status.window(), status.currentEndsAt());
        return FreezeJson.window(json, status.window(), current);
    }

    private ObjectNode settingBody(GovernanceSettings settings) {
        ObjectNode body = json.createObjectNode();
        body.put("owner_scoped_changes", settings.ownerScopedChanges());
        body.put("source", settings.ownerScopedChangesPersisted() ? "persisted" : "runtime");
        return body;
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
