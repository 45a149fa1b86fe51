package dev.dxcp.query.operations;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Holds a successful write's answer until every projection has processed the events it appended,
 * so a client that got 201 reads its own write from any read endpoint at once. Bounded: after the
 * timeout the answer goes out anyway (logged), because the write itself has already committed.
 *
 * <p>The wait sleeps on {@link ProjectionProgressSignal}, which this instance's processors raise when they
 * have committed a batch, so the answer leaves as soon as the last projection has the events. A processor
 * whose segments another instance holds raises nothing here: its progress is read from the token store
 * every {@code remotePoll} (decision 155).</p>
 */
public class ReadYourWrites {
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Supplier<Map<String, EventProcessor>> processors;
    private final StoredTokens storedTokens;
    private final ProjectionProgressSignal progress;
    private final Duration timeout;
    private final Duration remotePoll;
    private final Set<String> readModels;

    public ReadYourWrites(NamedParameterJdbcTemplate jdbc, Supplier<Map<String, EventProcessor>> processors,
                          StoredTokens storedTokens, ProjectionProgressSignal progress, Duration timeout,
                          Duration remotePoll, Set<String> readModels) {
        this.jdbc = jdbc;
        this.processors = processors;
        this.storedTokens = storedTokens;
        this.progress = progress;
        this.timeout = timeout;
        this.remotePoll = remotePoll;
        this.readModels = readModels;
    }

    public void await(List<String> eventIdentifiers, String requestId) {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        List<Long> positions = jdbc.queryForList(
                "SELECT globalindex FROM domainevententry WHERE eventidentifier IN (:ids)",
                Map.of("ids", eventIdentifiers), Long.class);
        awaitPositions(positions, requestId);
    }

    /** Waits until every running projection has handled these global positions, or the timeout passes. */
    public void awaitPositions(List<Long> positions, String requestId) {
        if (positions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long seen = progress.generation();
                Progress state = progressOf(positions);
                if (state == Progress.CAUGHT_UP) {
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("event=read_your_writes_timeout request_id={} positions={}", requestId, positions);
                    return;
                }
                // A local processor behind: its commit wakes us. Another instance's: look again after remotePoll.
                long sleep = state == Progress.BEHIND_ELSEWHERE ? Math.min(left, remotePoll.toNanos()) : left;
                progress.awaitAdvanceAfter(seen, sleep);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private enum Progress { CAUGHT_UP, BEHIND_HERE, BEHIND_ELSEWHERE }

    private Progress progressOf(List<Long> positions) {
        Progress result = Progress.CAUGHT_UP;
        for (var entry : processors.get().entrySet()) {
            // Only read models: processes (sagas, the rollback trigger, the outbox) are no answer's concern,
            // and waiting on a saga could even wait on the caller itself.
            if (!readModels.contains(entry.getKey())
                    || !(entry.getValue() instanceof StreamingEventProcessor processor)
                    || !processor.isRunning()) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                // Segments claimed by another instance: their progress is only visible in the token store.
                if (!storedTokens.of(entry.getKey()).stream().allMatch(token -> covers(token, positions))) {
                    return Progress.BEHIND_ELSEWHERE;
                }
            } else if (!locallyCaughtUp(status, positions)) {
                result = Progress.BEHIND_HERE;
            }
        }
        return result;
    }

    private static boolean locallyCaughtUp(Map<Integer, EventTrackerStatus> status, List<Long> positions) {
        for (EventTrackerStatus segment : status.values()) {
            // A failing projection reports its failure elsewhere; it must not hold every write hostage.
            if (!segment.isErrorState() && !covers(segment.getTrackingToken(), positions)) {
                return false;
            }
        }
        return true;
    }

    /** True when the token has handled every position (gap-aware: a skipped, uncommitted slot is not handled). */
    static boolean covers(TrackingToken token, List<Long> positions) {
        if (token == null) {
            return false;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        for (long position : positions) {
            if (lower instanceof GapAwareTrackingToken gapAware) {
                if (gapAware.getIndex() < position || gapAware.getGaps().contains(position)) {
                    return false;
                }
            } else if (lower.position().orElse(-1) < position) {
                return false;
            }
        }
        return true;
    }
}
