package dev.dxcp.server.http.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import dev.dxcp.saga.spinnaker.GateClient;
import dev.dxcp.saga.spinnaker.HealthStatus;
import dev.dxcp.saga.spinnaker.PipelineRef;
import dev.dxcp.saga.engine.EngineConnection;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;

/**
 * Engine discovery for admins (api-contract §13). Status never fails for engine trouble (it reports
 * DOWN); listings answer the engine error codes of governance §13.
 */
@RestController
public class SpinnakerController {
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final EngineConnection engine;
    private final ObjectMapper json;

    public SpinnakerController(Authenticator authenticator, RateLimiter rateLimiter, EngineConnection engine,
                               ObjectMapper json) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.engine = engine;
        this.json = json;
    }

    @GetMapping("/v1/spinnaker/status")
    public ObjectNode status(ServerWebExchange exchange) {
        admin(exchange);
        ObjectNode body = json.createObjectNode();
        GateClient client = engine.client();
        if (client == null) {
            return body.put("status", "DOWN").put("error", "No engine is configured");
        }
        HealthStatus health = client.health();
        body.put("status", health.up() ? "UP" : "DOWN");
        if (!health.up()) {
            body.put("error", health.failure() == null ? "Engine health check failed"
                    : "Engine health check failed: " + health.failure().name());
        }
        return body;
    }

    @GetMapping("/v1/spinnaker/applications")
    public ObjectNode applications(ServerWebExchange exchange, @RequestParam(required = false) String tagName,
                                   @RequestParam(required = false) String tagValue) {
        Caller caller = admin(exchange);
        List<String> names = call(caller, "Unable to retrieve applications", () -> live().applications(tagName, tagValue));
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("applications");
        names.forEach(name -> list.addObject().put("name", name));
        return body;
    }

    @GetMapping("/v1/spinnaker/applications/{application}/pipelines")
    public ObjectNode pipelines(ServerWebExchange exchange, @PathVariable String application) {
        Caller caller = admin(exchange);
        List<PipelineRef> pipelines = call(caller, "Unable to retrieve pipelines", () -> live().pipelines(application));
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("pipelines");
        pipelines.forEach(p -> list.addObject().put("id", p.id()).put("name", p.name()));
        return body;
    }

    private Caller admin(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Guards.requireRole(caller, "use engine discovery", Role.PLATFORM_ADMIN);
        Guards.requirePrincipal(caller);
        return caller;
    }

    private GateClient live() {
        GateClient client = engine.client();
        if (client == null) {
            throw new Rejection(ErrorCode.ENGINE_UNAVAILABLE, "The delivery engine is not configured");
        }
        return client;
    }

    private <T> T call(Caller caller, String message, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (EngineCallException e) {
            throw new Rejection(e.code().errorCode(), message, e.operatorHint(), e.details(caller.isAdmin()));
        }
    }
}
