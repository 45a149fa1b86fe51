package dev.dxcp.server.identity;

import com.nimbusds.jwt.JWTClaimsSet;

import java.util.List;
import java.util.Locale;

/** Turns validated claims into a {@link Caller} following governance §1. */
public final class IdentityClaims {
    private IdentityClaims() {
    }

    /** Roles claim present but not an array, or no recognized value: 403 AUTHZ_ROLE_REQUIRED. */
    public static Caller toCaller(JWTClaimsSet claims, java.util.Map<String, Object> payload, String rolesClaim,
                                  String emailClaim) {
        Object roles = claims.getClaim(rolesClaim);
        if (!(roles instanceof List<?> roleList)) {
            throw Denials.roleRequired();
        }
        Role role = Role.firstMatch(roleList).orElseThrow(Denials::roleRequired);
        String sub = text(claims.getClaim("sub"));
        String email = text(claims.getClaim("email"));
        String customEmail = text(claims.getClaim(emailClaim));
        String actorId = firstPresent(sub, email, customEmail, "unknown");
        String actorEmail = lower(email != null ? email : customEmail);
        String principal = customEmail != null ? lower(customEmail) : email != null ? lower(email) : sub;
        Object audience = payload.get("aud");
        return new Caller(actorId, role, sub, email, customEmail, text(claims.getClaim("iss")), audience,
                text(claims.getClaim("azp")), actorEmail, principal);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        return text.isBlank() ? null : text;
    }

    private static String firstPresent(String a, String b, String c, String fallback) {
        return a != null ? a : b != null ? b : c != null ? c : fallback;
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
