package dev.dxcp.server.http.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.notification.NotificationMessages.CheckWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.CreateWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionCheck;
import dev.dxcp.events.notification.NotificationMessages.DeleteWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.ListWebhookDeliveries;
import dev.dxcp.events.notification.NotificationMessages.ListWebhookSubscriptions;
import dev.dxcp.events.notification.NotificationMessages.StoreWebhookSecret;
import dev.dxcp.events.notification.NotificationMessages.UpdateWebhookSubscription;
import dev.dxcp.events.notification.NotificationMessages.WebhookDeliveryLog;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionList;
import dev.dxcp.events.notification.WebhookSubscription;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.AuditMetadata;
import dev.dxcp.server.http.JsonBodies;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.configuration.ConfigurationGate;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.observability.RequestIds;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Webhook subscriptions and their delivery log (docs/GOVERNANCE.md "Notifications"), platform admins only,
 * like the other admin resources: writes run authenticate, mutate rate, role, kill switch, then the
 * aggregate's validation; no Idempotency-Key (api-contract §1 asks none of admin writes), a client-chosen id
 * makes a retried create answer 409 NOTIFICATION_SUBSCRIPTION_EXISTS instead of a second subscription.
 * A secret sent is stored before the event that names it, and never answered.
 */
@RestController
public class WebhookSubscriptionController {
    static final String PATH = "/v1/admin/notifications/subscriptions";
    static final int DEFAULT_LOG = 50;
    static final int MAX_LOG = 200;

    private final ConfigurationGate gate;
    private final CommandSender commands;
    private final Questions questions;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookSubscriptionController(ConfigurationGate gate, CommandSender commands, Questions questions,
                                         ObjectMapper json, Clock clock) {
        this.gate = gate;
        this.commands = commands;
        this.questions = questions;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(PATH)
    public ArrayNode subscriptions(ServerWebExchange exchange) {
        gate.adminRead(exchange);
        ArrayNode array = json.createArrayNode();
        list().subscriptions().forEach(s -> array.add(WebhookSubscriptionJson.render(json, s)));
        return array;
    }

    @GetMapping(PATH + "/{id}")
    public ObjectNode subscription(ServerWebExchange exchange, @PathVariable String id) {
        gate.adminRead(exchange);
        return WebhookSubscriptionJson.render(json, find(id));
    }

    @PostMapping(PATH)
    public ResponseEntity<ObjectNode> create(ServerWebExchange exchange, @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        JsonNode id = request.get("id");
        if (id != null && !id.isNull() && !id.isTextual()) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "id must be a string");
        }
        var parsed = WebhookSubscriptionJson.parse(request,
                id == null || id.isNull() ? "webhook-" + UUID.randomUUID() : id.asText());
        MetaData audit = AuditMetadata.of(caller, RequestIds.of(exchange), null);
        WebhookSubscription proposed = withSecret(parsed.subscription(), secretRef(parsed, audit));
        WebhookSubscription created = commands.send(new CreateWebhookSubscription(proposed, now()), audit);
        return ResponseEntity.status(HttpStatus.CREATED).body(WebhookSubscriptionJson.render(json, created));
    }

    /** Replaces the settings; {@code secret} absent keeps the one in force, {@code null} removes it. */
    @PutMapping(PATH + "/{id}")
    public ObjectNode update(ServerWebExchange exchange, @PathVariable String id,
                             @RequestBody(required = false) byte[] body) {
        Caller caller = gate.adminWrite(exchange);
        JsonNode request = JsonBodies.object(exchange, body, ErrorCode.INVALID_REQUEST);
        find(id);
        var parsed = WebhookSubscriptionJson.parse(request, id);
        MetaData audit = AuditMetadata.of(caller, RequestIds.of(exchange), null);
        WebhookSubscription proposed = withSecret(parsed.subscription(), secretRef(parsed, audit));
        WebhookSubscription updated = commands.send(new UpdateWebhookSubscription(proposed, !parsed.secretSent(),
                now()), audit);
        return WebhookSubscriptionJson.render(json, updated);
    }

    @DeleteMapping(PATH + "/{id}")
    public ResponseEntity<Void> delete(ServerWebExchange exchange, @PathVariable String id) {
        Caller caller = gate.adminWrite(exchange);
        commands.send(new DeleteWebhookSubscription(id, now()), AuditMetadata.of(caller, RequestIds.of(exchange),
                null));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(PATH + "/{id}/deliveries")
    public ObjectNode deliveries(ServerWebExchange exchange, @PathVariable String id,
                                 @RequestParam(required = false) String limit) {
        gate.adminRead(exchange);
        int size = limit(limit);
        find(id);
        WebhookDeliveryLog log = questions.ask(new ListWebhookDeliveries(id, size), WebhookDeliveryLog.class);
        ObjectNode body = json.createObjectNode();
        body.put("subscription_id", id);
        ArrayNode deliveries = body.putArray("deliveries");
        log.deliveries().forEach(d -> deliveries.add(WebhookSubscriptionJson.delivery(json, d)));
        return body;
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LOG;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LOG) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Rejection(ErrorCode.INVALID_REQUEST, "limit must be an integer 1.." + MAX_LOG);
    }

    /** The secret goes to its table only after the body's JSON types are known to be right. */
    private String secretRef(WebhookSubscriptionJson.Parsed parsed, MetaData audit) {
        String problem = questions.ask(new CheckWebhookSubscription(parsed.subscription()),
                WebhookSubscriptionCheck.class).problem();
        if (problem != null) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, problem);
        }
        return parsed.secret() == null ? null : commands.send(new StoreWebhookSecret(parsed.secret()), audit);
    }

    private static WebhookSubscription withSecret(WebhookSubscription s, String secretRef) {
        return new WebhookSubscription(s.id(), s.url(), s.eventTypes(), s.deliveryGroups(), s.format(), secretRef,
                s.description(), s.enabled(), null, null, null, null);
    }

    private WebhookSubscriptionList list() {
        return questions.ask(new ListWebhookSubscriptions(), WebhookSubscriptionList.class);
    }

    private WebhookSubscription find(String id) {
        return list().subscriptions().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "Webhook subscription not found"));
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
