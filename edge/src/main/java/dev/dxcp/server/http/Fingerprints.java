package dev.dxcp.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dxcp.events.common.Hashing;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Request fingerprints (governance §6): SHA-256 of the canonical JSON (sorted keys) of the fingerprint
 * fields, strings with whitespace runs collapsed and trimmed, absent = null.
 */
public final class Fingerprints {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Fingerprints() {
    }

    public static String of(Map<String, Object> fields) {
        Map<String, Object> canonical = new TreeMap<>();
        fields.forEach((name, value) -> canonical.put(name, normalize(value)));
        try {
            return Hashing.sha256Hex(CANONICAL.writeValueAsString(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Fingerprint fields must be JSON values", e);
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof String text) {
            return WHITESPACE.matcher(text).replaceAll(" ").trim();
        }
        return value;
    }
}
