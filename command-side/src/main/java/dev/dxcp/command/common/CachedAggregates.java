package dev.dxcp.command.common;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Keeps the aggregate caches ({@link RecentAggregates}) from answering reads with what another instance has
 * since changed (decision 157). One daemon thread follows the event store from its head, as a tracking
 * processor would (gap-aware, so an append that commits late is still seen), and removes from every cache
 * each aggregate that received an event this instance did not append. This instance's own appends are
 * recognised by their event identifiers, noted when they are published, so a busy aggregate stays cached.
 * Writes never depend on this: a stale entry loses on the event store's unique key.
 */
public final class CachedAggregates implements MessageDispatchInterceptor<EventMessage<?>>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CachedAggregates.class);
    /** Own event identifiers not yet seen on the stream; bounded, because a rolled-back append never shows. */
    private static final int OWN_APPENDS_KEPT = 65_536;

    private final List<RecentAggregates> caches;
    private final Set<String> ownAppends = new LinkedHashSet<>();
    private final EventStore eventStore;
    private final Thread follower;
    private volatile boolean running = true;

    public CachedAggregates(EventStore eventStore, List<RecentAggregates> caches) {
        this.eventStore = eventStore;
        this.caches = caches;
        eventStore.registerDispatchInterceptor(this);
        this.follower = new Thread(this::follow, "dxcp-aggregate-cache-follower");
        follower.setDaemon(true);
        follower.start();
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        synchronized (ownAppends) {
            for (EventMessage<?> message : messages) {
                ownAppends.add(message.getIdentifier());
            }
            var oldest = ownAppends.iterator();
            while (ownAppends.size() > OWN_APPENDS_KEPT && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        return (index, message) -> message;
    }

    private void follow() {
        TrackingToken from = null;
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream =
                         eventStore.openStream(from == null ? eventStore.createHeadToken() : from)) {
                while (running) {
                    if (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                        TrackedEventMessage<?> event = stream.nextAvailable();
                        seen(event);
                        from = event.trackingToken();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A database outage: drop every cached aggregate, since changes may pass unseen; retry in 1 s.
                caches.forEach(RecentAggregates::removeAll);
                if (running) {
                    log.warn("event=aggregate_cache_follow_failing reason=\"{}\"", e.getMessage());
                    sleepOneSecond();
                }
            }
        }
    }

    private void seen(TrackedEventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            return;
        }
        boolean own;
        synchronized (ownAppends) {
            own = ownAppends.remove(domain.getIdentifier());
        }
        if (!own) {
            caches.forEach(cache -> cache.changedElsewhere(domain.getAggregateIdentifier()));
        }
    }

    private void sleepOneSecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        follower.interrupt();
    }
}
