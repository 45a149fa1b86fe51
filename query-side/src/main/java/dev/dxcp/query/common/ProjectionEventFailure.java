package dev.dxcp.query.common;

import dev.dxcp.events.common.RootCause;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * A projection could not apply one event. It names the event (global index, identifier, payload
 * type) so that the processor's status, which keeps the error it stopped on, tells an operator
 * exactly which event to look at, whatever the underlying cause was.
 */
public class ProjectionEventFailure extends RuntimeException {
    private final long globalIndex;
    private final String eventIdentifier;
    private final String payloadType;

    public ProjectionEventFailure(long globalIndex, String eventIdentifier, String payloadType, Throwable cause) {
        super("event " + globalIndex + " (" + payloadType + ", " + eventIdentifier + ") failed: "
                + rootMessage(cause), cause);
        this.globalIndex = globalIndex;
        this.eventIdentifier = eventIdentifier;
        this.payloadType = payloadType;
    }

    public static ProjectionEventFailure of(EventMessage<?> event, Throwable cause) {
        if (cause instanceof ProjectionEventFailure already) {
            return already;
        }
        long index = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1) : -1;
        return new ProjectionEventFailure(index, event.getIdentifier(), event.getPayloadType().getName(), cause);
    }

    public long globalIndex() {
        return globalIndex;
    }

    public String eventIdentifier() {
        return eventIdentifier;
    }

    public String payloadType() {
        return payloadType;
    }

    /** The database's own words when there are any (a failed JDBC batch hides them in the next exception). */
    public String reason() {
        return rootMessage(getCause());
    }

    public static String rootMessage(Throwable error) {
        return RootCause.message(error);
    }
}
