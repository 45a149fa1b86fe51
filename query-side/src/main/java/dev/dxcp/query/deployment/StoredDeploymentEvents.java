package dev.dxcp.query.deployment;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Optional;

/**
 * One deployment's record as of a moment, folded straight from its aggregate stream in the event store.
 * Read from sequence 0, never from a snapshot: a snapshot holds the aggregate's state at its own time,
 * which may be later than the moment asked about. The stream is read in order and stops at the first
 * event stamped after the moment, so a stream is never folded with a gap in it.
 */
public class StoredDeploymentEvents {
    private final EventStore eventStore;

    public StoredDeploymentEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<FoldedDeployment> asOf(String deploymentId, Instant asOf) {
        DeploymentFold fold = new DeploymentFold();
        DomainEventStream stream = eventStore.readEvents(deploymentId, 0);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            Instant at = EventTime.of(payload);
            if (at != null && at.isAfter(asOf)) {
                break;
            }
            fold.apply(payload);
        }
        return fold.folded(deploymentId);
    }
}
