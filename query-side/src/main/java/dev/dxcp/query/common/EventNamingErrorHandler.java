package dev.dxcp.query.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;

/**
 * A handler failure stops its processor at that event (as Axon's propagating handler does), and the
 * error the processor keeps in its status names the event: global index, identifier, payload type.
 * Operators read it from the projections list instead of searching logs for it.
 */
public final class EventNamingErrorHandler implements ListenerInvocationErrorHandler {
    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) {
        throw ProjectionEventFailure.of(event, exception);
    }
}
