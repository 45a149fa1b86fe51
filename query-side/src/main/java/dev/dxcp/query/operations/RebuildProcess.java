package dev.dxcp.query.operations;

import dev.dxcp.query.common.EventNamingErrorHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One rebuild: clear the inactive generation, replay the whole event store into it with a temporary
 * tracking processor running the projection's own handlers, switch when caught up, then clear the old
 * generation. Reads keep answering from the active generation the whole time.
 */
class RebuildProcess implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RebuildProcess.class);
    /** Same batch as the live processors: one transaction and one JDBC batch per hundred events. */
    static final int BATCH_SIZE = 100;

    private final RebuildableProjection projection;
    private final RebuildRun run;
    private final RebuildInfrastructure axon;
    private final JdbcTemplate jdbc;
    private final GenerationSwitch generationSwitch;
    private final EventStoreHead head;
    private final Clock clock;
    private final RebuildClaims claims;
    private final Consumer<RebuildRun> onCompleted;

    RebuildProcess(RebuildableProjection projection, RebuildRun run, RebuildInfrastructure axon, JdbcTemplate jdbc,
                   GenerationSwitch generationSwitch, EventStoreHead head, Clock clock, RebuildClaims claims,
                   Consumer<RebuildRun> onCompleted) {
        this.projection = projection;
        this.run = run;
        this.axon = axon;
        this.jdbc = jdbc;
        this.generationSwitch = generationSwitch;
        this.head = head;
        this.clock = clock;
        this.claims = claims;
        this.onCompleted = onCompleted;
    }

    @Override
    public void run() {
        Generation target = new Generation(run.targetGeneration());
        TrackingEventProcessor processor = null;
        try {
            clear(target);
            jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", projection.rebuildProcessorName());
            processor = started(target);
            while (true) {
                Thread.sleep(100);
                observe(processor);
                if (!caughtUp(processor)) {
                    continue;
                }
                run.switching();
                Optional<Handover> handover = trySwitch(target, processor);
                if (handover.isPresent()) {
                    finish(new Generation(run.fromGeneration()), handover.get());
                    return;
                }
                run.rebuilding();
                if (!processor.isRunning()) {
                    processor = started(target);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(processor, e);
        } catch (RuntimeException e) {
            fail(processor, e);
        }
    }

    /** A switch that fails (a lock timeout, a deadlock victim) changed nothing: the rebuild runs on and retries. */
    private Optional<Handover> trySwitch(Generation target, TrackingEventProcessor processor) {
        try {
            return generationSwitch.trySwitch(projection, target, processor);
        } catch (RuntimeException e) {
            log.warn("event=projection_switch_retry projection={} reason=\"{}\"", projection.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private TrackingEventProcessor started(Generation target) {
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(projection.rebuildProcessorName())
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(projection.handlers().apply(GenerationTarget.fixed(target)))
                        .listenerInvocationErrorHandler(new EventNamingErrorHandler())
                        .build())
                .messageSource(axon.eventStore())
                .tokenStore(axon.tokenStore())
                .transactionManager(axon.transactionManager())
                .errorHandler(PropagatingErrorHandler.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(BATCH_SIZE))
                .build();
        processor.start();
        return processor;
    }

    private void observe(TrackingEventProcessor processor) {
        processor.processingStatus().values().stream().findFirst().ifPresent(status -> run.progressed(
                Coverage.position(status.getTrackingToken()),
                status.isErrorState() ? ProcessorFailures.of(status.getError()) : null));
    }

    private boolean caughtUp(TrackingEventProcessor processor) {
        EventTrackerStatus status = processor.processingStatus().values().stream().findFirst().orElse(null);
        return status != null && !status.isErrorState()
                && Coverage.position(status.getTrackingToken()) >= head.current();
    }

    private void finish(Generation old, Handover handover) {
        clear(old);
        jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", projection.rebuildProcessorName());
        run.completed(handover.index(), clock.instant());
        claims.release(projection.name());
        log.info("event=projection_rebuilt projection={} generation={} handover_index={} events_per_second={}",
                projection.name(), run.targetGeneration(), handover.index(), Math.round(run.eventsPerSecond()));
        onCompleted.accept(run);
    }

    private void clear(Generation generation) {
        for (String table : projection.tables()) {
            jdbc.execute("TRUNCATE TABLE " + generation.table(table));
        }
    }

    private void fail(TrackingEventProcessor processor, Exception e) {
        log.error("event=projection_rebuild_failed projection={}", projection.name(), e);
        if (processor != null && processor.isRunning()) {
            processor.shutDown();
        }
        run.failed(ProcessorFailures.of(e), clock.instant());
        claims.release(projection.name());
    }
}
