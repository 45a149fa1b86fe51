package dev.dxcp.events.idempotency;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * Idempotency-Key vocabulary (governance §6). One {@code IdempotencyKey} aggregate per scope
 * (key, method, path); it remembers the first successful response and its request fingerprint.
 */
public final class IdempotencyMessages {
    private IdempotencyMessages() {
    }

    public static String idempotencyKeyId(String scope) {
        return "idem/" + scope;
    }

    /** Compares a request with what the key already answered; changes nothing. */
    public record CheckIdempotency(@TargetAggregateIdentifier String idempotencyKeyId, String fingerprint,
                                   Instant now, Duration window) {
    }

    /** Remembers the response of the first success for this key, so retries get it back unchanged. */
    public record RecordIdempotentResponse(@TargetAggregateIdentifier String idempotencyKeyId, String fingerprint,
                                           int status, String body, String resourceId, Instant recordedAt) {
    }

    /** Forgets a remembered response whose request turned out to fail after all. */
    public record WithdrawIdempotentResponse(@TargetAggregateIdentifier String idempotencyKeyId, String resourceId,
                                             Instant at) {
    }

    public record IdempotentResponseWithdrawn(String idempotencyKeyId, String resourceId, Instant at) {
    }

    public record IdempotentResponseRecorded(String idempotencyKeyId, String fingerprint, int status, String body,
                                             String resourceId, Instant recordedAt) {
    }

    /** What a key says about a request: never seen (or expired), same request again, or a different one. */
    public record IdempotencyVerdict(Kind kind, int status, String body, String resourceId) {
        public enum Kind { FRESH, REPLAY, CONFLICT }

        public static IdempotencyVerdict fresh() {
            return new IdempotencyVerdict(Kind.FRESH, 0, null, null);
        }

        public static IdempotencyVerdict conflict() {
            return new IdempotencyVerdict(Kind.CONFLICT, 0, null, null);
        }

        public static IdempotencyVerdict replay(int status, String body, String resourceId) {
            return new IdempotencyVerdict(Kind.REPLAY, status, body, resourceId);
        }
    }
}
