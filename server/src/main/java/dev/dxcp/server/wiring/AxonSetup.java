package dev.dxcp.server.wiring;

import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.query.common.EventNamingErrorHandler;
import dev.dxcp.query.operations.ProjectionProgressSignal;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Axon settings that differ from the framework defaults, each for a reason given below. */
@Configuration
public class AxonSetup {
    /** Tracking processors read this many events per transaction; replays are several times faster than with 1. */
    static final int PROCESSOR_BATCH_SIZE = 100;
    /** Twenty batches: processors at the head read new events from memory. */
    static final int TAIL_CACHE_EVENTS = 2_000;

    /**
     * Axon's JDBC default only recognizes SQLIntegrityConstraintViolationException, which the PostgreSQL
     * driver never throws. Without this, two writers racing on one aggregate would surface as a store
     * failure instead of a retryable concurrency conflict.
     */
    @Bean
    public PersistenceExceptionResolver uniqueViolationResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Axon's default snapshotter stores the snapshot in the committing request's thread, after commit but
     * still holding the aggregate's lock, on a connection of its own. Here snapshots are taken on one
     * background thread instead: a burst of requests on one aggregate never waits for it, and the lock is
     * never held while asking the pool for a connection. A snapshot is only a shortcut for loading, so
     * when the queue is full one is dropped; the next trigger takes it.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore, TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory,
                                                           @Qualifier("snapshotExecutor") Executor snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean("snapshotExecutor")
    public ThreadPoolTaskExecutor snapshotExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("dxcp-snapshot-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(1_000);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(5);
        return executor;
    }

    /** Long-lived aggregates (quotas, lanes, settings) load from a snapshot plus at most this many events. */
    @Bean("dxcpSnapshotTrigger")
    public SnapshotTriggerDefinition dxcpSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    /**
     * The JDBC storage engine exactly as Axon's auto-configuration builds it, which it stops doing once
     * DXCP declares the event store below.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /**
     * Axon's event store keeps the newest 10,000 events in memory for the tracking processors that follow
     * the head of the store: a large share of the server's live heap (decision 181). DXCP's processors follow
     * within one batch of the head; one further behind (a rebuild, a processor taking over from a dead
     * instance) reads from the database as it would anyway.
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(TAIL_CACHE_EVENTS)
                .build();
    }

    /** Raised by this instance's processors after each committed batch (read-your-writes wakes on it). */
    @Bean
    public ProjectionProgressSignal projectionProgressSignal() {
        return new ProjectionProgressSignal();
    }

    /** Who, in which role, under which request: copied from every command to the events it causes. */
    @Bean
    public CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(MetaKeys.PROPAGATED.toArray(String[]::new));
    }

    @Bean
    public CorrelationDataProvider originMetadataProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Tracking processors, one thread each, batches of 100. Not the pooled streaming kind: the embedded
     * event store offers it no "events available" callback, so an idle pooled processor polls every
     * 500 ms, while a tracking processor is woken the moment an event is committed on this node.
     * A handler failure propagates: the processor stops at that event and retries it with back-off
     * (its status reports the error, naming the event), instead of Axon's default of logging and
     * skipping the event. A processor without its segment (another instance holds it) tries to claim it
     * every second, so a dead instance's projections move within about a second of its claim expiring.
     * Every processor raises the progress signal when its position moves, which is what a write waiting
     * to read itself sleeps on.
     */
    @Bean
    public ConfigurerModule trackingProcessors(ProjectionProgressSignal progress) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(PROCESSOR_BATCH_SIZE)
                        .andTokenClaimInterval(1, TimeUnit.SECONDS)
                        .andEventTrackerStatusChangeListener(progress))
                .registerDefaultListenerInvocationErrorHandler(config -> new EventNamingErrorHandler());
    }
}
