package dev.dxcp.server.wiring;

import dev.dxcp.query.operations.ProcessorStatuses;
import dev.dxcp.server.metrics.CommandMetrics;
import dev.dxcp.server.observability.DenialMetrics;
import dev.dxcp.server.metrics.EventAppendMetrics;
import dev.dxcp.server.metrics.OperationalGauges;
import dev.dxcp.server.observability.RequestLogContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Metrics for Prometheus (/actuator/prometheus) and the request id in every log line. Small Axon
 * interceptors instead of Axon's Micrometer module: it is not on the classpath, and these give exactly
 * the series operators need, with bounded tags and nothing on the replay path.
 */
@Configuration
public class ObservabilityWiring {

    @Bean
    public DenialMetrics denialMetrics(MeterRegistry registry) {
        return new DenialMetrics(registry);
    }

    /** Command rate, latency and outcome; the command's request id in the logging context while it runs. */
    @Bean
    public CommandMetrics commandMetrics(CommandBus commandBus, MeterRegistry registry) {
        CommandMetrics metrics = new CommandMetrics(registry);
        commandBus.registerHandlerInterceptor(new RequestLogContext<CommandMessage<?>>());
        commandBus.registerHandlerInterceptor(metrics);
        return metrics;
    }

    @Bean
    public EventAppendMetrics eventAppendMetrics(EventStore eventStore, MeterRegistry registry) {
        EventAppendMetrics metrics = new EventAppendMetrics(registry);
        eventStore.registerDispatchInterceptor(metrics);
        return metrics;
    }

    /** Projections and the saga log under the request id of the event they handle. */
    @Bean
    public ConfigurerModule eventLogContext() {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (config, name) -> new RequestLogContext<EventMessage<?>>());
    }

    /** The saga's persistent steps (and the engine calls they make) log under the originating request id. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> deadlineLogContext(ObjectProvider<DeadlineManager> deadlines) {
        return ready -> deadlines.ifAvailable(manager ->
                manager.registerHandlerInterceptor(new RequestLogContext<DeadlineMessage<?>>()));
    }

    @Bean
    public OperationalGauges operationalGauges(ProcessorStatuses statuses, JdbcTemplate jdbc) {
        return new OperationalGauges(statuses, jdbc);
    }

    /** Processors are known once Axon has started; their gauges are registered then. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> processorGauges(OperationalGauges gauges, MeterRegistry registry,
                                                                     EventProcessingConfiguration processing) {
        return ready -> gauges.register(registry, List.copyOf(processing.eventProcessors().keySet()));
    }
}
