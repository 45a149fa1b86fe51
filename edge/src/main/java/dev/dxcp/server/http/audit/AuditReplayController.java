package dev.dxcp.server.http.audit;

import dev.dxcp.events.audit.AuditQueries.ReplayAuditEvents;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GET /v1/audit/replay (README "Replaying audit history"): the event store itself as NDJSON, oldest
 * first. The checks run before the first byte, so refusals are ordinary error bodies; the events are
 * then streamed with backpressure, a page read from the store only as the client takes what came before.
 */
@RestController
public class AuditReplayController {
    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,127}");

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Questions questions;

    public AuditReplayController(Authenticator authenticator, RateLimiter rateLimiter, Questions questions) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.questions = questions;
    }

    @GetMapping("/v1/audit/replay")
    public ResponseEntity<Flux<DataBuffer>> replay(ServerWebExchange exchange,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "until", required = false) String until,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "service", required = false) String service,
            @RequestParam(name = "delivery_group_id", required = false) String groupId,
            @RequestParam(name = "environment", required = false) String environment,
            @RequestParam(name = "actor", required = false) String actor,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "limit", required = false) String limit) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Guards.requireRole(caller, "replay audit history", Role.PLATFORM_ADMIN);
        Long cursor = AuditParams.position(after, "after");
        Long lines = AuditParams.position(limit, "limit");
        if (lines != null && lines < 1) {
            throw AuditParams.invalid("limit must be a positive integer");
        }
        ReplayAuditEvents query = new ReplayAuditEvents(cursor == null ? -1 : cursor,
                AuditParams.position(until, "until"),
                AuditParams.time(from, "from"), AuditParams.time(to, "to"), AuditParams.optional(service),
                AuditParams.optional(groupId), AuditParams.optional(environment), AuditParams.optional(actor),
                eventTypes(eventType), lines);
        return ResponseEntity.ok().contentType(NDJSON).cacheControl(CacheControl.noStore())
                .body(Flux.from(questions.askStream(query, byte[].class))
                        .map(DefaultDataBufferFactory.sharedInstance::wrap));
    }

    /** Comma-separated payload type names; plain identifiers only, since they go into a LIKE pattern. */
    private static Set<String> eventTypes(String raw) {
        if (AuditParams.optional(raw) == null) {
            return Set.of();
        }
        Set<String> types = new LinkedHashSet<>();
        for (String name : Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            if (!TYPE_NAME.matcher(name).matches()) {
                throw AuditParams.invalid("event_type must be payload type names such as DeploymentAccepted");
            }
            types.add(name);
        }
        return types;
    }
}
