package dev.dxcp.gatesim.http;

import dev.dxcp.gatesim.control.AuthMode;
import java.time.Clock;
import java.util.Map;

/**
 * Decides who the caller is, or turns the request away, per the configured {@link AuthMode}
 * (spec §3.1, §3.3). In the modes that demand a credential, a bearer token listed in the
 * configuration stands in for any real login and names the user; a principal always wins over
 * X-SPINNAKER-USER.
 */
final class Authenticator {

    static final String USER_HEADER = "X-SPINNAKER-USER";
    static final String ANONYMOUS = "anonymous";

    /** Either a caller (possibly null on exempt paths without credentials) or a rejection. */
    record Decision(String caller, GateResponse rejection) {
    }

    private volatile AuthMode mode;
    private final Map<String, String> bearerTokens;
    private final String loginRedirectUrl;
    private final Clock clock;

    Authenticator(AuthMode mode, Map<String, String> bearerTokens, String loginRedirectUrl, Clock clock) {
        this.mode = mode;
        this.bearerTokens = Map.copyOf(bearerTokens);
        this.loginRedirectUrl = loginRedirectUrl;
        this.clock = clock;
    }

    AuthMode mode() {
        return mode;
    }

    void mode(AuthMode newMode) {
        this.mode = newMode;
    }

    /**
     * @param exempt      whether the path never requires authentication (/health, /auth/user)
     * @param gateBaseUrl absolute base URL of this Gate, for the login redirect
     */
    Decision authenticate(HttpCall call, boolean exempt, String gateBaseUrl) {
        AuthMode current = mode;
        switch (current) {
            case ANONYMOUS -> {
                return new Decision(ANONYMOUS, null);
            }
            case HEADER -> {
                String user = call.header(USER_HEADER);
                return new Decision(user == null || user.isBlank() ? ANONYMOUS : user, null);
            }
            default -> {
                String user = credentialUser(call);
                if (user != null || exempt) {
                    return new Decision(user, null);
                }
                return new Decision(null, rejection(current, gateBaseUrl));
            }
        }
    }

    private String credentialUser(HttpCall call) {
        String authorization = call.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return bearerTokens.get(authorization.substring(7).trim());
    }

    private GateResponse rejection(AuthMode current, String gateBaseUrl) {
        return switch (current) {
            // The 302 carries no JSON body; a client following it would land on an HTML login page.
            case LOGIN_REDIRECT -> GateResponse.empty(302)
                    .withHeader("Location", loginRedirectUrl != null ? loginRedirectUrl : gateBaseUrl + "/login");
            case UNAUTHORIZED_401 -> ErrorBodies.of(clock, 401,
                    "org.springframework.security.authentication.InsufficientAuthenticationException",
                    "Full authentication is required to access this resource");
            case X509_403 -> ErrorBodies.of(clock, 403, "org.springframework.security.access.AccessDeniedException",
                    "Access Denied");
            default -> throw new IllegalStateException("No rejection in mode " + current);
        };
    }
}
