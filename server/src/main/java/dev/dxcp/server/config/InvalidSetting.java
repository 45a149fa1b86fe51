package dev.dxcp.server.config;

/**
 * A start-up setting the server cannot use. Thrown while the server starts, it ends the start with the
 * setting's name in the one-line cause (StartFailure).
 */
public class InvalidSetting extends IllegalStateException {
    private final String setting;

    public InvalidSetting(String setting, String problem) {
        this(setting, problem, null);
    }

    public InvalidSetting(String setting, String problem, Throwable cause) {
        super(setting + " " + problem, cause);
        this.setting = setting;
    }

    /** The variable (or property) as the README names it, e.g. DXCP_OIDC_JWKS_URL. */
    public String setting() {
        return setting;
    }
}
