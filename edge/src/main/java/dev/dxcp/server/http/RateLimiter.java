package dev.dxcp.server.http;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.settings.RateLimits;
import dev.dxcp.server.identity.Caller;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-actor request limits in fixed 60-second windows (governance §7). Counted in this process: with
 * several instances an actor can reach the limit once per instance (docs/DECISIONS.md). The limits
 * themselves are read from the shared settings on every call, so admin changes apply at once.
 */
public class RateLimiter {
    public enum Kind { READ, MUTATE }

    private final Questions questions;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(Questions questions) {
        this.questions = questions;
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
        Window window = windows.compute(actorId + "|" + kind,
                (key, current) -> current == null || current.minute != minute ? new Window(minute) : current);
        if (admissionId != null && !window.requests.add(admissionId)) {
            return Optional.empty();
        }
        if (window.count.incrementAndGet() > limit) {
            return Optional.of(new Rejection(ErrorCode.RATE_LIMITED,
                    "Too many requests: retry shortly, or ask a platform admin to raise the limit"));
        }
        if (windows.size() > 100_000) {
            windows.values().removeIf(stale -> stale.minute != minute);
        }
        return Optional.empty();
    }

    private static final class Window {
        final long minute;
        final AtomicInteger count = new AtomicInteger();
        final java.util.Set<String> requests = ConcurrentHashMap.newKeySet();

        Window(long minute) {
            this.minute = minute;
        }
    }
}
