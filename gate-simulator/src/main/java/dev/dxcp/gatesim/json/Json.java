package dev.dxcp.gatesim.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The simulator's one JSON configuration. Documents are kept as Jackson trees because Gate's
 * payloads are open-ended maps; on the way out they are written the way Gate writes them:
 * keys sorted alphabetically and null fields left out (Orca never serialises nulls, spec §1).
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("Malformed JSON: " + e.getMessage(), e);
        }
    }

    public static JsonNode parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode read(InputStream in) {
        try (in) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode valueToTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Serialises as Gate does: alphabetical keys, no null fields. */
    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(gateShaped(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise JSON", e);
        }
    }

    public static String writeString(JsonNode node) {
        return new String(write(node), StandardCharsets.UTF_8);
    }

    /** A copy with object keys sorted and null-valued fields removed, at every depth. */
    public static JsonNode gateShaped(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode sorted = object();
            for (Map.Entry<String, JsonNode> field : fields) {
                if (field.getValue() != null && !field.getValue().isNull()) {
                    sorted.set(field.getKey(), gateShaped(field.getValue()));
                }
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = array();
            node.forEach(element -> copy.add(gateShaped(element)));
            return copy;
        }
        return node;
    }

    /** Text of a field, or null when it is missing or JSON null (Gate treats both alike). */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
