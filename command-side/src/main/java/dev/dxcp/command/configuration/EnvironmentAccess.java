package dev.dxcp.command.configuration;

import dev.dxcp.events.common.ErrorCode;

/** Whether a delivery group may deploy to an environment, and if not why (domain §14, governance §5 step 7). */
public enum EnvironmentAccess {
    USABLE(null),
    NOT_ALLOWED(ErrorCode.ENVIRONMENT_NOT_ALLOWED),
    RETIRED(ErrorCode.ENVIRONMENT_RETIRED),
    DISABLED(ErrorCode.ENVIRONMENT_DISABLED);

    private final ErrorCode denial;

    EnvironmentAccess(ErrorCode denial) {
        this.denial = denial;
    }

    /** The 403 denial, or null when usable. */
    public ErrorCode denial() {
        return denial;
    }

    /** The contract code of the 403 denial, or null when usable. */
    public String code() {
        return denial == null ? null : denial.code();
    }
}
