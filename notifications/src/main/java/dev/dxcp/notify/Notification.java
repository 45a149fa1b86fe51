package dev.dxcp.notify;

import java.time.Instant;
import java.util.Map;

/**
 * One thing a subscription may be told: the event type, the stored event it comes from, the deployment it
 * is about, and the details of its kind (in the order they are shown).
 */
public record Notification(String eventType, String eventId, Instant occurredAt, DeploymentFacts deployment,
                           Map<String, Object> details) {

    /** Where the deployment goes and what it changes, as known when it was accepted. */
    public record DeploymentFacts(String id, String kind, String service, String environment, String deliveryGroupId,
                                  String version, String rollbackOf, String requestedBy) {
    }
}
