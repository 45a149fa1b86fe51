package dev.dxcp.server.http.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.BuildRegistrationRequest;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.server.http.Fingerprints;
import dev.dxcp.server.http.TextRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The schema step of build registration (api-contract §7, POST /v1/builds/register and POST /v1/builds):
 * required fields present and strings (numbers are taken in their string form), optional ones strings
 * when given, lengths bounded.
 * Failures name every offending field, sorted: {@code details.missing_fields} / {@code invalid_fields}.
 */
public final class BuildRegistrationSchema {
    private static final Map<String, Integer> REQUIRED = ordered(
            "service", 255, "version", 255, "artifactRef", 2048, "git_sha", 255, "git_branch", 1024,
            "ci_provider", 255, "ci_run_id", 1024, "built_at", 64);
    private static final Map<String, Integer> UPLOAD_REQUIRED = with(REQUIRED, "sha256", 128, "contentType", 255);
    private static final Map<String, Integer> OPTIONAL = ordered(
            "commit_url", 2048, "run_url", 2048, "checksum_sha256", 1024, "repo", 2048, "actor", 1024,
            "sha256", 128, "contentType", 255, "s3Bucket", 255, "s3Key", 2048);

    private BuildRegistrationSchema() {
    }

    /** @param asserted the integrity CI asserts on POST /v1/builds; null on /register */
    public record Parsed(BuildRegistrationRequest request, String fingerprint, ArtifactIntegrity asserted) {
    }

    /** POST /v1/builds/register: integrity values are accepted but taken from the artifact store. */
    public static Parsed parse(JsonNode body) {
        return parse(body, REQUIRED);
    }

    /**
     * POST /v1/builds: the same fields plus sha256, sizeBytes and contentType, which the client asserts
     * (api-contract §7); their limits are checked later, at their place in governance §5.
     */
    public static Parsed parseUploaded(JsonNode body) {
        return parse(body, UPLOAD_REQUIRED);
    }

    private static Parsed parse(JsonNode body, Map<String, Integer> required) {
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> invalid = new TreeSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        required.forEach((name, max) -> {
            JsonNode node = body.get(name);
            if (node == null) {
                missing.add(name);
            } else {
                String text = scalar(node);
                if (text == null || text.isBlank() || text.length() > max || !wellFormed(name, text)) {
                    invalid.add(name);
                } else {
                    values.put(name, text);
                }
            }
        });
        OPTIONAL.forEach((name, max) -> {
            JsonNode node = body.get(name);
            if (node != null && !node.isNull() && !required.containsKey(name)) {
                String text = scalar(node);
                if (text == null || text.length() > max || !wellFormed(name, text)) {
                    invalid.add(name);
                } else {
                    values.put(name, text);
                }
            }
        });
        JsonNode size = body.get("sizeBytes");
        Long sizeBytes = null;
        boolean sizeRequired = required == UPLOAD_REQUIRED;
        if (size == null && sizeRequired) {
            missing.add("sizeBytes");
        } else if (size != null && size.isNull() && sizeRequired) {
            invalid.add("sizeBytes");
        } else if (size != null && !size.isNull()) {
            if (size.canConvertToLong() && size.isIntegralNumber()
                    || size.isTextual() && size.asText().matches("\\d{1,18}")) {
                sizeBytes = size.asLong();
            } else {
                invalid.add("sizeBytes");
            }
        }
        if (!missing.isEmpty() || !invalid.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("missing_fields", new ArrayList<>(missing));
            details.put("invalid_fields", new ArrayList<>(invalid));
            throw new Rejection(ErrorCode.INVALID_BUILD_REGISTRATION, "Invalid build registration", null, details);
        }
        BuildRegistrationRequest request = new BuildRegistrationRequest(values.get("service"),
                values.get("version"), values.get("artifactRef"), values.get("git_sha"), values.get("git_branch"),
                values.get("ci_provider"), values.get("ci_run_id"), values.get("built_at"),
                values.get("checksum_sha256"), values.get("repo"), values.get("actor"), values.get("commit_url"),
                values.get("run_url"));
        ArtifactIntegrity asserted = sizeRequired
                ? new ArtifactIntegrity(values.get("sha256"), sizeBytes, values.get("contentType")) : null;
        return new Parsed(request, fingerprint(values, sizeBytes), asserted);
    }

    /** governance §6: the fields that make two registrations "the same request". */
    private static String fingerprint(Map<String, String> values, Long sizeBytes) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : List.of("service", "version", "artifactRef", "git_sha", "git_branch", "ci_provider",
                "ci_run_id", "sha256", "contentType", "repo", "commit_url", "run_url")) {
            fields.put(name, values.get(name));
        }
        String builtAt = values.get("built_at");
        fields.put("built_at", Timestamps.parse(builtAt).map(Timestamps::format).orElse(builtAt));
        fields.put("sizeBytes", sizeBytes);
        return Fingerprints.of(fields);
    }

    private static boolean wellFormed(String field, String value) {
        return !TextRules.hasForbiddenCharacters(value) && ProvenanceShapes.fits(field, value);
    }

    /** Strings as given, numbers in their string form (spec README lenient scalars); anything else is invalid. */
    private static String scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isNumber()) {
            return node.asText();
        }
        return null;
    }

    private static Map<String, Integer> with(Map<String, Integer> base, Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>(base);
        map.putAll(ordered(pairs));
        return map;
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
