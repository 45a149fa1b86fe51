package dev.dxcp.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Events appended to the event store by type ({@code dxcp_events_appended_total}), counted when their
 * unit of work commits: a rolled-back decision appended nothing.
 */
public final class EventAppendMetrics implements MessageDispatchInterceptor<EventMessage<?>> {
    private final MeterRegistry registry;

    public EventAppendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<String> types = messages.stream().map(m -> m.getPayloadType().getSimpleName()).toList();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unit -> count(types));
        } else {
            count(types);
        }
        return (index, message) -> message;
    }

    private void count(List<String> types) {
        types.forEach(type -> Counter.builder("dxcp.events.appended").description("Events appended, by type")
                .tag("type", type).register(registry).increment());
    }
}
