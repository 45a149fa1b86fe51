package dev.dxcp.events.common;

import java.util.List;

/**
 * Metadata every command carries and every resulting event inherits (who, which role, which request),
 * so that the event store can serve as the audit log without a second write.
 */
public final class MetaKeys {
    public static final String ACTOR_ID = "actor_id";
    public static final String ACTOR_ROLE = "actor_role";
    public static final String ACTOR_SUB = "actor_sub";
    public static final String ACTOR_EMAIL = "actor_email";
    public static final String ACTOR_AZP = "actor_azp";
    public static final String REQUEST_ID = "request_id";
    public static final String IDEMPOTENCY_KEY = "idempotency_key";

    /** Keys copied from a command to the events it causes (and on to saga commands). */
    public static final List<String> PROPAGATED =
            List.of(ACTOR_ID, ACTOR_ROLE, ACTOR_SUB, ACTOR_EMAIL, ACTOR_AZP, REQUEST_ID, IDEMPOTENCY_KEY);

    private MetaKeys() {
    }
}
