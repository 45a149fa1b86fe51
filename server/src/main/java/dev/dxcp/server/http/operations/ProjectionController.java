package dev.dxcp.server.http.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.http.RequestIds;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import dev.dxcp.query.operations.ProcessorFailure;
import dev.dxcp.query.operations.ProcessorStatuses;
import dev.dxcp.query.operations.ProcessorView;
import dev.dxcp.query.operations.ProjectionCatalog;
import dev.dxcp.query.operations.ProjectionRebuilder;
import dev.dxcp.query.operations.RebuildRun;
import dev.dxcp.query.operations.RebuildableProjection;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

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
    private final ProcessorStatuses statuses;
    private final ProjectionRebuilder rebuilder;
    private final ProjectionCatalog catalog;
    private final ObjectMapper json;

    public ProjectionController(Authenticator authenticator, RateLimiter rateLimiter, ProcessorStatuses statuses,
                                ProjectionRebuilder rebuilder, ProjectionCatalog catalog, ObjectMapper json) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.statuses = statuses;
        this.rebuilder = rebuilder;
        this.catalog = catalog;
        this.json = json;
    }

    @GetMapping("/v1/admin/projections")
    public ObjectNode list(ServerWebExchange exchange) {
        admin(exchange, RateLimiter.Kind.READ);
        ObjectNode body = json.createObjectNode();
        body.put("eventStoreHead", statuses.head());
        ArrayNode projections = body.putArray("projections");
        ArrayNode sagas = body.putArray("sagas");
        for (ProcessorView view : statuses.all()) {
            (view.kind().equals("saga") ? sagas : projections).add(render(view));
        }
        return body;
    }

    @GetMapping("/v1/admin/projections/{name}")
    public ObjectNode one(ServerWebExchange exchange, @PathVariable String name) {
        admin(exchange, RateLimiter.Kind.READ);
        return render(statuses.find(name).orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND,
                "Projection not found")));
    }

    @PostMapping("/v1/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ObjectNode rebuild(ServerWebExchange exchange, @PathVariable String name) {
        Caller caller = admin(exchange, RateLimiter.Kind.MUTATE);
        RebuildRun run = rebuilder.start(name, AuditMetadata.of(caller, RequestIds.of(exchange), null));
        return renderRebuild(run);
    }

    /** Starts every rebuildable projection that is not already rebuilding; they run side by side. */
    @PostMapping("/v1/admin/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ObjectNode rebuildAll(ServerWebExchange exchange) {
        Caller caller = admin(exchange, RateLimiter.Kind.MUTATE);
        ObjectNode body = json.createObjectNode();
        ArrayNode rebuilds = body.putArray("rebuilds");
        for (RebuildableProjection projection : catalog.all()) {
            RebuildRun run = rebuilder.latest(projection.name()).filter(r -> !r.finished())
                    .orElseGet(() -> rebuilder.start(projection.name(),
                            AuditMetadata.of(caller, RequestIds.of(exchange), null)));
            rebuilds.add(renderRebuild(run));
        }
        return body;
    }

    private Caller admin(ServerWebExchange exchange, RateLimiter.Kind kind) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, kind);
        Guards.requireRole(caller, OPERATE, Role.PLATFORM_ADMIN);
        return caller;
    }

    private ObjectNode render(ProcessorView view) {
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

    private ObjectNode renderRebuild(RebuildRun run) {
        ObjectNode node = json.createObjectNode();
        node.put("projection", run.projection());
        node.put("status", run.status().name().toLowerCase());
        node.put("fromGeneration", run.fromGeneration());
        node.put("targetGeneration", run.targetGeneration());
        node.put("startedAt", Timestamps.format(run.startedAt()));
        node.put("completedAt", Timestamps.format(run.completedAt()));
        node.put("headAtStart", run.headAtStart());
        node.put("position", run.position());
        node.put("progress", Math.round(run.progress() * 10_000) / 10_000.0);
        node.put("eventsPerSecond", Math.round(run.eventsPerSecond()));
        node.set("failure", run.failure() == null ? null : renderFailure(run.failure()));
        return node;
    }
}
