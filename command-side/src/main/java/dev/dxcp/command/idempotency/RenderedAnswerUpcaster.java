package dev.dxcp.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseRecorded;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code IdempotentResponseRecorded} without a revision remembered the rendered answer: {@code status}
 * and {@code body}. Revision 2 remembers the answer as a value; an old entry becomes an answer that
 * carries its rendered form, so a key remembered before the change still replays its first answer byte
 * for byte (governance §6).
 */
public class RenderedAnswerUpcaster extends SingleEventUpcaster {
    private static final String TYPE = IdempotentResponseRecorded.class.getName();
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, RenderedAnswerUpcaster::toRevision2);
    }

    static JsonNode toRevision2(JsonNode stored) {
        ObjectNode event = ((ObjectNode) stored).deepCopy();
        JsonNode status = event.remove("status");
        JsonNode body = event.remove("body");
        ObjectNode answer = event.putObject("answer");
        answer.put("outcome", status.asInt() == 201 ? "CREATED" : "EXISTING");
        answer.put("adminView", false);
        answer.set("renderedStatus", status);
        answer.set("renderedBody", body);
        return event;
    }
}
