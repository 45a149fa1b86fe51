package dev.dxcp.command.deployment;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;

/**
 * The wording of guardrail refusals (governance §12): group-policy denials (403) share one message and
 * compatibility denials (400) another; the specific reason goes to the operator hint.
 */
public final class PolicyDenials {
    static final String GROUP_POLICY = "Action not permitted by DeliveryGroup policy";
    static final String INCOMPATIBLE = "Service or recipe is incompatible with this request";

    private PolicyDenials() {
    }

    /** A 403 of the group's policy (governance §5 steps 6–9). */
    public static Rejection groupPolicy(ErrorCode code, String hint) {
        return new Rejection(code, GROUP_POLICY, hint, null);
    }

    /** A 400 of the compatibility step (governance §5 step 10). */
    public static Rejection incompatible(ErrorCode code, String hint) {
        return new Rejection(code, INCOMPATIBLE, hint, null);
    }

    public static Rejection of(ErrorCode code, String message, String hint) {
        return new Rejection(code, message, hint, null);
    }
}
