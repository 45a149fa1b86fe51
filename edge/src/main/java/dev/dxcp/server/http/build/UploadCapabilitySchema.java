package dev.dxcp.server.http.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.build.UploadCapabilityMessages.UploadCapabilityRequest;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.server.http.Fingerprints;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schema step of POST /v1/builds/upload-capability (api-contract §7): service, version,
 * expectedSha256 and contentType as strings, expectedSizeBytes a non-negative integer, all required.
 * Schema errors here are 400 INVALID_REQUEST (governance §5); the artifact limits come later.
 */
final class UploadCapabilitySchema {
    private UploadCapabilitySchema() {
    }

    record Parsed(UploadCapabilityRequest request, String fingerprint) {
    }

    static Parsed parse(JsonNode body) {
        String service = text(body, "service", 255);
        String version = text(body, "version", 255);
        long size = size(body.get("expectedSizeBytes"));
        String sha256 = text(body, "expectedSha256", 128);
        String contentType = text(body, "contentType", 255);
        // governance §6: the fields that make two capability requests "the same request"
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service", service);
        fields.put("version", version);
        fields.put("expectedSizeBytes", size);
        fields.put("expectedSha256", sha256);
        fields.put("contentType", contentType);
        return new Parsed(new UploadCapabilityRequest(service, version, size, sha256, contentType),
                Fingerprints.of(fields));
    }

    /** Strings, or numbers in their string form (lenient scalars, as on the build endpoints). */
    private static String text(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || !(node.isTextual() || node.isNumber()) || node.asText().isBlank()
                || node.asText().length() > max) {
            throw invalid(field + " is required as a non-blank string of at most " + max + " characters");
        }
        return node.asText();
    }

    private static long size(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
            return node.asLong();
        }
        if (node != null && node.isTextual() && node.asText().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText());
        }
        throw invalid("expectedSizeBytes is required as a non-negative integer");
    }

    private static Rejection invalid(String why) {
        return new Rejection(ErrorCode.INVALID_REQUEST, "Invalid request", why, null);
    }
}
