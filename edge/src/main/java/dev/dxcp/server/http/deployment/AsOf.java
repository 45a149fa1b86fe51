package dev.dxcp.server.http.deployment;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The optional {@code asOf} query parameter of the read endpoints (docs/TIME_TRAVEL.md). A moment in
 * the past asks for the answer as DXCP knew it then; absent, blank or not in the past yet means "now",
 * which the live read model answers. Anything present that is not an ISO-8601 date-time is refused.
 */
final class AsOf {
    private AsOf() {
    }

    /** The past moment asked about, or empty for "now". */
    static Optional<Instant> past(String raw, Clock clock) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Instant moment = Timestamps.parse(raw).orElseThrow(() -> new Rejection(ErrorCode.INVALID_REQUEST,
                "asOf must be an ISO-8601 date-time, e.g. 2026-03-01T10:15:30Z"));
        return moment.isAfter(clock.instant()) ? Optional.empty() : Optional.of(moment);
    }
}
