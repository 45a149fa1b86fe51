package dev.dxcp.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.events.common.MetaKeys;
import dev.dxcp.events.common.Timestamps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * One stored event, decoded: payload and metadata are the serializer's Jackson JSON (UTF-8). Bytes
 * that are not JSON (a foreign serializer, a damaged row) are passed on as base64 instead of failing
 * the whole replay.
 */
public record ReplayLine(StoredEvent row, JsonNode payload, JsonNode metadata, Instant timestamp) {

    public static ReplayLine decode(StoredEvent row, ObjectMapper json) {
        return new ReplayLine(row, payload(row, json), tree(row.metadata(), json), instant(row.timestamp()));
    }

    /** The stored payload, in the one form the replay shows for its type whatever revision stored it. */
    private static JsonNode payload(StoredEvent row, ObjectMapper json) {
        JsonNode payload = tree(row.payload(), json);
        boolean grouped = payload != null && DeploymentAcceptedWireForm.GROUPED_REVISION.equals(row.payloadRevision())
                && DeploymentAcceptedWireForm.TYPE_SUFFIX.equals(row.simpleType());
        return grouped ? DeploymentAcceptedWireForm.flat(payload) : payload;
    }

    public String metadata(String key) {
        JsonNode value = metadata == null ? null : metadata.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Writes the NDJSON line, newline included, to a generator that may carry many lines. */
    public void writeTo(JsonGenerator line, ObjectMapper json) {
        try {
            line.writeStartObject();
            line.writeNumberField("position", row.position());
            line.writeStringField("event_id", row.eventId());
            line.writeStringField("timestamp", timestamp == null ? row.timestamp() : Timestamps.format(timestamp));
            line.writeStringField("event_type", row.simpleType());
            line.writeStringField("aggregate_id", row.aggregateId());
            line.writeStringField("aggregate_type", row.aggregateType());
            line.writeNumberField("sequence_number", row.sequenceNumber());
            line.writeStringField("actor_id", metadata(MetaKeys.ACTOR_ID));
            line.writeStringField("actor_role", metadata(MetaKeys.ACTOR_ROLE));
            line.writeStringField("request_id", metadata(MetaKeys.REQUEST_ID));
            line.writeStringField("idempotency_key", metadata(MetaKeys.IDEMPOTENCY_KEY));
            if (payload != null) {
                line.writeFieldName("payload");
                json.writeTree(line, payload);
            } else if (row.payload() != null) {
                line.writeBinaryField("payload_base64", row.payload());
            }
            line.writeEndObject();
            line.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Axon writes ISO instants ending in Z; anything else goes through the general parser. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return Timestamps.parse(text).orElse(null);
        }
    }

    private static JsonNode tree(byte[] bytes, ObjectMapper json) {
        if (bytes == null) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
