package dev.dxcp.server.identity;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;

import java.util.Locale;

/** The authentication and authorization refusals of governance §1–§3, worded once. */
public final class Denials {
    private Denials() {
    }

    public static Rejection unauthorized() {
        return new Rejection(ErrorCode.UNAUTHORIZED, "Authentication required: a valid bearer token is needed");
    }

    public static Rejection principalRequired() {
        return new Rejection(ErrorCode.UNAUTHORIZED, "Authenticated principal claim is required");
    }

    public static Rejection roleRequired() {
        return new Rejection(ErrorCode.AUTHZ_ROLE_REQUIRED, "The token carries no recognized DXCP role");
    }

    /** The message names the role and the action, e.g. "Role OBSERVER cannot deploy". */
    public static Rejection roleForbidden(Role role, String action) {
        return new Rejection(ErrorCode.ROLE_FORBIDDEN, "Role " + role.name() + " cannot " + action.toLowerCase(
                Locale.ROOT));
    }

    public static Rejection ciOnly() {
        return new Rejection(ErrorCode.CI_ONLY, "Only allowlisted CI publisher identities may register builds");
    }

    public static Rejection oidcConfigMissing() {
        return new Rejection(ErrorCode.OIDC_CONFIG_MISSING,
                "Identity provider settings are incomplete: issuer and audience are required");
    }
}
