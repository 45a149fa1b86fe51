package dev.dxcp.server.http;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.settings.EffectiveSettings;
import dev.dxcp.server.identity.Caller;
import dev.dxcp.server.identity.Denials;
import dev.dxcp.server.identity.Role;
import org.springframework.web.server.ServerWebExchange;

import java.util.Set;

/** The small gates every endpoint composes in the order governance §5 gives it. */
public class Guards {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final Questions questions;

    public Guards(Questions questions) {
        this.questions = questions;
    }

    public EffectiveSettings settings() {
        return questions.settings();
    }

    /** Kill switch (governance §8): read from the shared settings on every call. */
    public void mutationsEnabled() {
        mutationsEnabled(settings());
    }

    /** Kill switch, on settings this request has already read. */
    public static void mutationsEnabled(EffectiveSettings settings) {
        if (settings.mutationsDisabled().value()) {
            throw new Rejection(ErrorCode.MUTATIONS_DISABLED,
                    "Mutations are temporarily disabled by a platform administrator");
        }
    }

    public static void requireRole(Caller caller, String action, Role... allowed) {
        if (!Set.of(allowed).contains(caller.role())) {
            throw Denials.roleForbidden(caller.role(), action);
        }
    }

    public static void requirePrincipal(Caller caller) {
        if (caller.principal() == null) {
            throw Denials.principalRequired();
        }
    }

    /** Missing, empty or blank → 400 IDMP_KEY_REQUIRED (api-contract §1). */
    public static String requireIdempotencyKey(ServerWebExchange exchange) {
        String key = exchange.getRequest().getHeaders().getFirst(IDEMPOTENCY_HEADER);
        if (key == null || key.isBlank()) {
            throw new Rejection(ErrorCode.IDMP_KEY_REQUIRED, "Idempotency-Key header is required");
        }
        if (key.length() > 512) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "Idempotency-Key must be at most 512 characters");
        }
        return key;
    }
}
