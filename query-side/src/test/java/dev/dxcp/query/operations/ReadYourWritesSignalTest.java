package dev.dxcp.query.operations;

import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes wakes on the projection's commit signal (decision 155). The waiter's timeout and its
 * poll of other instances' tokens are a minute here, so an answer within seconds can only come from the
 * signal the processor raises after committing the write's event.
 */
class ReadYourWritesSignalTest {
    private static final Duration LONG = Duration.ofMinutes(1);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final ProjectionProgressSignal progress = new ProjectionProgressSignal();
    private final CountDownLatch projectionMayProceed = new CountDownLatch(1);
    private final TrackingEventProcessor projection = TrackingEventProcessor.builder()
            .name("builds")
            .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                    .eventHandlers((EventMessageHandler) event -> {
                        projectionMayProceed.await();
                        return null;
                    }).build())
            .messageSource(store)
            .tokenStore(new InMemoryTokenStore())
            .transactionManager(NoTransactionManager.INSTANCE)
            .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                    .andEventTrackerStatusChangeListener(progress))
            .build();
    private final ReadYourWrites readYourWrites = new ReadYourWrites(null, () -> Map.of("builds", projection),
            null, progress, LONG, LONG, Set.of("builds"));

    @AfterEach
    void stop() {
        projectionMayProceed.countDown();
        projection.shutDown();
        store.shutDown();
    }

    @Test
    void aWriterWaitingForItsEventIsReleasedByTheProjectionsCommitNotByAPoll() throws Exception {
        projection.start();
        awaitClaimed();
        store.publish(GenericEventMessage.asEventMessage("build registered"));

        CompletableFuture<Void> answer = CompletableFuture.runAsync(
                () -> readYourWrites.awaitPositions(List.of(0L), "req-signal"));
        Thread.sleep(300);
        assertThat(answer).as("the projection has not processed the event yet").isNotDone();

        projectionMayProceed.countDown();
        answer.get(10, TimeUnit.SECONDS);
        assertThat(projection.processingStatus().get(0).getCurrentPosition()).hasValue(0L);
    }

    @Test
    void aWriterWhoseEventsTheProjectionHasAlreadyProcessedIsAnsweredAtOnce() throws Exception {
        projectionMayProceed.countDown();
        projection.start();
        awaitClaimed();
        store.publish(GenericEventMessage.asEventMessage("build registered"));
        while (projection.processingStatus().get(0).getCurrentPosition().orElse(-1) < 0) {
            Thread.sleep(5);
        }

        CompletableFuture.runAsync(() -> readYourWrites.awaitPositions(List.of(0L), "req-done"))
                .get(10, TimeUnit.SECONDS);
    }

    private void awaitClaimed() throws InterruptedException {
        for (int i = 0; i < 1000 && projection.processingStatus().isEmpty(); i++) {
            Thread.sleep(5);
        }
        assertThat(projection.processingStatus()).as("the processor claimed its segment").isNotEmpty();
    }
}
