package dev.dxcp.server.http.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.operations.ProjectionMessages.FindProcessor;
import dev.dxcp.events.operations.ProjectionMessages.ListProcessors;
import dev.dxcp.events.operations.ProjectionMessages.ProcessorFailure;
import dev.dxcp.events.operations.ProjectionMessages.ProcessorOverview;
import dev.dxcp.events.operations.ProjectionMessages.ProcessorStatus;
import dev.dxcp.events.operations.ProjectionMessages.RebuildAllProjections;
import dev.dxcp.events.operations.ProjectionMessages.RebuildProjection;
import dev.dxcp.events.operations.ProjectionMessages.RebuildStatus;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import dev.dxcp.server.observability.RequestIds;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;

/**
 * Projection operations for SREs (README "Operating the read models"): list processors with position,
 * head, lag, state and the event a failed one stopped on; rebuild one or all without an outage. Admin
 * only. A rebuild is not blocked by the kill switch: repairing a read model changes no domain state and
 * may be exactly what an incident needs.
 */
@RestController
public class ProjectionController {
    private static final String OPERATE = "operate projections";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Questions questions;
    private final CommandSender commands;
    private final ObjectMapper json;

    public ProjectionController(Authenticator authenticator, RateLimiter rateLimiter, Questions questions,
                                CommandSender commands, ObjectMapper json) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.questions = questions;
        this.commands = commands;
        this.json = json;
    }

    @GetMapping("/v1/admin/projections")
    public ObjectNode list(ServerWebExchange exchange) {
        admin(exchange, RateLimiter.Kind.READ);
        ProcessorOverview overview = questions.ask(new ListProcessors(), ProcessorOverview.class);
        ObjectNode body = json.createObjectNode();
        body.put("eventStoreHead", overview.eventStoreHead());
        ArrayNode projections = body.putArray("projections");
        ArrayNode sagas = body.putArray("sagas");
        for (ProcessorStatus view : overview.processors()) {
            (view.kind().equals("saga") ? sagas : projections).add(render(view));
        }
        return body;
    }

    @GetMapping("/v1/admin/projections/{name}")
    public ObjectNode one(ServerWebExchange exchange, @PathVariable String name) {
        admin(exchange, RateLimiter.Kind.READ);
        return render(questions.askOptional(new FindProcessor(name),
                ProcessorStatus.class).orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND,
                "Projection not found")));
    }

    @PostMapping("/v1/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ObjectNode rebuild(ServerWebExchange exchange, @PathVariable String name) {
        Caller caller = admin(exchange, RateLimiter.Kind.MUTATE);
        RebuildStatus run = commands.send(new RebuildProjection(name),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return renderRebuild(run);
    }

    /** Starts every rebuildable projection that is not already rebuilding; they run side by side. */
    @PostMapping("/v1/admin/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ObjectNode rebuildAll(ServerWebExchange exchange) {
        Caller caller = admin(exchange, RateLimiter.Kind.MUTATE);
        List<RebuildStatus> runs = commands.send(new RebuildAllProjections(),
                AuditMetadata.of(caller, RequestIds.of(exchange), null));
        ObjectNode body = json.createObjectNode();
        ArrayNode rebuilds = body.putArray("rebuilds");
        runs.forEach(run -> rebuilds.add(renderRebuild(run)));
        return body;
    }

    private Caller admin(ServerWebExchange exchange, RateLimiter.Kind kind) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, kind);
        Guards.requireRole(caller, OPERATE, Role.PLATFORM_ADMIN);
        return caller;
    }

    private ObjectNode render(ProcessorStatus view) {
        ObjectNode node = json.createObjectNode();
        node.put("name", view.name());
        node.put("kind", view.kind());
        node.put("state", view.state());
        node.put("position", view.position());
        node.put("head", view.head());
        node.put("lag", view.lag());
        node.put("rebuildable", view.rebuildable());
        if (view.activeGeneration() == null) {
            node.putNull("activeGeneration");
        } else {
            node.put("activeGeneration", view.activeGeneration());
        }
        node.set("failure", view.failure() == null ? null : renderFailure(view.failure()));
        node.set("rebuild", view.rebuild() == null ? null : renderRebuild(view.rebuild()));
        return node;
    }

    private ObjectNode renderFailure(ProcessorFailure failure) {
        ObjectNode node = json.createObjectNode();
        if (failure.globalIndex() == null) {
            node.putNull("globalIndex");
        } else {
            node.put("globalIndex", failure.globalIndex());
        }
        node.put("eventIdentifier", failure.eventIdentifier());
        node.put("payloadType", failure.payloadType());
        node.put("message", failure.message());
        return node;
    }

    private ObjectNode renderRebuild(RebuildStatus run) {
        ObjectNode node = json.createObjectNode();
        node.put("projection", run.projection());
        node.put("status", run.status());
        node.put("fromGeneration", run.fromGeneration());
        node.put("targetGeneration", run.targetGeneration());
        node.put("startedAt", Timestamps.format(run.startedAt()));
        node.put("completedAt", Timestamps.format(run.completedAt()));
        node.put("headAtStart", run.headAtStart());
        node.put("position", run.position());
        node.put("progress", run.progress());
        node.put("eventsPerSecond", Math.round(run.eventsPerSecond()));
        node.set("failure", run.failure() == null ? null : renderFailure(run.failure()));
        return node;
    }
}
