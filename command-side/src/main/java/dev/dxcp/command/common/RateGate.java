package dev.dxcp.command.common;

import dev.dxcp.events.common.Rejection;

import java.util.Optional;

/**
 * The per-minute mutate limit (governance §7 mutate_rpm), charged at its place in the check order. A
 * request is charged at most once even when its decision is re-run after a concurrency conflict.
 */
public interface RateGate {
    /**
     * @param admissionId unique per request and the same on a re-run
     * @return RATE_LIMITED when the actor is over the limit, else empty (and the request is counted)
     */
    Optional<Rejection> chargeMutation(String actorId, String admissionId);
}
