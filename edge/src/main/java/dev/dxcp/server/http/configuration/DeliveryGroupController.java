package dev.dxcp.server.http.configuration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationCommands.CreateDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationCommands.UpdateDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationQueries.FindDeliveryGroup;
import dev.dxcp.events.configuration.ConfigurationQueries.ListDeliveryGroups;
import dev.dxcp.events.configuration.DeliveryGroup;
import dev.dxcp.events.configuration.DeliveryGroupSpec;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;

/**
 * Delivery groups (api-contract §8). Reads come straight from the event store (every instance sees a
 * change at once); writes are decided by the DeliveryConfiguration aggregate and answered from the
 * state they produced.
 */
@RestController
public class DeliveryGroupController {
    private final ConfigurationGate gate;
    private final Questions questions;
    private final CommandSender commands;
    private final ConfigurationJson json;
    private final Clock clock;

    public DeliveryGroupController(ConfigurationGate gate, Questions questions,
                                   CommandSender commands, ConfigurationJson json, Clock clock) {
        this.gate = gate;
        this.questions = questions;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/delivery-groups")
    public ArrayNode list(ServerWebExchange exchange) {
        gate.read(exchange);
        ArrayNode list = json.array();
        questions.askList(new ListDeliveryGroups(), DeliveryGroup.class)
                .forEach(group -> list.add(json.group(group, true)));
        return list;
    }

    @GetMapping("/v1/delivery-groups/{id}")
    public ObjectNode get(ServerWebExchange exchange, @PathVariable String id) {
        gate.read(exchange);
        return json.group(find(id), true);
    }

    @PostMapping("/v1/delivery-groups")
    public ResponseEntity<ObjectNode> create(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        ConfigurationBodies.WithReason<DeliveryGroupSpec> request =
                ConfigurationBodies.deliveryGroup(JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST));
        commands.send(new CreateDeliveryGroup(request.spec(), request.changeReason(), now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return ResponseEntity.status(HttpStatus.CREATED).body(json.group(find(request.spec().id().trim()), false));
    }

    @PutMapping("/v1/delivery-groups/{id}")
    public ObjectNode update(ServerWebExchange exchange, @PathVariable String id,
                             @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        ConfigurationBodies.WithReason<DeliveryGroupSpec> request =
                ConfigurationBodies.deliveryGroup(JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST));
        commands.send(new UpdateDeliveryGroup(id, request.spec(), request.changeReason(), now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return json.group(find(id), false);
    }

    private DeliveryGroup find(String id) {
        return questions.askOptional(new FindDeliveryGroup(id), DeliveryGroup.class)
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Delivery group not found"));
    }

    private java.time.Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
