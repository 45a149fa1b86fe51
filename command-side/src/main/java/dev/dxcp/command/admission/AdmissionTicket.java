package dev.dxcp.command.admission;

import dev.dxcp.events.common.Rejection;

import java.time.Instant;

import static dev.dxcp.events.idempotency.IdempotencyMessages.idempotencyKeyId;

/**
 * A governed write as admission sees it (governance §5–§7).
 *
 * @param idempotencyScope hash of (Idempotency-Key, method, path), governance §6
 * @param fingerprint      hash of the request's fingerprint fields, governance §6
 * @param actorId          who is charged the mutate rate (and an actor's daily quota)
 * @param admissionId      the id the request's resource gets if admitted: unique per request and unchanged
 *                         when the decision re-runs after a concurrency conflict, so the rate is charged once
 * @param conflict         the refusal of a different request under the same key
 */
public record AdmissionTicket(String idempotencyScope, String fingerprint, String actorId, String admissionId,
                              Instant at, Rejection conflict) {

    String keyId() {
        return idempotencyKeyId(idempotencyScope);
    }
}
