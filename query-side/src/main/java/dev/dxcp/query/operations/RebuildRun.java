package dev.dxcp.query.operations;

import dev.dxcp.events.operations.ProjectionMessages.ProcessorFailure;
import dev.dxcp.events.operations.ProjectionMessages.RebuildStatus;

import java.time.Duration;
import java.time.Instant;

/** What one rebuild has done so far; read by the projections list while the rebuild runs. */
public final class RebuildRun {
    public enum Status { REBUILDING, SWITCHING, COMPLETED, FAILED }

    private final String projection;
    private final int fromGeneration;
    private final int targetGeneration;
    private final Instant startedAt;
    private final long headAtStart;
    private volatile Status status = Status.REBUILDING;
    private volatile long position = -1;
    private volatile ProcessorFailure failure;
    private volatile Instant completedAt;
    private volatile long handoverIndex = -1;

    RebuildRun(String projection, int fromGeneration, int targetGeneration, Instant startedAt, long headAtStart) {
        this.projection = projection;
        this.fromGeneration = fromGeneration;
        this.targetGeneration = targetGeneration;
        this.startedAt = startedAt;
        this.headAtStart = headAtStart;
    }

    void progressed(long newPosition, ProcessorFailure currentFailure) {
        position = newPosition;
        failure = currentFailure;
    }

    void switching() {
        status = Status.SWITCHING;
    }

    void rebuilding() {
        status = Status.REBUILDING;
    }

    void completed(long handover, Instant at) {
        handoverIndex = handover;
        position = Math.max(position, handover);
        failure = null;
        completedAt = at;
        status = Status.COMPLETED;
    }

    void failed(ProcessorFailure why, Instant at) {
        failure = why;
        completedAt = at;
        status = Status.FAILED;
    }

    public boolean finished() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }

    /** Share of the events that existed when the rebuild started that it has replayed, 0..1. */
    public double progress() {
        if (status == Status.COMPLETED || headAtStart <= 0) {
            return status == Status.COMPLETED || position >= headAtStart ? 1.0 : 0.0;
        }
        return Math.min(1.0, Math.max(0, position + 1) / (double) (headAtStart + 1));
    }

    /** Global indexes replayed per second so far (the event store's index, a close proxy for events). */
    public double eventsPerSecond() {
        Instant end = completedAt != null ? completedAt : Instant.now();
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toNanos() / 1e9);
        return Math.max(0, position + 1) / seconds;
    }

    /** Where the rebuild stands now, as an operator reads it; progress to 4 decimals, rate in whole events. */
    public RebuildStatus snapshot() {
        return new RebuildStatus(projection, status.name().toLowerCase(), fromGeneration, targetGeneration, startedAt,
                completedAt, headAtStart, position, Math.round(progress() * 10_000) / 10_000.0,
                Math.round(eventsPerSecond()), failure);
    }

    public String projection() {
        return projection;
    }

    public int fromGeneration() {
        return fromGeneration;
    }

    public int targetGeneration() {
        return targetGeneration;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long headAtStart() {
        return headAtStart;
    }

    public Status status() {
        return status;
    }

    public long position() {
        return position;
    }

    public ProcessorFailure failure() {
        return failure;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public long handoverIndex() {
        return handoverIndex;
    }
}
