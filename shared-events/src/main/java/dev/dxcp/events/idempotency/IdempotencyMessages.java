package dev.dxcp.events.idempotency;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import dev.dxcp.events.common.IdempotencyKeyUse;
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
        return IdempotencyKeyUse.keyIdOf(scope);
    }

    /** Compares a request with what the key already answered; changes nothing. */
    public record CheckIdempotency(@TargetAggregateIdentifier String idempotencyKeyId, String fingerprint,
                                   Instant now, Duration window) {
    }

    /** Remembers the answer of the first success for this key, so retries get it back unchanged. */
    public record RememberAnswer(@TargetAggregateIdentifier String idempotencyKeyId, String fingerprint,
                                 Answer answer, String resourceId, Instant recordedAt) {
    }

    /** Forgets a remembered response whose request turned out to fail after all. */
    public record WithdrawIdempotentResponse(@TargetAggregateIdentifier String idempotencyKeyId, String resourceId,
                                             Instant at) {
    }

    public record IdempotentResponseWithdrawn(String idempotencyKeyId, String resourceId, Instant at) {
    }

    /**
     * The first successful answer under a key. Revision 2 holds the answer as a value; revision 1 (no
     * revision) held its rendered status and body, which an upcaster turns into {@link Answer#rendered}.
     */
    @Revision("2")
    public record IdempotentResponseRecorded(String idempotencyKeyId, String fingerprint, Answer answer,
                                             String resourceId, Instant recordedAt) {
    }

    /** What a key says about a request: never seen (or expired), same request again, or a different one. */
    public record IdempotencyVerdict(Kind kind, Answer answer, String resourceId) {
        public enum Kind { FRESH, REPLAY, CONFLICT }

        public static IdempotencyVerdict fresh() {
            return new IdempotencyVerdict(Kind.FRESH, null, null);
        }

        public static IdempotencyVerdict conflict() {
            return new IdempotencyVerdict(Kind.CONFLICT, null, null);
        }

        public static IdempotencyVerdict replay(Answer answer, String resourceId) {
            return new IdempotencyVerdict(Kind.REPLAY, answer, resourceId);
        }
    }
}
