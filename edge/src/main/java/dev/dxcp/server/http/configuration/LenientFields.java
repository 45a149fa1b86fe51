package dev.dxcp.server.http.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading typed request bodies the way clients rely on (spec README): a number where a string is
 * expected becomes its string form, a numeric string where an integer is expected is accepted,
 * JSON null reads like an absent field, unknown properties are ignored.
 */
final class LenientFields {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,10}");

    private LenientFields() {
    }

    /** Text or a number's text; null when absent or null; another JSON type is a schema error. */
    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return scalar(node).orElseThrow(() -> invalid(field + " must be a string"));
    }

    /** The first of the fields present (api-contract §10 aliases). */
    static String text(JsonNode body, String... fields) {
        for (String field : fields) {
            String value = text(body, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static Optional<String> scalar(JsonNode node) {
        if (node.isTextual()) {
            return Optional.of(node.textValue());
        }
        if (node.isNumber()) {
            return Optional.of(node.asText());
        }
        return Optional.empty();
    }

    /** A JSON integer or a numeric string; empty when the value is neither. */
    static Optional<Integer> integer(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        if (node.isTextual() && INTEGER.matcher(node.textValue().trim()).matches()) {
            long value = Long.parseLong(node.textValue().trim());
            return value == (int) value ? Optional.of((int) value) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A list of names (strings or numbers); empty when the value is not such a list. Null entries are kept blank. */
    static Optional<List<String>> names(JsonNode node) {
        if (!node.isArray()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isNull()) {
                values.add("");
                continue;
            }
            Optional<String> value = scalar(item);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    static Rejection invalid(String why) {
        return new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", why, null);
    }
}
