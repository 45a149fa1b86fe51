package dev.dxcp.server.http.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.configuration.ConfigurationCommands.SetEnvironmentBinding;
import dev.dxcp.events.configuration.ConfigurationCommands.SetServiceRoute;
import dev.dxcp.events.configuration.ConfigurationQueries.BoundEnvironment;
import dev.dxcp.events.configuration.ConfigurationQueries.EnvironmentBindingsOf;
import dev.dxcp.events.configuration.ConfigurationQueries.FindEnvironmentBinding;
import dev.dxcp.events.configuration.ConfigurationQueries.FindServiceRoute;
import dev.dxcp.events.configuration.ConfigurationQueries.ServiceEnvironment;
import dev.dxcp.events.configuration.ConfigurationQueries.ServiceEnvironmentsOf;
import dev.dxcp.events.configuration.Environment;
import dev.dxcp.events.configuration.ServiceRoute;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;

import static dev.dxcp.server.http.configuration.LenientFields.absent;
import static dev.dxcp.server.http.configuration.LenientFields.invalid;

/**
 * Admin environment policy (api-contract §10): a delivery group's bindings to environments and a
 * service's recipe route per environment. {@code is_enabled} in answers is the effective value
 * (domain §14: the environment is active and the binding enabled).
 */
@RestController
public class EnvironmentPolicyController {
    private final ConfigurationGate gate;
    private final Questions questions;
    private final CommandSender commands;
    private final ConfigurationJson json;
    private final Clock clock;

    public EnvironmentPolicyController(ConfigurationGate gate, Questions questions, CommandSender commands,
                                       ConfigurationJson json, Clock clock) {
        this.gate = gate;
        this.questions = questions;
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    /** Rows ordered by (order_index, environment_id). */
    @GetMapping("/v1/admin/delivery-groups/{groupId}/environments")
    public ArrayNode bindings(ServerWebExchange exchange, @PathVariable String groupId) {
        gate.adminRead(exchange);
        ArrayNode rows = json.array();
        for (BoundEnvironment bound : questions.askList(new EnvironmentBindingsOf(groupId), BoundEnvironment.class)) {
            Environment environment = bound.environment();
            ObjectNode row = binding(bound);
            row.put("display_name", environment.displayName());
            row.put("type", environment.type());
            row.put("lifecycle_state", environment.lifecycleState());
            rows.add(row);
        }
        return rows;
    }

    /** Body {"is_enabled"?: boolean, "order_index"?: integer ≥ 0}; an empty body keeps or defaults both. */
    @RequestMapping(method = {RequestMethod.PUT, RequestMethod.PATCH},
            path = "/v1/admin/delivery-groups/{groupId}/environments/{environmentId}")
    public ObjectNode bind(ServerWebExchange exchange, @PathVariable String groupId,
                           @PathVariable String environmentId, @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        JsonNode request = body == null || body.length == 0 ? json.object()
                : JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        JsonNode enabled = request.get("is_enabled");
        if (!absent(enabled) && !enabled.isBoolean()) {
            throw invalid("is_enabled must be a boolean");
        }
        JsonNode order = request.get("order_index");
        if (!absent(order) && (!order.isIntegralNumber() || !order.canConvertToInt() || order.intValue() < 0)) {
            throw invalid("order_index must be an integer of at least 0");
        }
        commands.send(new SetEnvironmentBinding(groupId, environmentId,
                        absent(enabled) ? null : enabled.booleanValue(), absent(order) ? null : order.intValue(), now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return binding(questions.askOptional(new FindEnvironmentBinding(groupId, environmentId),
                BoundEnvironment.class).orElseThrow());
    }

    /** One row per environment, by id; is_enabled is the service's group's access to it. */
    @GetMapping("/v1/admin/services/{service}/environments")
    public ArrayNode routes(ServerWebExchange exchange, @PathVariable String service) {
        gate.adminRead(exchange);
        ArrayNode rows = json.array();
        for (ServiceEnvironment entry : questions.askList(new ServiceEnvironmentsOf(service),
                ServiceEnvironment.class)) {
            Environment environment = entry.environment();
            ObjectNode row = rows.addObject();
            row.put("service_id", service);
            row.put("environment_id", environment.id());
            row.put("display_name", environment.displayName());
            row.put("type", environment.type());
            row.put("lifecycle_state", environment.lifecycleState());
            row.put("is_enabled", entry.enabled());
            row.put("recipe_id", entry.recipeId());
        }
        return rows;
    }

    @RequestMapping(method = {RequestMethod.PUT, RequestMethod.PATCH},
            path = "/v1/admin/services/{service}/environments/{environmentId}")
    public ObjectNode route(ServerWebExchange exchange, @PathVariable String service,
                            @PathVariable String environmentId, @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        String recipeId = LenientFields.text(request, "recipe_id");
        if (recipeId == null || recipeId.isBlank()) {
            throw invalid("recipe_id is required");
        }
        commands.send(new SetServiceRoute(service, environmentId, recipeId.trim(), now()),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        ServiceRoute saved = questions.askOptional(new FindServiceRoute(service, environmentId), ServiceRoute.class)
                .orElseThrow();
        ObjectNode answer = json.object();
        answer.put("service_id", saved.serviceId());
        answer.put("environment_id", saved.environmentId());
        answer.put("recipe_id", saved.recipeId());
        return answer;
    }

    private ObjectNode binding(BoundEnvironment bound) {
        ObjectNode row = json.object();
        row.put("delivery_group_id", bound.binding().deliveryGroupId());
        row.put("environment_id", bound.binding().environmentId());
        row.put("is_enabled", bound.enabled());
        row.put("order_index", bound.binding().orderIndex());
        return row;
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
