package dev.dxcp.server.http.build;

import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.idempotency.IdempotencyMessages.CheckIdempotency;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotencyVerdict;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Caller;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.dxcp.events.idempotency.IdempotencyMessages.idempotencyKeyId;

/**
 * Governance §5 puts replay/conflict before the mutate rate on the CI endpoints, and the per-minute rate
 * is counted in this process (docs/DECISIONS.md 7, 8): so a cheap look at the key comes first — a replay
 * or a conflicting reuse answers without being charged — and only a fresh request is charged. The
 * deciding command checks the key again, atomically.
 */
class ReplayBeforeRate {
    private final CommandSender commands;
    private final RateLimiter rateLimiter;
    private final Duration idempotencyWindow;

    ReplayBeforeRate(CommandSender commands, RateLimiter rateLimiter, Duration idempotencyWindow) {
        this.commands = commands;
        this.rateLimiter = rateLimiter;
        this.idempotencyWindow = idempotencyWindow;
    }

    /**
     * The remembered answer for a replay; empty for a fresh request, which has then been charged.
     *
     * @throws Rejection {@code conflict} for a different request under the key; RATE_LIMITED
     */
    Optional<StoredAnswer> replayOrCharge(Caller caller, String scope, String fingerprint, Instant now,
                                          MetaData audit, Supplier<Rejection> conflict) {
        IdempotencyVerdict verdict = commands.send(
                new CheckIdempotency(idempotencyKeyId(scope), fingerprint, now, idempotencyWindow), audit);
        if (verdict.kind() == IdempotencyVerdict.Kind.REPLAY) {
            return Optional.of(new StoredAnswer(verdict.status(), verdict.body(), true));
        }
        if (verdict.kind() == IdempotencyVerdict.Kind.CONFLICT) {
            throw conflict.get();
        }
        rateLimiter.check(caller, RateLimiter.Kind.MUTATE);
        return Optional.empty();
    }
}
