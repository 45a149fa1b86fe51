package dev.dxcp.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The payload of a JWT, read without verifying it (the server verifies): for the token's expiry and
 * the DXCP role it carries, which /v1/whoami does not return (api-contract §3).
 */
public final class TokenClaims {
    /** Role claim values of governance §1, first match wins. */
    private static final Map<String, String> ROLES = Map.of(
            "dxcp-platform-admins", "PLATFORM_ADMIN",
            "dxcp-delivery-owners", "DELIVERY_OWNER",
            "dxcp-observers", "OBSERVER",
            "dxcp-ci-publishers", "CI_PUBLISHER",
            "dxcp-ci-publisher", "CI_PUBLISHER");
    private static final List<String> ORDER = List.of("dxcp-platform-admins", "dxcp-delivery-owners",
            "dxcp-observers", "dxcp-ci-publishers", "dxcp-ci-publisher");

    private final JsonNode payload;

    private TokenClaims(JsonNode payload) {
        this.payload = payload;
    }

    public static TokenClaims of(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length < 2) {
            return new TokenClaims(CliContext.JSON.createObjectNode());
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1]);
            return new TokenClaims(CliContext.JSON.readTree(new String(json, StandardCharsets.UTF_8)));
        } catch (Exception notAJwt) {
            return new TokenClaims(CliContext.JSON.createObjectNode());
        }
    }

    /** Seconds since the epoch, or null. */
    public Long expiresAt() {
        return payload.hasNonNull("exp") ? payload.path("exp").asLong() : null;
    }

    /**
     * The DXCP role: looked for in every array claim holding a DXCP role value, since the roles claim
     * name is a server setting the CLI does not know. Null when none.
     */
    public String role() {
        List<String> values = new ArrayList<>();
        payload.fields().forEachRemaining(field -> {
            if (field.getValue().isArray()) {
                field.getValue().forEach(v -> values.add(v.asText()));
            }
        });
        for (String candidate : ORDER) {
            if (values.contains(candidate)) {
                return ROLES.get(candidate);
            }
        }
        return null;
    }
}
