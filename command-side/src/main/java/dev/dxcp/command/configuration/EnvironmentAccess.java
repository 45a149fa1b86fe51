package dev.dxcp.command.configuration;

/** Whether a delivery group may deploy to an environment, and if not why (domain §14, governance §5 step 7). */
public enum EnvironmentAccess {
    USABLE(null),
    NOT_ALLOWED("ENVIRONMENT_NOT_ALLOWED"),
    RETIRED("ENVIRONMENT_RETIRED"),
    DISABLED("ENVIRONMENT_DISABLED");

    private final String code;

    EnvironmentAccess(String code) {
        this.code = code;
    }

    /** The contract code of the 403 denial, or null when usable. */
    public String code() {
        return code;
    }
}
