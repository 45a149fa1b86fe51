package dev.dxcp.command.common;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The current state of one singleton aggregate (settings, delivery configuration), held in memory and
 * read without touching the event store. It catches up — one indexed query for the events newer than
 * those folded, then the aggregate's own fold — in three cases:
 * <ul>
 *   <li>after this instance commits an event of the aggregate: the catch-up runs in the unit of work's
 *       after-commit phase, before the command's answer is sent, so an admin write answers only once its
 *       own instance applies it;</li>
 *   <li>when asked by {@link FollowedStreams}, on a short period, for the events other instances appended;</li>
 *   <li>on first use.</li>
 * </ul>
 * Decision 150.
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
        this.folded = new Folded<>(initial, -1, false);
        eventStore.subscribe(this::published);
    }

    /** The state as last caught up; the first call reads the aggregate's events. */
    public S current() {
        Folded<S> now = folded;
        return now.loaded() ? now.state() : catchUp();
    }

    /** Folds the events stored after the last one folded, and returns the resulting state. */
    public S catchUp() {
        Folded<S> start = folded;
        S state = start.state();
        long sequence = start.sequence();
        DomainEventStream newer = eventStore.readEvents(aggregateId, sequence + 1);
        while (newer.hasNext()) {
            var event = newer.next();
            state = fold.apply(state, event.getPayload());
            sequence = event.getSequenceNumber();
        }
        return remember(new Folded<>(state, sequence, true)).state();
    }

    /**
     * Called by the event bus for every batch this instance publishes, before its transaction commits: the
     * catch-up waits for the commit, so a rolled-back change is never applied.
     */
    private void published(List<? extends EventMessage<?>> events) {
        if (events.stream().noneMatch(this::ofThisAggregate)) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> catchUp());
        } else {
            catchUp();
        }
    }

    private boolean ofThisAggregate(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain && aggregateId.equals(domain.getAggregateIdentifier());
    }

    /** Keeps the most advanced fold when two threads catch up concurrently. */
    private synchronized Folded<S> remember(Folded<S> candidate) {
        if (!folded.loaded() || candidate.sequence() > folded.sequence()) {
            folded = candidate;
        }
        return folded;
    }

    private record Folded<S>(S state, long sequence, boolean loaded) {
    }
}
