package dev.dxcp.server.identity;

import java.util.List;

/**
 * An authenticated caller as governance §1 derives it from a validated token.
 *
 * @param actorId    sub, else email, else custom email claim, else "unknown" (rate limits, audit)
 * @param actorEmail email, else custom email claim; trimmed, lower-cased; null when absent (group scoping)
 * @param principal  custom email claim, else email (both lower-cased), else sub; null when none
 * @param audience   the token's aud as sent: a string or a list
 */
public record Caller(String actorId, Role role, String sub, String email, String customEmail, String issuer,
                     Object audience, String azp, String actorEmail, String principal) {

    public List<String> audiences() {
        if (audience instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return audience == null ? List.of() : List.of(String.valueOf(audience));
    }

    public boolean isAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }
}
