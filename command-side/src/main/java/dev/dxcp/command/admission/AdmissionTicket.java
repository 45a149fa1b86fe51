package dev.dxcp.command.admission;

import dev.dxcp.events.common.IdempotencyKeyUse;
import dev.dxcp.events.common.Rejection;

import java.time.Instant;

/**
 * A governed write as admission sees it (governance §5–§7).
 *
 * @param idempotency      the request's Idempotency-Key, with the method and path that scope it (governance §6)
 * @param fingerprint      hash of the request's fingerprint fields, governance §6
 * @param actorId          who is charged the mutate rate (and an actor's daily quota)
 * @param admissionId      the id the request's resource gets if admitted: unique per request and unchanged
 *                         when the decision re-runs after a concurrency conflict, so the rate is charged once
 * @param conflict         the refusal of a different request under the same key
 */
public record AdmissionTicket(IdempotencyKeyUse idempotency, String fingerprint, String actorId, String admissionId,
                              Instant at, Rejection conflict) {

    String keyId() {
        return idempotency.keyId();
    }
}
