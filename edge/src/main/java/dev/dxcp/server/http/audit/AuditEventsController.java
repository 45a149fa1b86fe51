package dev.dxcp.server.http.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.audit.AuditEvent;
import dev.dxcp.events.audit.AuditQueries.AuditEvents;
import dev.dxcp.events.audit.AuditQueries.ListAuditEvents;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Instant;

/**
 * GET /v1/audit/events (api-contract §12, governance §14): platform admins only; authenticate, read
 * rate, role, then the query values. Newest first; time bounds inclusive; limit 1..500, default 200.
 */
@RestController
public class AuditEventsController {
    static final String READ_AUDIT = "read audit events";
    private static final int DEFAULT_LIMIT = 200;
    private static final int MAX_LIMIT = 500;

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Questions questions;
    private final ObjectMapper json;

    public AuditEventsController(Authenticator authenticator, RateLimiter rateLimiter, Questions questions,
                                 ObjectMapper json) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.questions = questions;
        this.json = json;
    }

    @GetMapping("/v1/audit/events")
    public ArrayNode events(ServerWebExchange exchange,
                            @RequestParam(name = "event_type", required = false) String eventType,
                            @RequestParam(name = "delivery_group_id", required = false) String groupId,
                            @RequestParam(name = "start_time", required = false) String startTime,
                            @RequestParam(name = "end_time", required = false) String endTime,
                            @RequestParam(name = "limit", required = false) String limit) {
        Caller caller = authenticator.authenticate(exchange);
        rateLimiter.check(caller, RateLimiter.Kind.READ);
        Guards.requireRole(caller, READ_AUDIT, Role.PLATFORM_ADMIN);
        int max = limit(limit);
        Instant start = AuditParams.time(startTime, "start_time");
        Instant end = AuditParams.time(endTime, "end_time");
        AuditEvents found = questions.ask(new ListAuditEvents(AuditParams.optional(eventType),
                AuditParams.optional(groupId), start, end, max), AuditEvents.class);
        ArrayNode array = json.createArrayNode();
        found.events().forEach(e -> array.add(render(e)));
        return array;
    }

    private ObjectNode render(AuditEvent e) {
        ObjectNode node = json.createObjectNode();
        node.put("event_id", e.eventId());
        node.put("event_type", e.eventType());
        node.put("actor_id", e.actorId());
        node.put("actor_role", e.actorRole());
        node.put("target_type", e.targetType());
        node.put("target_id", e.targetId());
        node.put("timestamp", Timestamps.format(e.timestamp()));
        node.put("outcome", e.outcome());
        node.put("summary", e.summary());
        node.put("delivery_group_id", e.deliveryGroupId());
        node.put("service_name", e.serviceName());
        node.put("environment", e.environment());
        return node;
    }

    private static int limit(String raw) {
        if (AuditParams.optional(raw) == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw AuditParams.invalid("limit must be between 1 and " + MAX_LIMIT);
    }
}
