package dev.dxcp.server.http.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.engine.EngineMessages.EngineHealth;
import dev.dxcp.events.engine.EngineMessages.EngineHealthOf;
import dev.dxcp.events.engine.EngineMessages.EnginePipeline;
import dev.dxcp.events.engine.EngineMessages.ListEngineApplications;
import dev.dxcp.events.engine.EngineMessages.ListEnginePipelines;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Engine discovery for admins (api-contract §13). Status never fails for engine trouble (it reports
 * DOWN); listings answer the engine error codes of governance §13.
 */
@RestController
public class SpinnakerController {
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Questions questions;
    private final ObjectMapper json;

    public SpinnakerController(Authenticator authenticator, RateLimiter rateLimiter, Questions questions,
                               ObjectMapper json) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.questions = questions;
        this.json = json;
    }

    @GetMapping("/v1/spinnaker/status")
    public ObjectNode status(ServerWebExchange exchange) {
        admin(exchange);
        EngineHealth health = questions.ask(new EngineHealthOf(), EngineHealth.class);
        ObjectNode body = json.createObjectNode();
        body.put("status", health.up() ? "UP" : "DOWN");
        if (!health.up()) {
            body.put("error", health.error());
        }
        return body;
    }

    @GetMapping("/v1/spinnaker/applications")
    public ObjectNode applications(ServerWebExchange exchange, @RequestParam(required = false) String tagName,
                                   @RequestParam(required = false) String tagValue) {
        Caller caller = admin(exchange);
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("applications");
        questions.askList(new ListEngineApplications(tagName, tagValue, caller.isAdmin()), String.class)
                .forEach(name -> list.addObject().put("name", name));
        return body;
    }

    @GetMapping("/v1/spinnaker/applications/{application}/pipelines")
    public ObjectNode pipelines(ServerWebExchange exchange, @PathVariable String application) {
        Caller caller = admin(exchange);
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("pipelines");
        questions.askList(new ListEnginePipelines(application, caller.isAdmin()), EnginePipeline.class)
                .forEach(p -> list.addObject().put("id", p.id()).put("name", p.name()));
        return body;
    }

    private Caller admin(ServerWebExchange exchange) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Guards.requireRole(caller, "use engine discovery", Role.PLATFORM_ADMIN);
        Guards.requirePrincipal(caller);
        return caller;
    }
}
