package dev.dxcp.command.common;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads an event stored before its class had a {@code @Revision} into the form of its current revision.
 * Events already carrying a revision pass untouched.
 */
public abstract class FirstRevisionUpcaster extends SingleEventUpcaster {
    private final String type;
    private final SimpleSerializedType current;

    protected FirstRevisionUpcaster(Class<?> eventType, String currentRevision) {
        this.type = eventType.getName();
        this.current = new SimpleSerializedType(type, currentRevision);
    }

    /** The stored payload in its current form. */
    protected abstract JsonNode upcast(JsonNode stored);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return type.equals(representation.getType().getName()) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(current, JsonNode.class, this::upcast);
    }
}
