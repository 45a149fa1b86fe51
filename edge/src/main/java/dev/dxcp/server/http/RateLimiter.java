package dev.dxcp.server.http;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.server.identity.Caller;

import java.util.Optional;

/**
 * Per-actor request limits in fixed 60-second windows (governance §7), counted where {@link RateWindows}
 * keeps them: in PostgreSQL when instances share one, so a limit of 60 a minute is 60 in total however
 * many instances answer (docs/DECISIONS.md §8). The limits themselves are read from the settings on every
 * call (held in memory, following admin changes: decision 150), so admin changes apply at once.
 */
public class RateLimiter {
    public enum Kind { READ, MUTATE }

    private final Questions questions;
    private final RateWindows windows;

    public RateLimiter(Questions questions, RateWindows windows) {
        this.questions = questions;
        this.windows = windows;
    }

    public void check(Caller caller, Kind kind) {
        charge(caller.actorId(), kind, null).ifPresent(limited -> {
            throw limited;
        });
    }

    /** The admission pipeline's mutate charge: a request re-run after a conflict is not charged twice. */
    public Optional<Rejection> chargeMutation(String actorId, String admissionId) {
        return charge(actorId, Kind.MUTATE, admissionId);
    }

    private Optional<Rejection> charge(String actorId, Kind kind, String admissionId) {
        RateLimits limits = questions.settings().rateLimits().value();
        int limit = kind == Kind.READ ? limits.readRpm() : limits.mutateRpm();
        long minute = System.currentTimeMillis() / 60_000;
        if (windows.charge(actorId + "|" + kind, minute, admissionId) > limit) {
            return Optional.of(new Rejection(ErrorCode.RATE_LIMITED,
                    "Too many requests: retry shortly, or ask a platform admin to raise the limit"));
        }
        return Optional.empty();
    }
}
