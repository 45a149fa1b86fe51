package dev.dxcp.command.deployment;

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

    public static Rejection groupPolicy(String code, String hint) {
        return new Rejection(code, 403, GROUP_POLICY, hint, null);
    }

    public static Rejection incompatible(String code, String hint) {
        return new Rejection(code, 400, INCOMPATIBLE, hint, null);
    }

    public static Rejection of(String code, int status, String message, String hint) {
        return new Rejection(code, status, message, hint, null);
    }
}
