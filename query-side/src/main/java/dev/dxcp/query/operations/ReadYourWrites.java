package dev.dxcp.query.operations;

import org.axonframework.config.EventProcessingConfiguration;
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
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a successful write's answer until every projection has processed the events it appended,
 * so a client that got 201 reads its own write from any read endpoint at once. Bounded: after the
 * timeout the answer goes out anyway (logged), because the write itself has already committed.
 */
public class ReadYourWrites {
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final Duration timeout;
    private final Set<String> excluded;

    public ReadYourWrites(NamedParameterJdbcTemplate jdbc, EventProcessingConfiguration processing,
                          StoredTokens storedTokens, Duration timeout, Set<String> excludedProcessors) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.timeout = timeout;
        this.excluded = excludedProcessors;
    }

    public void await(List<String> eventIdentifiers, String requestId) {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        List<Long> positions = jdbc.queryForList(
                "SELECT globalindex FROM domainevententry WHERE eventidentifier IN (:ids)",
                Map.of("ids", eventIdentifiers), Long.class);
        if (positions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseNanos = 200_000;
        while (!allCaughtUp(positions)) {
            if (System.nanoTime() > deadline) {
                log.warn("event=read_your_writes_timeout request_id={} positions={}", requestId, positions);
                return;
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, 5_000_000);
        }
    }

    private boolean allCaughtUp(List<Long> positions) {
        for (var entry : processing.eventProcessors().entrySet()) {
            // Sagas are processes, not read models: waiting on them could even wait on the caller itself.
            if (excluded.contains(entry.getKey()) || entry.getKey().endsWith("SagaProcessor")
                    || !(entry.getValue() instanceof StreamingEventProcessor processor)
                    || !processor.isRunning()) {
                continue;
            }
            if (!caughtUp(processor, entry.getKey(), positions)) {
                return false;
            }
        }
        return true;
    }

    private boolean caughtUp(StreamingEventProcessor processor, String name, List<Long> positions) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            // Segments claimed by another instance: their progress is only visible in the token store.
            return storedTokens.of(name).stream().allMatch(token -> covers(token, positions));
        }
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
