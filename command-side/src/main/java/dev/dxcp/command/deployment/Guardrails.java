package dev.dxcp.command.deployment;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;

import java.util.Map;

/** The quota and concurrency refusals (governance §7, §9). */
final class Guardrails {
    private Guardrails() {
    }

    static Rejection quotaExceeded(String what, int quota) {
        return new Rejection(ErrorCode.QUOTA_EXCEEDED, "Daily " + what + " quota exceeded",
                "The daily " + what + " quota of " + quota + " is used up for this delivery group and environment",
                null);
    }

    static Rejection concurrencyReached(int max, int inFlight) {
        return new Rejection(ErrorCode.CONCURRENCY_LIMIT_REACHED,
                "Another deployment is in progress for this delivery group and environment",
                inFlight + " deployment(s) in flight, the limit is " + max,
                Map.of("max_concurrent_deployments", max, "current_concurrent_deployments", inFlight));
    }
}
