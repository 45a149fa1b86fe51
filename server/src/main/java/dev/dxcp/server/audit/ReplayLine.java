package dev.dxcp.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.query.audit.StoredEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * One stored event, decoded: payload and metadata are the serializer's Jackson JSON, read as UTF-8.
 * Bytes that are not JSON (a foreign serializer, a damaged row) are passed on as base64 instead of
 * failing the whole replay.
 */
public record ReplayLine(StoredEvent row, JsonNode payload, JsonNode metadata, Instant timestamp) {

    public static ReplayLine decode(StoredEvent row, ObjectMapper json) {
        return new ReplayLine(row, tree(row.payload(), json), tree(row.metadata(), json),
                Timestamps.parse(row.timestamp()).orElse(null));
    }

    public String metadata(String key) {
        JsonNode value = metadata == null ? null : metadata.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The NDJSON line, newline included. */
    public byte[] render(ObjectMapper json) {
        ObjectNode line = json.createObjectNode();
        line.put("position", row.position());
        line.put("event_id", row.eventId());
        line.put("timestamp", timestamp == null ? row.timestamp() : Timestamps.format(timestamp));
        line.put("event_type", row.simpleType());
        line.put("aggregate_id", row.aggregateId());
        line.put("aggregate_type", row.aggregateType());
        line.put("sequence_number", row.sequenceNumber());
        line.put("actor_id", metadata(MetaKeys.ACTOR_ID));
        line.put("actor_role", metadata(MetaKeys.ACTOR_ROLE));
        line.put("request_id", metadata(MetaKeys.REQUEST_ID));
        line.put("idempotency_key", metadata(MetaKeys.IDEMPOTENCY_KEY));
        if (payload != null) {
            line.set("payload", payload);
        } else if (row.payload() != null) {
            line.put("payload_base64", Base64.getEncoder().encodeToString(row.payload()));
        }
        return (line.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] bytes, ObjectMapper json) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }
}
