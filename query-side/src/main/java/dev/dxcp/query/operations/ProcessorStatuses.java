package dev.dxcp.query.operations;

import dev.dxcp.events.operations.ProjectionMessages.FindProcessor;
import dev.dxcp.events.operations.ProjectionMessages.ListProcessors;
import dev.dxcp.events.operations.ProjectionMessages.ProcessorFailure;
import dev.dxcp.events.operations.ProjectionMessages.RebuildStatus;
import dev.dxcp.events.operations.ProjectionMessages.ProcessorOverview;
import dev.dxcp.events.operations.ProjectionMessages.ProcessorStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every tracking processor with its position, the event store head, lag and state. Position is the
 * lowest segment's (what every segment has passed); segments running elsewhere are read from the
 * token table. A failed segment names the event it stopped on.
 */
public class ProcessorStatuses {
    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final EventStoreHead eventStoreHead;
    private final ProjectionCatalog catalog;
    private final ProjectionRebuilder rebuilder;

    public ProcessorStatuses(EventProcessingConfiguration processing, StoredTokens storedTokens,
                             EventStoreHead eventStoreHead, ProjectionCatalog catalog, ProjectionRebuilder rebuilder) {
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.eventStoreHead = eventStoreHead;
        this.catalog = catalog;
        this.rebuilder = rebuilder;
    }

    public long head() {
        return eventStoreHead.current();
    }

    @QueryHandler
    public ProcessorOverview handle(ListProcessors query) {
        long head = head();
        return new ProcessorOverview(head, all(head));
    }

    @QueryHandler
    public Optional<ProcessorStatus> handle(FindProcessor query) {
        return find(query.name());
    }

    public List<ProcessorStatus> all() {
        return all(head());
    }

    private List<ProcessorStatus> all(long head) {
        List<ProcessorStatus> views = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor) {
                views.add(view(entry.getKey(), processor, head));
            }
        }
        return views;
    }

    public Optional<ProcessorStatus> find(String name) {
        return all().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    private ProcessorStatus view(String name, StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = segments.isEmpty() ? storedPosition(name) : segments.stream()
                .map(EventTrackerStatus::getTrackingToken).mapToLong(Coverage::position).min().orElse(-1);
        ProcessorFailure failure = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> ProcessorFailures.of(s.getError())).findFirst().orElse(null);
        // A read model is what the catalogue can rebuild; every other processor (sagas, the automatic
        // rollback trigger, the notification outbox) is a process: its effects are not derived state.
        boolean rebuildable = catalog.find(name).isPresent();
        boolean saga = !rebuildable;
        RebuildStatus rebuild = rebuilder.status(name).orElse(null);
        String state;
        if (failure != null) {
            state = "failed";
        } else if (rebuild != null && List.of("rebuilding", "switching").contains(rebuild.status())) {
            state = "rebuilding";
        } else if (!processor.isRunning()) {
            state = "stopped";
        } else {
            state = "live";
        }
        return new ProcessorStatus(name, saga ? "saga" : "projection", position, head, Math.max(0, head - position),
                state, rebuildable, rebuildable ? rebuilder.activeGeneration(name).number() : null, failure,
                rebuild);
    }

    private long storedPosition(String name) {
        List<TrackingToken> tokens = storedTokens.of(name);
        return tokens.stream().filter(Objects::nonNull).mapToLong(Coverage::position).min().orElse(-1);
    }
}
