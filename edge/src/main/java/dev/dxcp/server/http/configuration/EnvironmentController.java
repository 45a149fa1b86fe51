package dev.dxcp.server.http.configuration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationCommands.CreateEnvironment;
import dev.dxcp.events.configuration.ConfigurationCommands.DeleteEnvironment;
import dev.dxcp.events.configuration.ConfigurationCommands.UpdateEnvironment;
import dev.dxcp.events.configuration.ConfigurationQueries.FindVisibleEnvironment;
import dev.dxcp.events.configuration.ConfigurationQueries.ListVisibleEnvironments;
import dev.dxcp.events.configuration.ConfigurationQueries.VisibleEnvironment;
import dev.dxcp.events.configuration.DeploymentReferences;
import dev.dxcp.events.configuration.EnvironmentSpec;
import dev.dxcp.events.deployment.DeploymentQueries.DeploymentsInEnvironment;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;

/**
 * Environments (api-contract §10). Non-admin readers see only the environments of groups they own.
 * Patch and delete ask the deployment history first and hand its answer to the aggregate.
 */
@RestController
public class EnvironmentController {
    private final ConfigurationGate gate;
    private final Questions questions;
    private final CommandSender commands;
    private final ConfigurationJson json;
    private final Clock clock;

    public EnvironmentController(ConfigurationGate gate, Questions questions, CommandSender commands,
                                 ConfigurationJson json, Clock clock) {
        this.gate = gate;
        this.questions = questions;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/environments")
    public ArrayNode list(ServerWebExchange exchange) {
        Caller caller = gate.read(exchange);
        ArrayNode list = json.array();
        questions.askList(new ListVisibleEnvironments(caller.isAdmin(), caller.actorEmail()),
                VisibleEnvironment.class).forEach(row -> list.add(json.environment(row)));
        return list;
    }

    /** Not visible to a non-admin reads exactly like not existing. */
    @GetMapping("/v1/environments/{environmentId}")
    public ObjectNode get(ServerWebExchange exchange, @PathVariable String environmentId) {
        Caller caller = gate.read(exchange);
        return json.environment(questions.askOptional(new FindVisibleEnvironment(caller.isAdmin(),
                        caller.actorEmail(), environmentId), VisibleEnvironment.class)
                .orElseThrow(EnvironmentController::notFound));
    }

    @PostMapping("/v1/environments")
    public ResponseEntity<ObjectNode> create(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        EnvironmentSpec spec = ConfigurationBodies.environment(JsonBodies.object(exchange, body,
                ErrorCode.INVALID_REQUEST));
        commands.send(new CreateEnvironment(spec, now()), AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.status(HttpStatus.CREATED).body(adminView(spec.id().trim()));
    }

    @PatchMapping("/v1/environments/{environmentId}")
    public ObjectNode patch(ServerWebExchange exchange, @PathVariable String environmentId,
                            @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        EnvironmentSpec patch = ConfigurationBodies.environment(JsonBodies.object(exchange, body,
                ErrorCode.INVALID_REQUEST));
        // Only a type change needs the history (the type lock); other patches skip the query.
        DeploymentReferences history = patch.type() == null ? DeploymentReferences.NONE
                : deploymentsIn(environmentId);
        commands.send(new UpdateEnvironment(environmentId, patch, history, now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return adminView(environmentId);
    }

    @DeleteMapping("/v1/environments/{environmentId}")
    public ResponseEntity<Void> delete(ServerWebExchange exchange, @PathVariable String environmentId) {
        Caller caller = gate.adminWrite(exchange);
        commands.send(new DeleteEnvironment(environmentId, deploymentsIn(environmentId), now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.noContent().build();
    }

    private ObjectNode adminView(String environmentId) {
        return json.environment(questions.askOptional(new FindVisibleEnvironment(true, null, environmentId),
                VisibleEnvironment.class).orElseThrow(EnvironmentController::notFound));
    }

    /** What the deployment history says about an environment, handed to the aggregate with the change. */
    private DeploymentReferences deploymentsIn(String environmentId) {
        return questions.ask(new DeploymentsInEnvironment(environmentId), DeploymentReferences.class);
    }

    private static Rejection notFound() {
        return new Rejection(ErrorCode.NOT_FOUND, "Environment not found");
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
