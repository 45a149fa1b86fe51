package dev.dxcp.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.command.common.FirstRevisionUpcaster;
import dev.dxcp.events.idempotency.IdempotencyMessages.IdempotentResponseRecorded;

/**
 * {@code IdempotentResponseRecorded} without a revision remembered the rendered answer: {@code status}
 * and {@code body}. Revision 2 remembers the answer as a value; an old entry becomes an answer that
 * carries its rendered form, so a key remembered before the change still replays its first answer byte
 * for byte (governance §6).
 */
public class RenderedAnswerUpcaster extends FirstRevisionUpcaster {
    public RenderedAnswerUpcaster() {
        super(IdempotentResponseRecorded.class, "2");
    }

    @Override
    protected JsonNode upcast(JsonNode stored) {
        return toRevision2(stored);
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
