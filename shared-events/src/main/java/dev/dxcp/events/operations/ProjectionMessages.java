package dev.dxcp.events.operations;

import java.time.Instant;
import java.util.List;

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

    /** Every tracking processor with its position, the event store head, lag and state: a {@link ProcessorOverview}. */
    public record ListProcessors() {
    }

    /** One processor by name; answered with an optional {@link ProcessorStatus}. */
    public record FindProcessor(String name) {
    }

    public record ProcessorOverview(long eventStoreHead, List<ProcessorStatus> processors) {
    }

    /**
     * One tracking processor as an operator sees it.
     *
     * @param kind             {@code projection} (a read model) or {@code saga} (a process, not rebuildable)
     * @param state            {@code live}, {@code rebuilding}, {@code failed} or {@code stopped}
     * @param activeGeneration the table generation readers use; null for processors without generations
     * @param rebuild          the latest rebuild started on this instance, if any
     */
    public record ProcessorStatus(String name, String kind, long position, long head, long lag, String state,
                                  boolean rebuildable, Integer activeGeneration, ProcessorFailure failure,
                                  RebuildStatus rebuild) {
    }

    /** The event a processor stopped at (null fields when the failure names no event) and the error's words. */
    public record ProcessorFailure(Long globalIndex, String eventIdentifier, String payloadType, String message) {
    }

    /** Where one rebuild stands: status rebuilding, switching, completed or failed. */
    public record RebuildStatus(String projection, String status, int fromGeneration, int targetGeneration,
                                Instant startedAt, Instant completedAt, long headAtStart, long position,
                                double progress, double eventsPerSecond, ProcessorFailure failure) {
    }

    /** Rebuild one projection (NOT_FOUND, REBUILD_IN_PROGRESS); answered with its {@link RebuildStatus}. */
    public record RebuildProjection(String name) {
    }

    /** Rebuild every rebuildable projection not already rebuilding; answered with a list of {@link RebuildStatus}. */
    public record RebuildAllProjections() {
    }
}
