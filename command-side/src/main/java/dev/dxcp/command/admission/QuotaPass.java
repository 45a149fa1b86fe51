package dev.dxcp.command.admission;

import dev.dxcp.events.common.Rejection;

import java.util.Optional;

/** What the quota step decided; a request that goes on to succeed spends what the pass reserved. */
public interface QuotaPass {
    /** The refusal (QUOTA_EXCEEDED, CONCURRENCY_LIMIT_REACHED), or empty when the request may go on. */
    Optional<Rejection> refusal();

    /** The request succeeded: spend the unit, where the quota is spent only on success (governance §7). */
    default void spend() {
    }

    /** A pass with this refusal (or none) that runs {@code spend} when the request succeeds. */
    static QuotaPass of(Optional<Rejection> refusal, Runnable spend) {
        return new QuotaPass() {
            @Override
            public Optional<Rejection> refusal() {
                return refusal;
            }

            @Override
            public void spend() {
                spend.run();
            }
        };
    }
}
