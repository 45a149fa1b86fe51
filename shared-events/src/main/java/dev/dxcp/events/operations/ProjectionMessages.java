package dev.dxcp.events.operations;

import java.time.Instant;

/**
 * Operator actions on read models. They change no domain state, but they are recorded like every
 * other admin action: the event carries the admin's audit metadata (who, role, request).
 */
public final class ProjectionMessages {
    private ProjectionMessages() {
    }

    /** An admin asked to rebuild a projection from the event store into its other table generation. */
    public record ProjectionRebuildRequested(String projection, int activeGeneration, int targetGeneration,
                                             long eventStoreHead, Instant requestedAt) {
    }

    /** The rebuilt generation caught up with the event store and now answers every read. */
    public record ProjectionRebuildCompleted(String projection, int activeGeneration, long handoverIndex,
                                             long durationMillis, Instant completedAt) {
    }
}
