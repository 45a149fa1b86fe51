package dev.dxcp.bench.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Idempotency scopes and request fingerprints as governance §6 defines them (the server computes them in
 * its HTTP edge, which the benchmark cannot link against): scope = SHA-256 of method, path and key, one
 * per line; fingerprint = SHA-256 of the sorted-key JSON of the fingerprint fields, whitespace collapsed.
 */
final class RequestFingerprints {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private RequestFingerprints() {
    }

    static String scope(String method, String path, String idempotencyKey) {
        return sha256(String.join("\n", List.of(method, path, idempotencyKey)));
    }

    static String of(Map<String, Object> fields) {
        Map<String, Object> canonical = new TreeMap<>();
        fields.forEach((name, value) -> canonical.put(name,
                value instanceof String text ? text.replaceAll("\\s+", " ").trim() : value));
        try {
            return sha256(CANONICAL.writeValueAsString(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
