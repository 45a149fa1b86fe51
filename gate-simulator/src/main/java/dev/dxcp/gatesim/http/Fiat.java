package dev.dxcp.gatesim.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small stand-in for Fiat: an application's {@code permissions} attribute lists the roles that
 * may READ or EXECUTE, and the configuration lists each user's roles. Applications without
 * permissions are open to everyone. Off unless enabled in the configuration.
 */
final class Fiat {

    private final boolean enabled;
    private final Map<String, Set<String>> userRoles;

    Fiat(boolean enabled, Map<String, Set<String>> userRoles) {
        this.enabled = enabled;
        this.userRoles = Map.copyOf(userRoles);
    }

    boolean canRead(String user, Optional<? extends JsonNode> application) {
        return allowed(user, application, "READ");
    }

    /** EXECUTE falls back to READ's roles when an application lists none for EXECUTE. */
    boolean canExecute(String user, Optional<? extends JsonNode> application) {
        boolean hasExecuteRoles = application.map(app -> app.path("permissions").has("EXECUTE")).orElse(false);
        return allowed(user, application, hasExecuteRoles ? "EXECUTE" : "READ");
    }

    private boolean allowed(String user, Optional<? extends JsonNode> application, String permission) {
        if (!enabled || application.isEmpty()) {
            return true;
        }
        JsonNode permissions = application.get().path("permissions");
        if (!permissions.isObject() || !permissions.has(permission)) {
            return true;
        }
        Set<String> roles = userRoles.getOrDefault(user == null ? Authenticator.ANONYMOUS : user, Set.of());
        for (JsonNode role : permissions.get(permission)) {
            if (roles.contains(role.asText())) {
                return true;
            }
        }
        return false;
    }
}
