package dev.dxcp.server.wiring;

import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.query.common.EventNamingErrorHandler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

/** Axon settings that differ from the framework defaults, each for a reason given below. */
@Configuration
public class AxonSetup {
    /** Tracking processors read this many events per transaction; replays are several times faster than with 1. */
    static final int PROCESSOR_BATCH_SIZE = 100;

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
     * skipping the event.
     */
    @Bean
    public ConfigurerModule trackingProcessors() {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(PROCESSOR_BATCH_SIZE))
                .registerDefaultListenerInvocationErrorHandler(config -> new EventNamingErrorHandler());
    }
}
