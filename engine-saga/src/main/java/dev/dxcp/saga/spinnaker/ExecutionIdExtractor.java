package dev.dxcp.saga.spinnaker;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the execution id in a trigger answer (domain-and-state §16): {@code executionId}, else {@code id},
 * else the last path segment of {@code ref}, {@code resource} or {@code url}. Real Gate answers
 * {@code {"ref": "/pipelines/<id>"}} (spinnaker-gate §2.2); the other fields cover other gateways.
 */
public final class ExecutionIdExtractor {

    private ExecutionIdExtractor() {
    }

    public static Optional<String> executionId(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return Optional.empty();
        }
        for (String field : List.of("executionId", "id")) {
            String value = text(answer, field);
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
        }
        for (String field : List.of("ref", "resource", "url")) {
            String segment = lastPathSegment(text(answer, field));
            if (!segment.isEmpty()) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText().trim() : "";
    }

    /** Ignores a query, a fragment and trailing slashes: {@code /pipelines/01ABC/?x=1} → {@code 01ABC}. */
    static String lastPathSegment(String reference) {
        String path = reference.trim();
        if (path.contains("://")) {
            try {
                path = Objects.requireNonNullElse(URI.create(path).getPath(), "");
            } catch (IllegalArgumentException e) {
                return "";
            }
        } else {
            int cut = path.indexOf('?');
            path = cut >= 0 ? path.substring(0, cut) : path;
            cut = path.indexOf('#');
            path = cut >= 0 ? path.substring(0, cut) : path;
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
