package dev.dxcp.command.common;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.function.BiFunction;

/**
 * The current state of one singleton aggregate, read from the event store on every call: one indexed
 * query for events newer than those already folded, then the aggregate's own fold. Used where a change
 * must apply at once on every server instance (settings, delivery configuration).
 */
public class AggregateStreamView<S> {
    private final EventStore eventStore;
    private final String aggregateId;
    private final BiFunction<S, Object, S> fold;
    private volatile Folded<S> folded;

    public AggregateStreamView(EventStore eventStore, String aggregateId, S initial, BiFunction<S, Object, S> fold) {
        this.eventStore = eventStore;
        this.aggregateId = aggregateId;
        this.fold = fold;
        this.folded = new Folded<>(initial, -1);
    }

    public S current() {
        Folded<S> start = folded;
        S state = start.state();
        long sequence = start.sequence();
        DomainEventStream newer = eventStore.readEvents(aggregateId, sequence + 1);
        while (newer.hasNext()) {
            var event = newer.next();
            state = fold.apply(state, event.getPayload());
            sequence = event.getSequenceNumber();
        }
        if (sequence > start.sequence()) {
            remember(new Folded<>(state, sequence));
        }
        return state;
    }

    /** Keeps the most advanced fold when two requests catch up concurrently. */
    private synchronized void remember(Folded<S> candidate) {
        if (candidate.sequence() > folded.sequence()) {
            folded = candidate;
        }
    }

    private record Folded<S>(S state, long sequence) {
    }
}
