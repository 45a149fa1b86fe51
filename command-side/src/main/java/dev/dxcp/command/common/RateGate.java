package dev.dxcp.command.common;

/**
 * The per-minute mutate limit, charged at its place in the check order (governance §5 step 13). A
 * request is charged at most once even when its command is re-run after a concurrency conflict.
 */
public interface RateGate {
    /** @throws dev.dxcp.events.common.Rejection RATE_LIMITED when the actor is over the limit */
    void chargeMutation(String actorId, String requestId);
}
