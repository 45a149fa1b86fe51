package dev.dxcp.server.http;

import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.server.identity.Caller;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/** The who/role/request metadata every command carries into its events (the audit trail). */
public final class AuditMetadata {
    private AuditMetadata() {
    }

    public static MetaData of(Caller caller, String requestId, String idempotencyKey) {
        Map<String, Object> values = new HashMap<>();
        values.put(MetaKeys.ACTOR_ID, caller.actorId());
        values.put(MetaKeys.ACTOR_ROLE, caller.role().name());
        putIfPresent(values, MetaKeys.ACTOR_SUB, caller.sub());
        putIfPresent(values, MetaKeys.ACTOR_EMAIL, caller.email() != null ? caller.email()
                : caller.customEmail() != null ? caller.customEmail() : caller.actorEmail());
        putIfPresent(values, MetaKeys.ACTOR_AZP, caller.azp());
        values.put(MetaKeys.REQUEST_ID, requestId);
        putIfPresent(values, MetaKeys.IDEMPOTENCY_KEY, idempotencyKey);
        return MetaData.from(values);
    }

    private static void putIfPresent(Map<String, Object> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
