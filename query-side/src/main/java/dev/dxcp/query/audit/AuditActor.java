package dev.dxcp.query.audit;

import dev.dxcp.events.common.MetaKeys;

import java.util.Map;

/**
 * Who caused an event, read from the metadata every command carries into its events (MetaKeys). The
 * event store holds no other record of the caller, so this is the audit's only source for it.
 */
public record AuditActor(String id, String role, String sub, String email, String azp, String requestId) {
    static final String UNKNOWN = "unknown";

    public static AuditActor of(Map<String, ?> metadata) {
        return new AuditActor(text(metadata, MetaKeys.ACTOR_ID, UNKNOWN), text(metadata, MetaKeys.ACTOR_ROLE, UNKNOWN),
                text(metadata, MetaKeys.ACTOR_SUB, null), text(metadata, MetaKeys.ACTOR_EMAIL, null),
                text(metadata, MetaKeys.ACTOR_AZP, null), text(metadata, MetaKeys.REQUEST_ID, null));
    }

    private static String text(Map<String, ?> metadata, String key, String fallback) {
        Object value = metadata.get(key);
        return value == null || String.valueOf(value).isEmpty() ? fallback : String.valueOf(value);
    }
}
