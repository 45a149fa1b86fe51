package dev.dxcp.gatesim.control;

import java.util.Arrays;

/**
 * How the simulated Gate decides who the caller is and what an unauthenticated API call gets
 * (spec §3.1, §3.3). {@code /health} and {@code /auth/user} never require authentication.
 */
public enum AuthMode {
    /** No authentication configured: everyone is {@code anonymous}; X-SPINNAKER-USER is ignored. */
    ANONYMOUS("anonymous"),
    /** No principal on the request, so Gate trusts X-SPINNAKER-USER. */
    HEADER("header"),
    /** OAuth2 / form login: API calls without an accepted credential get 302 to {@code <base>/login}. */
    LOGIN_REDIRECT("login-redirect"),
    /** An install without a login entry point: 401 with a JSON error body. */
    UNAUTHORIZED_401("unauthorized-401"),
    /** X.509-only: 403 without a client certificate. */
    X509_403("x509-403");

    private final String cliName;

    AuthMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Accepts the command-line spelling ("login-redirect") or the constant name. */
    public static AuthMode parse(String text) {
        return Arrays.stream(values())
                .filter(mode -> mode.cliName.equalsIgnoreCase(text) || mode.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown auth mode: " + text));
    }

    /** Modes in which a request may be turned away before reaching Gate's controllers. */
    public boolean requiresCredential() {
        return this == LOGIN_REDIRECT || this == UNAUTHORIZED_401 || this == X509_403;
    }
}
